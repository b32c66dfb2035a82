import type { Endpoint, PayloadRequest } from 'payload'

import { canImport, importScopeOf } from '@/access/canImport'
import { type AccessUser, idOf } from '@/access/roles'

import { fieldFromText, IMPORT_FIELD_LABELS, type ImportField, type Mapping, mappingSchema } from './mapping'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from './paths'
import { IMPORT_LIMITS, tooBigMessage } from './limits'
import { checkImportFile, ImportFileError, readTable } from './read'
import { type ImportSource, relaunchImport, sourceSchema, startImportJob } from './background'

/**
 * « Nom = Raison sociale » lines (a field by its French label, or its internal name, then the
 * column of the file), or a JSON object, to a mapping.
 */
export function parseMappingText(text: string): Mapping {
  const trimmed = text.trim()
  if (!trimmed) return {}
  if (trimmed.startsWith('{')) return mappingSchema.parse(JSON.parse(trimmed))
  const pairs: Array<[ImportField, string]> = []
  for (const line of trimmed.split(/\r?\n/)) {
    if (!line.trim()) continue
    const at = line.search(/=|→|->/)
    if (at === -1) throw new MappingError(`Ligne « ${line.trim()} » : écrivez « champ = nom de la colonne », par exemple « Nom = Raison sociale ».`)
    const fieldText = line.slice(0, at).trim()
    const column = line.slice(at).replace(/^(=|→|->)/, '').trim()
    const field = fieldFromText(fieldText)
    if (!field) throw new MappingError(`Champ « ${fieldText} » inconnu : choisissez parmi ${Object.values(IMPORT_FIELD_LABELS).join(', ')}.`)
    pairs.push([field, column])
  }
  return mappingSchema.parse(Object.fromEntries(pairs))
}

class MappingError extends Error {}

function back(adminRoute: string, params: Record<string, string>) {
  return new Response(null, { status: 303, headers: { Location: `${adminRoute}${IMPORT_VIEW_PATH}?${new URLSearchParams(params)}` } })
}

/**
 * POST /api/imports/run (multipart form of the admin's import page): records the import with
 * the rows read, and runs it as a Payload job (src/imports/background.ts: a restart of the server
 * resumes it); the page shows its progress and then the row-by-row report.
 */
export const importRunEndpoint: Endpoint = {
  path: IMPORT_API_PATH,
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const adminRoute = req.payload.config.routes.admin
    const user = (req.user ?? null) as AccessUser | null
    if (!user || !canImport(user)) return Response.json({ errors: [{ message: 'Les imports sont réservés aux administrateurs du territoire et aux secrétaires de mairie.' }] }, { status: 403 })
    // Refused before the body is read: the form's size is known from its header.
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > IMPORT_LIMITS.bytes + 64 * 1024) return back(adminRoute, { error: tooBigMessage(declared) })
    const form = await req.formData?.().catch(() => undefined)
    const from = String(form?.get('from') ?? '')
    if (from) return importCheckedRun(req, user, from, form?.getAll('createCategory').map(String) ?? [])
    const relaunch = String(form?.get('relaunch') ?? '')
    if (relaunch) return relaunchRun(req, user, relaunch)
    const scope = importScopeOf(user, await chosenTerritory(req, String(form?.get('territory') ?? '')))
    if (typeof scope === 'string') return back(adminRoute, { error: scope })
    const { territory } = scope
    const file = form?.get('file')
    if (!file || typeof file === 'string' || file.size === 0) return back(adminRoute, { error: 'Choisissez un fichier .csv ou .xlsx.' })
    if (file.size > IMPORT_LIMITS.bytes) return back(adminRoute, { error: tooBigMessage(file.size) })
    let mapping: Mapping
    try {
      mapping = parseMappingText(String(form?.get('mapping') ?? ''))
    } catch (error) {
      return back(adminRoute, {
        error: error instanceof MappingError ? error.message : 'Correspondance des colonnes illisible : une ligne par champ, par exemple « Nom = Raison sociale ».',
        mapping: String(form?.get('mapping') ?? ''),
      })
    }
    const kindValue = String(form?.get('kind') ?? '')
    const kind = kindValue === 'businesses' || kindValue === 'associations' ? kindValue : undefined
    // A new file is always checked first; « Importer » on the dry run's report writes it.
    const dryRun = form?.get('dryRun') !== 'off'
    const fileName = file.name || 'import.csv'
    const content = Buffer.from(await file.arrayBuffer())
    try {
      checkImportFile(content, fileName)
    } catch (error) {
      return back(adminRoute, { error: error instanceof Error ? error.message : String(error) })
    }
    let source: ImportSource
    try {
      const table = await readTable(content, fileName)
      source = { header: table.header, rows: table.rows, mapping, ...(kind ? { kind } : {}) }
    } catch (error) {
      return back(adminRoute, { error: error instanceof Error ? error.message : String(error) })
    }
    const run = await req.payload.create({
      collection: 'import-runs',
      data: { fileName, kind: kind ?? 'businesses', dryRun, state: 'running', user: user.id as number, territory: territory as number, source },
      overrideAccess: true,
    })
    await startImportJob(req.payload, run.id)
    return back(adminRoute, { run: String(run.id) })
  },
}

/** The territory the national administrator chose in the form, if it exists. */
async function chosenTerritory(req: PayloadRequest, value: string): Promise<number | string | undefined> {
  if (!/^\d{1,12}$/.test(value)) return undefined
  const found = await req.payload.findByID({ collection: 'territories', id: value, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
  return found?.id
}

/** « Importer » after a good dry run: the same rows and options, with the confirmed categories. */
async function importCheckedRun(req: PayloadRequest, user: AccessUser, from: string, createCategories: string[]) {
  const adminRoute = req.payload.config.routes.admin
  const dry = /^[\w-]{1,40}$/.test(from)
    ? await req.payload.findByID({ collection: 'import-runs', id: from, depth: 0, user: user as never, overrideAccess: false, disableErrors: true }).catch(() => null)
    : null
  const source = sourceSchema.safeParse(dry?.source)
  const scope = dry ? importScopeOf(user, idOf(dry.territory as never)) : 'none'
  if (!dry || !dry.dryRun || dry.state !== 'done' || !source.success || typeof scope === 'string' || String(idOf(dry.territory as never)) !== String(scope.territory)) {
    return back(adminRoute, { error: 'Cet essai à blanc a déjà été importé ou n’est plus disponible : pour importer à nouveau, choisissez le fichier.' })
  }
  const { kind } = source.data
  const { territory } = scope
  const run = await req.payload.create({
    collection: 'import-runs',
    data: {
      fileName: dry.fileName,
      kind: kind ?? 'businesses',
      dryRun: false,
      state: 'running',
      user: user.id as number,
      territory: territory as number,
      source: { ...source.data, createCategories, resumes: 0 },
    },
    overrideAccess: true,
  })
  // The rows are needed once: a second click on « Importer » finds nothing to import again.
  await req.payload.update({ collection: 'import-runs', id: dry.id, data: { source: null }, overrideAccess: true, context: { skipAudit: true } })
  await startImportJob(req.payload, run.id)
  return back(adminRoute, { run: String(run.id) })
}

/** « Relancer » on a run that restarts of the server interrupted: the same rows, from the first. */
async function relaunchRun(req: PayloadRequest, user: AccessUser, id: string) {
  const adminRoute = req.payload.config.routes.admin
  const run = /^[\w-]{1,40}$/.test(id)
    ? await req.payload.findByID({ collection: 'import-runs', id, depth: 0, user: user as never, overrideAccess: false, disableErrors: true }).catch(() => null)
    : null
  const scope = run ? importScopeOf(user, idOf(run.territory as never)) : 'none'
  if (!run || typeof scope === 'string' || String(idOf(run.territory as never)) !== String(scope.territory) || !(await relaunchImport(req.payload, run))) {
    return back(adminRoute, { error: 'Cet import n’est pas interrompu ou n’est plus disponible : pour importer à nouveau, choisissez le fichier.' })
  }
  return back(adminRoute, { run: String(run.id) })
}

export { ImportFileError }
