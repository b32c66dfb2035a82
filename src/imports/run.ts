import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import type { AccessUser } from '@/access/roles'
import { isPayloadError } from '@/errors/isPayloadError'

import { foldName, type Mapping, resolveMapping } from './mapping'
import { type EntryData, type EntryKind, type Lookup, prepareRow } from './row'
import type { Table } from './read'

export type RowAction = 'create' | 'update' | 'unchanged' | 'refuse'
export type RowReport = { line: number; action: RowAction; kind?: EntryKind; name?: string; id?: number | string; reasons?: string[] }
export type ImportReport = {
  dryRun: boolean
  total: number
  counts: Record<RowAction, number>
  rows: RowReport[]
  mapping: Mapping
  unknownColumns: string[]
}

export type ImportOptions = {
  territory: number | string
  dryRun: boolean
  mapping?: Mapping
  /** When the file has no "type" column: what every row is (default: association when it has an RNA). */
  kind?: EntryKind
  user?: AccessUser | null
  fileName?: string
  onProgress?: (processed: number, total: number, last: RowReport) => void | Promise<void>
}

type Existing = { id: number | string } & Record<string, unknown>

async function loadLookup(payload: Payload, territory: number | string): Promise<Lookup> {
  const [{ docs: communes }, { docs: categories }] = await Promise.all([
    payload.find({ collection: 'communes', where: { territory: { equals: territory } }, pagination: false, depth: 0, overrideAccess: true }),
    payload.find({
      collection: 'categories',
      where: { or: [{ territory: { equals: territory } }, { territory: { exists: false } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  return {
    communes: communes.map((c) => ({ id: c.id, name: c.name, inseeCode: c.inseeCode, postcodes: (c.postcodes ?? []) as string[] })),
    categories: categories.map((c) => ({ id: c.id, name: c.name, slug: c.slug })),
  }
}

/** The existing entry a row stands for: same SIRET, else same RNA, else same name in the same commune. */
async function findExisting(payload: Payload, territory: number | string, kind: EntryKind, data: EntryData, req?: PayloadRequest): Promise<Existing | undefined> {
  const base = { territory: { equals: territory } }
  const attempts: Where[] = []
  if (data.siret) attempts.push({ siret: { equals: data.siret } })
  if (kind === 'associations' && data.rna) attempts.push({ rna: { equals: data.rna } })
  for (const where of attempts) {
    const { docs } = await payload.find({ collection: kind, where: { and: [base, where] }, limit: 1, depth: 0, overrideAccess: true, req })
    if (docs[0]) return docs[0] as unknown as Existing
  }
  const { docs } = await payload.find({
    collection: kind,
    where: { and: [base, { commune: { equals: data.commune } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const name = foldName(data.name)
  return (docs as unknown as Existing[]).find((d) => foldName(String(d.name ?? '')) === name)
}

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x && typeof x === 'object' ? (x as Existing).id : x)).sort().join(',') : '')

/** The fields of the row that differ from the existing entry (empty cells never erase anything). */
function changes(existing: Existing, data: EntryData): Partial<EntryData> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    const current = existing[key]
    if (key === 'categories') {
      if (ids(current) !== ids(value)) out[key] = value
    } else if (key === 'commune') {
      if (String(current && typeof current === 'object' ? (current as Existing).id : current) !== String(value)) out[key] = value
    } else if ((current ?? '') !== value) out[key] = value
  }
  return out as Partial<EntryData>
}

function reasonsOf(error: unknown): string[] {
  if (isPayloadError(error, 'ValidationError')) return error.data.errors.map((e) => `${e.label ?? e.path} : ${e.message}`)
  return [error instanceof Error ? error.message : String(error)]
}

/**
 * Imports rows of a spreadsheet into the directory of a territory. The dry run writes
 * nothing and says, row by row, what would be created, updated or refused and why. The real
 * run writes each row on its own, all or nothing (in a transaction where the database has
 * them; otherwise an entry created by a row that then fails is removed). Running the same
 * file twice changes nothing the second time: rows are matched on SIRET, RNA, or name and
 * commune.
 */
export async function runImport(payload: Payload, table: Table, options: ImportOptions): Promise<ImportReport> {
  const { mapping, unknownColumns } = resolveMapping(table.header, options.mapping)
  if (!mapping.name) throw new Error(`Aucune colonne de nom trouvée : nommez-la « nom » ou donnez une correspondance (colonnes : ${table.header.join(', ')}).`)
  const lookup = await loadLookup(payload, options.territory)
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, refuse: 0 }
  const rows: RowReport[] = []
  const total = table.rows.length
  const seen = new Set<string>()

  for (const [index, raw] of table.rows.entries()) {
    const line = index + 2 // the header is line 1, as in a spreadsheet
    const prepared = prepareRow(raw, mapping, lookup, options.kind)
    let report: RowReport
    if (!prepared.ok) report = { line, action: 'refuse', kind: prepared.kind, name: prepared.name, reasons: prepared.errors }
    else {
      const { kind, data } = prepared
      const key = `${kind}|${data.siret ?? data.rna ?? `${foldName(data.name)}|${data.commune}`}`
      if (seen.has(key)) report = { line, action: 'refuse', kind, name: data.name, reasons: ['Doublon d’une ligne précédente du fichier (même SIRET, RNA ou nom dans la même commune).'] }
      else {
        seen.add(key)
        report = options.dryRun ? await planRow(payload, options, kind, data, line) : await writeRow(payload, options, kind, data, line)
      }
    }
    counts[report.action] += 1
    rows.push(report)
    await options.onProgress?.(index + 1, total, report)
  }
  return { dryRun: options.dryRun, total, counts, rows, mapping, unknownColumns }
}

async function planRow(payload: Payload, options: ImportOptions, kind: EntryKind, data: EntryData, line: number): Promise<RowReport> {
  const existing = await findExisting(payload, options.territory, kind, data)
  if (!existing) return { line, action: 'create', kind, name: data.name }
  const diff = changes(existing, data)
  return { line, action: Object.keys(diff).length ? 'update' : 'unchanged', kind, name: data.name, id: existing.id, reasons: Object.keys(diff).length ? [`Champs modifiés : ${Object.keys(diff).join(', ')}.`] : undefined }
}

async function writeRow(payload: Payload, options: ImportOptions, kind: EntryKind, data: EntryData, line: number): Promise<RowReport> {
  const req = await createLocalReq({ user: (options.user ?? undefined) as never, context: { auditDetails: `Import ${options.fileName ?? ''}`.trim() } }, payload)
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  if (transactionID !== undefined) req.transactionID = transactionID
  let createdId: number | string | undefined
  try {
    const existing = await findExisting(payload, options.territory, kind, data, req)
    let report: RowReport
    if (!existing) {
      const doc = await payload.create({
        collection: kind,
        data: { ...data, territory: options.territory, status: 'published' } as never,
        overrideAccess: true,
        req,
      })
      createdId = doc.id
      report = { line, action: 'create', kind, name: data.name, id: doc.id }
    } else {
      const diff = changes(existing, data)
      if (Object.keys(diff).length) {
        await payload.update({ collection: kind, id: existing.id, data: diff as never, overrideAccess: true, req })
        report = { line, action: 'update', kind, name: data.name, id: existing.id, reasons: [`Champs modifiés : ${Object.keys(diff).join(', ')}.`] }
      } else report = { line, action: 'unchanged', kind, name: data.name, id: existing.id }
    }
    if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    return report
  } catch (error) {
    if (transactionID !== undefined) await payload.db.rollbackTransaction(transactionID).catch(() => {})
    else if (createdId !== undefined) await payload.delete({ collection: kind, id: createdId, overrideAccess: true }).catch(() => {})
    return { line, action: 'refuse', kind, name: data.name, reasons: reasonsOf(error) }
  }
}
