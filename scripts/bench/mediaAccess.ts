/**
 * What the media read rule (finding M2, docs/security.md) costs the public site, before
 * (`read: anyone`) and after (public window kept by hooks), on one database in one process:
 * the rule is swapped on the loaded config between rounds, rounds alternate (the machine may
 * be busy). Seeds the demo, then 40 published entries with 2 photos each. Prints the median
 * wall time in ms of: a file answer (`/api/media/file/<size>`, 80 files, as the images of a
 * results page), a page of 100 media by the public, 40 entries read with their photos (depth 1),
 * and the cost on writes (publishing an entry with 2 photos).
 *
 *   DATABASE_URI=file:/tmp/bench-media/a.db MEDIA_DIR=/tmp/bench-media/media \
 *     node --conditions=production --no-deprecation --import tsx scripts/bench/mediaAccess.ts
 */
import { performance } from 'node:perf_hooks'

import config from '@payload-config'
import { type Access, getPayload, handleEndpoints } from 'payload'
import sharp from 'sharp'

import { runMigrations } from '@/database/migrate'
import { seedDemoIfEmpty } from '@/seed/demo'

const payload = await getPayload({ config })
await runMigrations(payload)
await seedDemoIfEmpty(payload, () => {})

const media = payload.collections.media!.config
const ruleAfter = media.access.read as Access
const ruleBefore: Access = () => true
const territory = (await payload.find({ collection: 'territories', limit: 1, depth: 0 })).docs[0]!
const commune = (await payload.find({ collection: 'communes', where: { territory: { equals: territory.id } }, limit: 1, depth: 0 })).docs[0]!
const category = (await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0]!

const existing = await payload.count({ collection: 'businesses', where: { name: { like: 'Banc d’essai' } } })
if (existing.totalDocs < 40) {
  for (let i = 0; i < 40; i++) {
    const photos = []
    for (const colour of ['#3a7d44', '#c84']) {
      const data = await sharp({ create: { width: 900, height: 700, channels: 3, background: colour } }).png().toBuffer()
      photos.push((await payload.create({ collection: 'media', data: { alt: `Photo ${i}`, territory: territory.id }, file: { data, mimetype: 'image/png', name: `banc-${i}.png`, size: data.length } })).id)
    }
    await payload.create({ collection: 'businesses', data: { name: `Banc d’essai ${i}`, commune: commune.id, categories: [category.id], status: 'published', photos } as never })
  }
}
const entries = (await payload.find({ collection: 'businesses', where: { name: { like: 'Banc d’essai' } }, limit: 40, depth: 1 })).docs
const files = entries.flatMap((e) => (e.photos ?? []).map((p) => (p as { sizes?: { card?: { filename?: string } } }).sizes?.card?.filename)).filter(Boolean) as string[]

async function fileAnswers(): Promise<number> {
  const start = performance.now()
  for (const name of files) {
    const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api/media/file/${name}`) })
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`)
    await response.arrayBuffer()
  }
  return performance.now() - start
}
async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}
const mediaPage = () => timed(() => payload.find({ collection: 'media', limit: 100, depth: 0, overrideAccess: false }))
const entriesWithPhotos = () => timed(() => payload.find({ collection: 'businesses', where: { name: { like: 'Banc d’essai' } }, limit: 40, depth: 1, overrideAccess: false }))
const publish = async () => {
  const entry = entries[Math.floor(Math.random() * entries.length)]!
  await payload.update({ collection: 'businesses', id: entry.id, data: { status: 'pending' } as never })
  return timed(() => payload.update({ collection: 'businesses', id: entry.id, data: { status: 'published' } as never }))
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const results: Record<string, Record<'before' | 'after', number[]>> = {}
const measures: Record<string, () => Promise<number>> = {
  [`${files.length} fichiers (taille card)`]: fileAnswers,
  'liste de 100 médias (public)': mediaPage,
  '40 fiches avec leurs photos (depth 1)': entriesWithPhotos,
}
for (let round = 0; round < 7; round++) {
  for (const rule of ['before', 'after'] as const) {
    media.access.read = rule === 'before' ? ruleBefore : ruleAfter
    for (const [name, measure] of Object.entries(measures)) {
      results[name] ??= { before: [], after: [] }
      const value = await measure()
      if (round > 0) results[name][rule].push(value)
    }
  }
}
media.access.read = ruleAfter
const writes: number[] = []
for (let i = 0; i < 10; i++) writes.push(await publish())

console.log(`Règle de lecture des médias, médiane de 6 passages (ms, horloge murale) — ${files.length} fichiers, ${entries.length} fiches`)
for (const [name, { before, after }] of Object.entries(results)) {
  console.log(`${name.padEnd(40)} avant ${median(before).toFixed(1).padStart(8)}   après ${median(after).toFixed(1).padStart(8)}`)
}
console.log(`${'publier une fiche à 2 photos (après)'.padEnd(40)} ${median(writes).toFixed(1).padStart(8)}`)
process.exit(0)
