import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { type AccessUser, territoryOf } from '@/access/roles'

import { type Mapping, mappingSchema } from './mapping'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from './paths'
import { ImportFileError, readTable } from './read'
import { type ImportReport, runImport } from './run'
import type { EntryKind } from './row'

const MAX_BYTES = 5 * 1024 * 1024

/** "nom = Raison sociale" lines, or a JSON object, to a mapping. */
export function parseMappingText(text: string): Mapping {
  const trimmed = text.trim()
  if (!trimmed) return {}
  if (trimmed.startsWith('{')) return mappingSchema.parse(JSON.parse(trimmed))
  const pairs = trimmed
    .split(/\r?\n/)
    .map((line) => line.split('='))
    .filter((p) => p.length === 2)
    .map(([field, column]) => [field!.trim(), column!.trim()])
  return mappingSchema.parse(Object.fromEntries(pairs))
}

/** Runs an import recorded in `import-runs`, updating its progress as it goes. */
export async function runRecordedImport(payload: Payload, runId: number | string, content: Buffer, options: { fileName: string; territory: number | string; dryRun: boolean; mapping: Mapping; kind?: EntryKind; user: AccessUser }) {
  const update = (data: Record<string, unknown>) => payload.update({ collection: 'import-runs', id: runId, data, overrideAccess: true, context: { skipAudit: true } })
  try {
    const table = await readTable(content, options.fileName)
    await update({ total: table.rows.length })
    let last = 0
    const report: ImportReport = await runImport(payload, table, {
      ...options,
      onProgress: async (done, total) => {
        if (done - last >= 10 || done === total) {
          last = done
          await update({ processed: done })
        }
      },
    })
    await update({ state: 'done', processed: report.total, created: report.counts.create, updated: report.counts.update, refused: report.counts.refuse, report })
  } catch (error) {
    await update({ state: 'failed', report: { error: error instanceof Error ? error.message : String(error) } }).catch(() => {})
  }
}

function back(adminRoute: string, params: Record<string, string>) {
  return new Response(null, { status: 303, headers: { Location: `${adminRoute}${IMPORT_VIEW_PATH}?${new URLSearchParams(params)}` } })
}

/**
 * POST /api/imports/run (multipart form of the admin's import page): records the import and
 * runs it in the background; the page shows its progress and then the row-by-row report.
 */
export const importRunEndpoint: Endpoint = {
  path: IMPORT_API_PATH,
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const adminRoute = req.payload.config.routes.admin
    const user = (req.user ?? null) as AccessUser | null
    if (!user || !(isSuperAdmin(user) || isTerritoryAdmin(user))) return Response.json({ errors: [{ message: 'Les imports sont réservés aux administrateurs du territoire.' }] }, { status: 403 })
    const territory = territoryOf(user)
    if (territory === undefined) return back(adminRoute, { error: 'Votre compte n’est rattaché à aucun territoire.' })
    const form = await req.formData?.().catch(() => undefined)
    const file = form?.get('file')
    if (!file || typeof file === 'string' || file.size === 0) return back(adminRoute, { error: 'Choisissez un fichier .csv ou .xlsx.' })
    if (file.size > MAX_BYTES) return back(adminRoute, { error: 'Fichier trop gros (5 Mo au plus) : découpez-le.' })
    let mapping: Mapping
    try {
      mapping = parseMappingText(String(form?.get('mapping') ?? ''))
    } catch {
      return back(adminRoute, { error: 'Correspondance des colonnes illisible : une ligne par champ, par exemple « name = Raison sociale ».' })
    }
    const kindValue = String(form?.get('kind') ?? '')
    const kind = kindValue === 'businesses' || kindValue === 'associations' ? kindValue : undefined
    const dryRun = form?.get('dryRun') === 'on'
    const fileName = file.name || 'import.csv'
    if (!/\.(csv|xlsx)$/i.test(fileName)) return back(adminRoute, { error: 'Format non pris en charge : envoyez un fichier .csv ou .xlsx.' })
    const content = Buffer.from(await file.arrayBuffer())
    const run = await req.payload.create({
      collection: 'import-runs',
      data: { fileName, kind: kind ?? 'businesses', dryRun, state: 'running', user: user.id as number, territory: territory as number },
      overrideAccess: true,
    })
    void runRecordedImport(req.payload, run.id, content, { fileName, territory, dryRun, mapping, kind, user })
    return back(adminRoute, { run: String(run.id) })
  },
}

export { ImportFileError }
