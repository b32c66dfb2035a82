import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import type { AccessUser } from '@/access/roles'
import { isPayloadError } from '@/errors/isPayloadError'

import { hasPendingChanges, pendingOf } from '@/moderation/pendingChanges'

import { type CategoryMatch, categoryKey } from './categories'
import { foldName, IMPORT_FIELD_LABELS, type ImportField, type Mapping, resolveMapping } from './mapping'
import { type EntryData, type EntryKind, type Lookup, prepareRow } from './row'
import { yieldToEventLoop } from './limits'
import type { Table } from './read'

/**
 * What became of a row. `conflict`: the entry exists and its owner manages it; the file differs
 * from what they wrote, and the import kept their text (each field is a line of `conflicts`).
 */
export type RowAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'refuse'
export type RowReport = {
  line: number
  action: RowAction
  kind?: EntryKind
  name?: string
  id?: number | string
  reasons?: string[]
  /** Fields the owner wrote that the file would have replaced: kept as they are. */
  conflicts?: string[]
  /** How the row's categories were understood (« Boulangerie » → « Boulangerie, pâtisserie »). */
  notes?: string[]
}

/** A category the file names and the directory lacks: the dry run proposes to create it. */
export type CategoryProposal = { key: string; name: string; parent: { id: number | string; name: string } | null; lines: number[] }
/** A category recognised under another name, shown so that the administrator checks it. */
export type CategoryGuess = { written: string; category: string; lines: number[] }

export type ImportReport = {
  dryRun: boolean
  total: number
  counts: Record<RowAction, number>
  rows: RowReport[]
  mapping: Mapping
  unknownColumns: string[]
  /** Categories to create, if the administrator confirms them before importing. */
  categoryProposals?: CategoryProposal[]
  /** Categories created by this (real) run, by name. */
  categoriesCreated?: string[]
  categoryGuesses?: CategoryGuess[]
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
  /** Keys (CategoryProposal.key) of the proposed categories the administrator confirmed. */
  createCategories?: readonly string[]
  /** A secrétaire de mairie's communes: the rows of any other commune are refused. */
  communes?: ReadonlyArray<number | string>
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
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      slug: c.slug,
      keywords: c.keywords,
      parent: c.parent && typeof c.parent === 'object' ? c.parent.id : (c.parent ?? null),
    })),
  }
}

type Match = { existing: Existing; by: 'siret' | 'rna' | 'name' }

/** The existing entry a row stands for: same SIRET, else same RNA, else same name in the same commune. */
async function findExisting(payload: Payload, territory: number | string, kind: EntryKind, data: EntryData, req?: PayloadRequest): Promise<Match | undefined> {
  const base = { territory: { equals: territory } }
  const attempts: Array<[Match['by'], Where]> = []
  if (data.siret) attempts.push(['siret', { siret: { equals: data.siret } }])
  if (kind === 'associations' && data.rna) attempts.push(['rna', { rna: { equals: data.rna } }])
  for (const [by, where] of attempts) {
    const { docs } = await payload.find({ collection: kind, where: { and: [base, where] }, limit: 1, depth: 0, overrideAccess: true, req })
    if (docs[0]) return { existing: docs[0] as unknown as Existing, by }
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
  const existing = (docs as unknown as Existing[]).find((d) => foldName(String(d.name ?? '')) === name)
  return existing ? { existing, by: 'name' } : undefined
}

const STATUS_WORDS: Record<string, string> = { rejected: 'refusée', archived: 'archivée' }

/**
 * Why a found entry must not be touched by this row, in French (a conflict line), or nothing:
 * a refused or archived entry, a SIRET or RNA carried by an entry of another commune or name,
 * an entry outside the communes of the secrétaire who imports.
 */
function matchProblem({ existing, by }: Match, data: EntryData, lookup: Lookup, options: ImportOptions): string | undefined {
  const communeId = String(existing.commune && typeof existing.commune === 'object' ? (existing.commune as Existing).id : existing.commune)
  const where = lookup.communes.find((c) => String(c.id) === communeId)?.name ?? 'une autre commune'
  const number = by === 'siret' ? `SIRET ${data.siret}` : by === 'rna' ? `RNA ${data.rna}` : 'Même nom dans la même commune'
  const entry = `la fiche « ${String(existing.name ?? '')} » (${where})`
  const status = STATUS_WORDS[String(existing.status)]
  if (status) return `${number} : ${entry} est ${status} ; l’import ne la modifie pas. Republiez-la d’abord si elle doit revenir, ou vérifiez le fichier.`
  if (options.communes && !options.communes.map(String).includes(communeId)) {
    return `${number} : déjà porté par ${entry}, commune dont vous n’êtes pas secrétaire ; rien n’est modifié. Vérifiez le numéro, ou demandez à l’administrateur du territoire.`
  }
  if (communeId !== String(data.commune)) {
    const rowCommune = lookup.communes.find((c) => String(c.id) === String(data.commune))?.name ?? ''
    return `${number} : déjà porté par ${entry}, alors que le fichier indique ${rowCommune} ; rien n’est modifié. Vérifiez le numéro ou la commune.`
  }
  if (foldName(String(existing.name ?? '')) !== foldName(data.name)) {
    return `${number} : déjà porté par ${entry}, alors que le fichier dit « ${data.name} » ; rien n’est modifié. Vérifiez le numéro, ou renommez la fiche dans l’annuaire si c’est la même structure.`
  }
  return undefined
}

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x && typeof x === 'object' ? (x as Existing).id : x)).sort().join(',') : '')

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** An entry its owner manages: what they wrote is theirs, the import only fills what is empty. */
function ownedByAnOwner(existing: Existing): boolean {
  return (Array.isArray(existing.owners) && existing.owners.length > 0) || hasPendingChanges(existing.pendingChanges)
}

function shown(key: string, value: unknown, lookup: Lookup): string {
  if (key === 'categories' && Array.isArray(value)) {
    return value.map((v) => lookup.categories.find((c) => String(c.id) === String(v && typeof v === 'object' ? (v as Existing).id : v))?.name ?? String(v)).join(', ')
  }
  if (key === 'commune') return lookup.communes.find((c) => String(c.id) === String(value && typeof value === 'object' ? (value as Existing).id : value))?.name ?? String(value)
  const text = String(value ?? '')
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

const labelOf = (key: string) => IMPORT_FIELD_LABELS[key as ImportField] ?? key

/**
 * The fields of the row that differ from the existing entry (empty cells never erase anything).
 * On an entry its owner manages, a field that already holds a value is never replaced: it is a
 * conflict line instead, saying what the owner wrote and what the file proposed.
 */
function changes(existing: Existing, data: EntryData, lookup: Lookup): { diff: Partial<EntryData>; conflicts: string[] } {
  const out: Record<string, unknown> = {}
  const conflicts: string[] = []
  const owned = ownedByAnOwner(existing)
  const pending = pendingOf(existing as { pendingChanges?: unknown })
  for (const [key, value] of Object.entries(data)) {
    const current = existing[key]
    let differs: boolean
    if (key === 'categories') differs = ids(current) !== ids(value)
    else if (key === 'commune') differs = String(current && typeof current === 'object' ? (current as Existing).id : current) !== String(value)
    else differs = (current ?? '') !== value
    if (!differs) continue
    if (owned && (!isEmpty(current) || key in pending)) {
      const theirs = key in pending ? pending[key] : current
      conflicts.push(`${labelOf(key)} : le propriétaire a écrit « ${shown(key, theirs, lookup)} », le fichier dit « ${shown(key, value, lookup)} » ; la fiche garde le texte du propriétaire.`)
    } else out[key] = value
  }
  return { diff: out as Partial<EntryData>, conflicts }
}

function changedFields(diff: Partial<EntryData>): string {
  return `Champs modifiés : ${Object.keys(diff).map(labelOf).join(', ')}.`
}

/**
 * An owner's edit waits for a moderator: the import writes nothing on that entry, not even an
 * empty field. A staff save would make the waiting card the mairie's change (the moderation
 * queue names the last editor) and mix the file into the owner's request.
 */
export function pendingEditConflict(diff: Partial<EntryData>): string {
  return `Modification du propriétaire en attente de validation : rien n’est modifié sur cette fiche (le fichier aurait changé : ${Object.keys(diff).map(labelOf).join(', ')}). Décidez d’abord de sa demande dans « À modérer » (garder ou revenir), puis relancez l’import.`
}

/** The row's report once the existing entry (if any) and what would change are known. */
function outcome(line: number, kind: EntryKind, data: EntryData, existing: Existing, diff: Partial<EntryData>, conflicts: string[]): RowReport {
  if (Object.keys(diff).length > 0 && hasPendingChanges(existing.pendingChanges)) {
    return { line, action: 'conflict', kind, name: data.name, id: existing.id, conflicts: [pendingEditConflict(diff), ...conflicts] }
  }
  const changed = Object.keys(diff).length > 0
  const action: RowAction = changed ? 'update' : conflicts.length ? 'conflict' : 'unchanged'
  return {
    line,
    action,
    kind,
    name: data.name,
    id: existing.id,
    ...(changed ? { reasons: [changedFields(diff)] } : {}),
    ...(conflicts.length ? { conflicts } : {}),
  }
}

function reasonsOf(error: unknown): string[] {
  if (isPayloadError(error, 'ValidationError')) return error.data.errors.map((e) => `${e.label ?? e.path} : ${e.message}`)
  return [error instanceof Error ? error.message : String(error)]
}

function proposalKey(match: Extract<CategoryMatch, { kind: 'missing' }>): string {
  return `${categoryKey(match.name)}|${match.parent ? String(match.parent.id) : ''}`
}

/** What the file's categories need: the ones to create and the ones recognised under another name. */
async function categoryNeeds(table: Table, mapping: Mapping, lookup: Lookup, kind: EntryKind | undefined) {
  const proposals = new Map<string, CategoryProposal>()
  const guesses = new Map<string, CategoryGuess>()
  for (const [index, raw] of table.rows.entries()) {
    if (index % 200 === 199) await yieldToEventLoop()
    const line = index + 2
    const prepared = prepareRow(raw, mapping, lookup, kind, { allowMissingCategories: true })
    for (const m of prepared.matches ?? []) {
      if (m.kind === 'missing') {
        const key = proposalKey(m)
        const p = proposals.get(key) ?? { key, name: m.name, parent: m.parent ? { id: m.parent.id, name: m.parent.name } : null, lines: [] }
        if (!p.lines.includes(line)) p.lines.push(line)
        proposals.set(key, p)
      } else if (m.kind === 'close') {
        const key = `${categoryKey(m.written)}|${String(m.category.id)}`
        const g = guesses.get(key) ?? { written: m.written, category: m.category.name, lines: [] }
        if (!g.lines.includes(line)) g.lines.push(line)
        guesses.set(key, g)
      }
    }
  }
  return { proposals: [...proposals.values()], guesses: [...guesses.values()] }
}

/** Creates the categories the administrator confirmed, in the territory, under their parent. */
async function createConfirmedCategories(payload: Payload, options: ImportOptions, proposals: CategoryProposal[]): Promise<string[]> {
  const wanted = new Set(options.createCategories ?? [])
  const created: string[] = []
  for (const p of proposals) {
    if (!wanted.has(p.key)) continue
    const req = await createLocalReq({ user: (options.user ?? undefined) as never, context: { auditDetails: `Import ${options.fileName ?? ''}`.trim() } }, payload)
    await payload.create({
      collection: 'categories',
      data: { name: p.name, territory: options.territory as number, ...(p.parent ? { parent: p.parent.id as number } : {}) },
      overrideAccess: true,
      req,
    })
    created.push(p.name)
  }
  return created
}

function rowNotes(matches: CategoryMatch[] | undefined, dryRun: boolean): string[] {
  return (matches ?? []).flatMap((m) => {
    if (m.kind === 'close') return [`Catégorie « ${m.written} » comprise comme « ${m.category.name} ».`]
    if (m.kind === 'missing' && dryRun) return [`Catégorie « ${m.name} » à créer${m.parent ? ` dans « ${m.parent.name} »` : ''} (à confirmer avant d’importer).`]
    return []
  })
}

/**
 * Imports rows of a spreadsheet into the directory of a territory. The dry run writes
 * nothing and says, row by row, what would be created, updated or refused and why, and which
 * categories it recognised or would create. The real run first creates the categories the
 * administrator confirmed, then writes each row on its own, all or nothing (in a transaction
 * where the database has them; otherwise an entry created by a row that then fails is
 * removed). Running the same file twice changes nothing the second time: rows are matched on
 * SIRET, RNA, or name and commune. Text an owner wrote is never replaced (a conflict line).
 */
export async function runImport(payload: Payload, table: Table, options: ImportOptions): Promise<ImportReport> {
  const { mapping, unknownColumns } = resolveMapping(table.header, options.mapping)
  if (!mapping.name) {
    throw new Error(`Aucune colonne de nom trouvée : nommez-la « nom » ou indiquez « Nom = <nom de la colonne> » dans la correspondance (colonnes du fichier : ${table.header.map((h) => `« ${h} »`).join(', ')}).`)
  }
  let lookup = await loadLookup(payload, options.territory)
  const needs = await categoryNeeds(table, mapping, lookup, options.kind)
  let categoriesCreated: string[] = []
  if (!options.dryRun && options.createCategories?.length) {
    categoriesCreated = await createConfirmedCategories(payload, options, needs.proposals)
    if (categoriesCreated.length) lookup = await loadLookup(payload, options.territory)
  }
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, conflict: 0, refuse: 0 }
  const rows: RowReport[] = []
  const total = table.rows.length
  const seen = new Set<string>()

  const mine = options.communes ? lookup.communes.filter((c) => options.communes!.map(String).includes(String(c.id))).map((c) => c.name) : []

  for (const [index, raw] of table.rows.entries()) {
    // Database calls that answer at once (SQLite) never leave the event loop: without this,
    // one big import would keep the server from answering anyone else until it ends.
    await yieldToEventLoop()
    const line = index + 2 // the header is line 1, as in a spreadsheet
    const prepared = prepareRow(raw, mapping, lookup, options.kind, { allowMissingCategories: options.dryRun })
    let report: RowReport
    if (!prepared.ok) report = { line, action: 'refuse', kind: prepared.kind, name: prepared.name, reasons: prepared.errors }
    else if (options.communes && !options.communes.map(String).includes(String(prepared.data.commune))) {
      const commune = lookup.communes.find((c) => String(c.id) === String(prepared.data.commune))?.name ?? ''
      report = {
        line,
        action: 'refuse',
        kind: prepared.kind,
        name: prepared.data.name,
        reasons: [`Commune « ${commune} » : vous importez seulement pour ${mine.map((n) => `« ${n} »`).join(', ')}. Retirez cette ligne ; la mairie concernée ou l’administrateur du territoire l’importera.`],
      }
    } else {
      const { kind, data } = prepared
      const key = `${kind}|${data.siret ?? data.rna ?? `${foldName(data.name)}|${data.commune}`}`
      if (seen.has(key)) report = { line, action: 'refuse', kind, name: data.name, reasons: ['Doublon d’une ligne précédente du fichier (même SIRET, RNA ou nom dans la même commune) : supprimez l’une des deux lignes.'] }
      else {
        seen.add(key)
        report = options.dryRun ? await planRow(payload, options, kind, data, line, lookup) : await writeRow(payload, options, kind, data, line, lookup)
        const notes = rowNotes(prepared.matches, options.dryRun)
        if (notes.length) report.notes = notes
      }
    }
    counts[report.action] += 1
    rows.push(report)
    await options.onProgress?.(index + 1, total, report)
  }
  return {
    dryRun: options.dryRun,
    total,
    counts,
    rows,
    mapping,
    unknownColumns,
    ...(options.dryRun && needs.proposals.length ? { categoryProposals: needs.proposals } : {}),
    ...(needs.guesses.length ? { categoryGuesses: needs.guesses } : {}),
    ...(categoriesCreated.length ? { categoriesCreated } : {}),
  }
}

async function planRow(payload: Payload, options: ImportOptions, kind: EntryKind, data: EntryData, line: number, lookup: Lookup): Promise<RowReport> {
  const match = await findExisting(payload, options.territory, kind, data)
  if (!match) return { line, action: 'create', kind, name: data.name }
  const problem = matchProblem(match, data, lookup, options)
  if (problem) return { line, action: 'conflict', kind, name: data.name, id: match.existing.id, conflicts: [problem] }
  const { diff, conflicts } = changes(match.existing, data, lookup)
  return outcome(line, kind, data, match.existing, diff, conflicts)
}

async function writeRow(payload: Payload, options: ImportOptions, kind: EntryKind, data: EntryData, line: number, lookup: Lookup): Promise<RowReport> {
  const req = await createLocalReq({ user: (options.user ?? undefined) as never, context: { auditDetails: `Import ${options.fileName ?? ''}`.trim() } }, payload)
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  if (transactionID !== undefined) req.transactionID = transactionID
  let createdId: number | string | undefined
  try {
    const match = await findExisting(payload, options.territory, kind, data, req)
    const existing = match?.existing
    const problem = match && matchProblem(match, data, lookup, options)
    let report: RowReport
    if (match && problem) report = { line, action: 'conflict', kind, name: data.name, id: match.existing.id, conflicts: [problem] }
    else if (!existing) {
      const doc = await payload.create({
        collection: kind,
        data: { ...data, territory: options.territory, status: 'published' } as never,
        overrideAccess: true,
        req,
      })
      createdId = doc.id
      report = { line, action: 'create', kind, name: data.name, id: doc.id }
    } else {
      const { diff, conflicts } = changes(existing, data, lookup)
      report = outcome(line, kind, data, existing, diff, conflicts)
      if (report.action === 'update') await payload.update({ collection: kind, id: existing.id, data: diff as never, overrideAccess: true, req })
    }
    if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    return report
  } catch (error) {
    if (transactionID !== undefined) await payload.db.rollbackTransaction(transactionID).catch(() => {})
    else if (createdId !== undefined) await payload.delete({ collection: kind, id: createdId, overrideAccess: true }).catch(() => {})
    return { line, action: 'refuse', kind, name: data.name, reasons: reasonsOf(error) }
  }
}
