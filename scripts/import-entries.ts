/**
 * Imports businesses and associations from a spreadsheet (CSV or XLSX) into a territory.
 *
 *   npm run import:entries -- fichier.csv --territory <slug> [--dry-run] [--mapping mapping.json] [--kind entreprise|association] [--report rapport.csv] [--create-categories]
 *
 * Always start with --dry-run: it writes nothing and lists, row by row, what would be
 * created, updated or refused and why. Running the same file twice changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { IMPORT_FIELD_LABELS, type ImportField, mappingSchema } from '@/imports/mapping'
import { readTable } from '@/imports/read'
import { type RowReport, runImport } from '@/imports/run'
import { toCsv } from '@/reports/csv'

import { bootPayload } from './lib/bootPayload'

const ACTIONS: Record<RowReport['action'], string> = { create: 'création', update: 'mise à jour', unchanged: 'inchangée', conflict: 'CONFLIT', refuse: 'REFUSÉE' }

function bar(done: number, total: number): string {
  const width = 30
  const filled = total ? Math.round((done / total) * width) : width
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      territory: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      mapping: { type: 'string' },
      kind: { type: 'string' },
      report: { type: 'string' },
      'create-categories': { type: 'boolean', default: false },
    },
  })
  const file = positionals[0]
  if (!file || !values.territory) {
    console.error('Usage : npm run import:entries -- fichier.csv --territory <identifiant> [--dry-run] [--mapping correspondance.json] [--kind entreprise|association] [--report rapport.csv]')
    process.exit(2)
  }
  const mapping = values.mapping ? mappingSchema.parse(JSON.parse(fs.readFileSync(values.mapping, 'utf8'))) : undefined
  const kind = values.kind ? ({ entreprise: 'businesses', association: 'associations' } as const)[values.kind as 'entreprise' | 'association'] : undefined
  if (values.kind && !kind) throw new Error('--kind : écrivez « entreprise » ou « association ».')
  const table = await readTable(fs.readFileSync(file), path.basename(file))

  const payload = await bootPayload()
  const { docs } = await payload.find({ collection: 'territories', where: { slug: { equals: values.territory } }, limit: 1, overrideAccess: true })
  if (!docs[0]) throw new Error(`Territoire « ${values.territory} » inconnu : donnez son identifiant court (champ « slug »).`)
  const dryRun = values['dry-run']
  console.log(`${dryRun ? 'Essai à blanc (rien n’est écrit)' : 'Import'} de ${table.rows.length} ligne(s) dans ${docs[0].name}…`)
  const tty = process.stderr.isTTY
  const report = await runImport(payload, table, {
    territory: docs[0].id,
    dryRun,
    mapping,
    kind,
    fileName: path.basename(file),
    createCategories: values['create-categories'] ? (await runImport(payload, table, { territory: docs[0].id, dryRun: true, mapping, kind })).categoryProposals?.map((p) => p.key) : undefined,
    onProgress: (done, total) => {
      if (tty) process.stderr.write(`\r${bar(done, total)}`)
      else if (done === total || done % 50 === 0) process.stderr.write(`${bar(done, total)}\n`)
    },
  })
  if (tty) process.stderr.write('\n')
  console.log(`Colonnes comprises : ${Object.entries(report.mapping).map(([f, c]) => `${c} → ${IMPORT_FIELD_LABELS[f as ImportField]}`).join(', ')}`)
  if (report.unknownColumns.length) console.log(`Colonnes ignorées : ${report.unknownColumns.join(', ')}`)
  for (const row of report.rows) {
    if (row.action === 'unchanged') continue
    console.log(`  ligne ${String(row.line).padStart(4)} : ${ACTIONS[row.action].padEnd(12)} ${row.name ?? ''}${row.reasons || row.conflicts || row.notes ? ` — ${[...(row.reasons ?? []), ...(row.conflicts ?? []), ...(row.notes ?? [])].join(' ')}` : ''}`)
  }
  const c = report.counts
  console.log(`\n${dryRun ? 'Serait' : 'Résultat'} : ${c.create} création(s), ${c.update} mise(s) à jour, ${c.unchanged} inchangée(s), ${c.conflict} gardée(s) (texte du propriétaire), ${c.refuse} refusée(s).`)
  for (const p of report.categoryProposals ?? []) console.log(`Catégorie à créer : « ${p.name} »${p.parent ? ` dans « ${p.parent.name} »` : ''} (lignes ${p.lines.join(', ')}) ; relancez avec --create-categories pour la créer.`)
  if (report.categoriesCreated?.length) console.log(`Catégories créées : ${report.categoriesCreated.join(', ')}`)
  if (values.report) {
    fs.writeFileSync(values.report, '\uFEFF' + toCsv([['ligne', 'action', 'type', 'nom', 'identifiant', 'motifs'], ...report.rows.map((r) => [r.line, ACTIONS[r.action], r.kind ?? '', r.name ?? '', r.id ?? '', [...(r.reasons ?? []), ...(r.conflicts ?? []), ...(r.notes ?? [])].join(' ')])], ';'))
    console.log(`Compte rendu ligne par ligne : ${values.report}`)
  }
  await payload.destroy()
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
