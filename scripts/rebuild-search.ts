/**
 * Rebuilds the search index of the configured database from the collections:
 *   npm run search:rebuild
 * Use it after restoring a backup, editing the database by hand, or changing how entries
 * are indexed. Searches keep answering meanwhile (with partial results until it ends).
 */
import { closeDatabase } from '@/database/close'
import { getSearchEngine } from '@/search'

import { bootPayload } from './lib/bootPayload'

const payload = await bootPayload()
try {
  const engine = getSearchEngine(payload)
  const started = performance.now()
  let last = 0
  const { indexed } = await engine.rebuild((done, total) => {
    if (!process.stdout.isTTY || Date.now() - last < 200) return
    last = Date.now()
    process.stdout.write(`\r  ${done}/${total} fiches indexées`)
  })
  if (process.stdout.isTTY) process.stdout.write('\n')
  console.log(`Index de recherche (${engine.name}) reconstruit : ${indexed} fiches publiées en ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  await closeDatabase(payload)
  process.exit(0)
} catch (error) {
  console.error(`✖ Reconstruction de l’index impossible : ${error instanceof Error ? error.message : String(error)}`)
  await closeDatabase(payload)
  process.exit(1)
}
