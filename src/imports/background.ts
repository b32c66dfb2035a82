import type { Payload } from 'payload'
import { z } from 'zod'

import { importScopeOf } from '@/access/canImport'
import type { AccessUser } from '@/access/roles'

import { mappingSchema } from './mapping'
import type { Table } from './read'
import { type ImportReport, runImport } from './run'

/** The Payload task that runs a recorded import (queue `imports`, started at once by the endpoint). */
export const IMPORT_TASK = 'importSpreadsheet' as const
export const IMPORT_QUEUE = 'imports'

/**
 * What a run keeps so that it can run (or run again) without the uploaded file: the rows read,
 * the options chosen, and how many times a restart of the server has resumed it. A dry run keeps
 * it once done, for « Importer »; a real run drops it once done.
 */
export const sourceSchema = z.object({
  header: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.string())),
  mapping: mappingSchema,
  kind: z.enum(['businesses', 'associations']).optional(),
  createCategories: z.array(z.string()).optional(),
  resumes: z.number().int().nonnegative().optional(),
})
export type ImportSource = z.infer<typeof sourceSchema>

/** How many times a restart resumes a run by itself before it is shown « Interrompu ». */
export const MAX_RESUMES = 2
/** A run whose progress has not moved for this long, and that no code of this process runs, is dead. */
export const STALE_AFTER_MS = 60_000

/** The runs this process is working on (both Payload instances of the process share it). */
function active(): Set<string> {
  const slot = globalThis as { __annuaireImportsRunning?: Set<string> }
  slot.__annuaireImportsRunning ??= new Set()
  return slot.__annuaireImportsRunning
}

const updateRun = (payload: Payload, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'import-runs', id, data, overrideAccess: true, depth: 0, context: { skipAudit: true } })

/** Queues the run's job and starts it at once in this process (no wait for a cron). */
export async function startImportJob(payload: Payload, runId: number | string): Promise<void> {
  const job = await payload.jobs.queue({ task: IMPORT_TASK, input: { run: String(runId) }, queue: IMPORT_QUEUE })
  void payload.jobs.runByID({ id: job.id, overrideAccess: true }).catch((error: unknown) => {
    payload.logger.error({ err: error, msg: `Import ${String(runId)} : la tâche n’a pas pu démarrer` })
  })
}

/**
 * The job's work: reads the run's recorded rows and options, imports them with the rights of the
 * person who started it, and records progress (every 10 rows: it is also the sign that the run is
 * alive) and then the report. Errors end the run as « Échoué » with their French message.
 */
export async function runQueuedImport(payload: Payload, runId: number | string): Promise<void> {
  const key = String(runId)
  active().add(key)
  const update = (data: Record<string, unknown>) => updateRun(payload, runId, data)
  try {
    const run = await payload.findByID({ collection: 'import-runs', id: runId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!run || run.state !== 'running') return
    const source = sourceSchema.safeParse(run.source)
    if (!source.success) throw new Error('Le contenu lu du fichier n’a pas été gardé : choisissez à nouveau le fichier.')
    const userId = run.user && typeof run.user === 'object' ? run.user.id : run.user
    const found = userId ? await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true }) : null
    const user = found ? ({ ...found, collection: 'users' } as unknown as AccessUser) : null
    const territory = run.territory && typeof run.territory === 'object' ? run.territory.id : run.territory
    const scope = importScopeOf(user, territory ?? undefined)
    if (typeof scope === 'string') throw new Error(scope)
    const { header, rows, mapping, kind, createCategories } = source.data
    const table: Table = { header, rows }
    await update({ total: rows.length, processed: 0 })
    let last = 0
    const report: ImportReport = await runImport(payload, table, {
      ...scope,
      fileName: run.fileName,
      dryRun: Boolean(run.dryRun),
      mapping,
      kind,
      user,
      createCategories,
      onProgress: async (done, total) => {
        if (done - last >= 10 || done === total) {
          last = done
          await update({ processed: done })
        }
      },
    })
    // A dry run keeps the rows it read for « Importer »; the real run keeps its report alone.
    await update({
      state: 'done',
      processed: report.total,
      created: report.counts.create,
      updated: report.counts.update,
      refused: report.counts.refuse,
      report,
      ...(run.dryRun ? { source: { ...source.data, resumes: undefined } } : { source: null }),
    })
  } catch (error) {
    await update({ state: 'failed', report: { error: error instanceof Error ? error.message : String(error) } }).catch(() => {})
  } finally {
    active().delete(key)
  }
}

/** The French line of a run that restarts could not finish: what happened and what to do. */
export function interruptedMessage(run: { dryRun?: boolean | null; processed?: number | null; total?: number | null }): string {
  const where = run.total ? ` (ligne ${run.processed ?? 0} sur ${run.total})` : ''
  return run.dryRun
    ? `Vérification interrompue : le serveur a redémarré pendant le traitement${where}, plusieurs fois de suite. Rien n’a été écrit. « Relancer » reprend la vérification du début.`
    : `Import interrompu : le serveur a redémarré pendant le traitement${where}, plusieurs fois de suite. Les lignes déjà traitées sont enregistrées ; « Relancer » reprend le fichier du début sans créer de doublon (les fiches déjà écrites seront « déjà à jour »).`
}

/**
 * After a restart (and then every minute on the job runner): a run left « En cours » by a process
 * that died is resumed from its first row by a new job (the import is idempotent: rows already
 * written come out « déjà à jour »); after MAX_RESUMES resumes it is marked « Interrompu »,
 * with a French message and « Relancer ». A run still moving (progress within STALE_AFTER_MS),
 * or running in this process, is left alone: another server may be running it.
 */
export async function resumeInterruptedImports(payload: Payload, options: { staleAfterMs?: number } = {}): Promise<{ resumed: string[]; interrupted: string[] }> {
  const cutoff = new Date(Date.now() - (options.staleAfterMs ?? STALE_AFTER_MS)).toISOString()
  const { docs } = await payload.find({
    collection: 'import-runs',
    where: { and: [{ state: { equals: 'running' } }, { updatedAt: { less_than_equal: cutoff } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const dead = docs.filter((run) => !active().has(String(run.id)))
  const out = { resumed: [] as string[], interrupted: [] as string[] }
  if (dead.length === 0) return out
  // Their jobs never finish (Payload leaves a job `processing` when its process dies): removed.
  const ids = new Set(dead.map((run) => String(run.id)))
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: IMPORT_TASK } }, { completedAt: { exists: false } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const stale = jobs.filter((job) => ids.has(String((job.input as { run?: unknown } | null)?.run)))
  if (stale.length) await payload.delete({ collection: 'payload-jobs', where: { id: { in: stale.map((j) => j.id) } }, overrideAccess: true })
  for (const run of dead) {
    const source = sourceSchema.safeParse(run.source)
    const resumes = source.success ? (source.data.resumes ?? 0) : MAX_RESUMES
    if (!source.success || resumes >= MAX_RESUMES) {
      await updateRun(payload, run.id, { state: 'interrupted', report: { error: interruptedMessage(run) } })
      out.interrupted.push(String(run.id))
      continue
    }
    await updateRun(payload, run.id, { processed: 0, source: { ...source.data, resumes: resumes + 1 } })
    payload.logger.warn(`Import ${String(run.id)} « ${run.fileName} » repris après un redémarrage du serveur (reprise ${resumes + 1} sur ${MAX_RESUMES}).`)
    await startImportJob(payload, run.id)
    out.resumed.push(String(run.id))
  }
  return out
}

/** « Relancer » on an interrupted run: the same rows and options, from the first row. */
export async function relaunchImport(payload: Payload, run: { id: number | string; state?: string | null; source?: unknown }): Promise<boolean> {
  const source = sourceSchema.safeParse(run.source)
  if (run.state !== 'interrupted' || !source.success) return false
  await updateRun(payload, run.id, { state: 'running', processed: 0, report: null, source: { ...source.data, resumes: 0 } })
  await startImportJob(payload, run.id)
  return true
}

/** Checks for dead runs now, then every minute, on the instance that runs the jobs. */
export function watchInterruptedImports(payload: Payload, everyMs = STALE_AFTER_MS): () => void {
  const check = () =>
    resumeInterruptedImports(payload).catch((error: unknown) => payload.logger.error({ err: error, msg: 'Reprise des imports interrompus impossible' }))
  void check()
  const timer = setInterval(check, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
