/**
 * Imports or refreshes an intercommunalité and its communes by EPCI SIREN code:
 *   npm run import:epci -- 246000848
 * Idempotent; communes without a known centre are listed, never given invented coordinates.
 */
import { importEpci, UnknownEpciError } from '@/territories/importEpci'

import { closeDatabase } from '@/database/close'

import { bootPayload } from './lib/bootPayload'

const code = process.argv[2]
if (!code) {
  console.error('Indiquez le code SIREN de l’EPCI, par exemple : npm run import:epci -- 246000848')
  process.exit(2)
}

const payload = await bootPayload()
try {
  const report = await importEpci(payload, code, {
    onProgress: (done, total) => {
      if (!process.stdout.isTTY) return
      const width = 30
      const filled = Math.round((done / total) * width)
      process.stdout.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} communes`)
    },
  })
  if (process.stdout.isTTY) process.stdout.write('\n')
  const { communes, territory, withoutCentre } = report
  console.log(`${territory.name} (${territory.created ? 'territoire créé' : 'territoire existant'})`)
  console.log(`  ${communes.total} communes : ${communes.created} créées, ${communes.updated} mises à jour, ${communes.unchanged} inchangées.`)
  if (withoutCentre.length) {
    console.log(`  ${withoutCentre.length} commune(s) sans centre connu (sans coordonnées) :`)
    for (const c of withoutCentre) console.log(`    - ${c.name} (${c.inseeCode})`)
  } else {
    console.log('  Toutes les communes ont un centre.')
  }
  await closeDatabase(payload)
  process.exit(0)
} catch (error) {
  console.error(`✖ ${error instanceof UnknownEpciError ? error.message : String(error)}`)
  await closeDatabase(payload)
  process.exit(1)
}
