import type { Payload, TypedUser } from 'payload'

import { importScopeOf } from '@/access/canImport'
import type { AccessUser } from '@/access/roles'
import { IMPORT_QUEUE, IMPORT_TASK, MAX_RESUMES, relaunchImport, resumeInterruptedImports } from '@/imports/background'
import { runImport } from '@/imports/run'
import { loadModerationQueue } from '@/moderation/queue'
import { DEMO_USERS } from '../support/fixtures'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

const HEADER = ['nom', 'catégorie', 'commune', 'téléphone']
const tableOf = (rows: string[][]) => ({ header: HEADER, rows: rows.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i] ?? '']))) })

/**
 * The import as a Payload job: a run that a dead process left « En cours » is resumed (or, after
 * repeated restarts, shown « Interrompu » and relaunched); and an import never takes over an
 * owner's edit that waits for moderation.
 */
export function importJobsSuite(kind: TestDatabase) {
  describe(`imports as jobs, and owners' waiting edits (${kind})`, () => {
    let payload: Payload
    let cleanup: () => Promise<void>
    let editor: AccessUser
    let territory: number

    beforeAll(async () => {
      process.env.JOBS_AUTORUN = '0'
      ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
      const found = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.editor } }, depth: 0, overrideAccess: true })).docs[0]!
      editor = { ...found, collection: 'users' } as unknown as AccessUser
      territory = (importScopeOf(editor) as { territory: number }).territory
    }, 300_000)
    afterAll(async () => {
      await cleanup?.()
    })

    /** A run as a process leaves it when it dies mid-way: « En cours », its job still `processing`. */
    async function deadRun(fileName: string, rows: string[][], resumes = 0) {
      const table = tableOf(rows)
      const run = await payload.create({
        collection: 'import-runs',
        data: {
          fileName,
          kind: 'businesses',
          dryRun: false,
          state: 'running',
          total: rows.length,
          processed: 1,
          user: editor.id as number,
          territory,
          source: { header: table.header, rows: table.rows, mapping: {}, resumes },
        },
        overrideAccess: true,
      })
      const job = await payload.jobs.queue({ task: IMPORT_TASK, input: { run: String(run.id) }, queue: IMPORT_QUEUE })
      await payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: true }, overrideAccess: true })
      return { run, job, table }
    }

    async function settled(id: number | string) {
      for (let i = 0; i < 120; i++) {
        const run = await payload.findByID({ collection: 'import-runs', id, depth: 0, overrideAccess: true })
        if (run.state !== 'running') return run
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error(`import ${String(id)} toujours en cours`)
    }

    const count = (name: string) => payload.count({ collection: 'businesses', where: { name: { equals: name } }, overrideAccess: true }).then((r) => r.totalDocs)

    it('a run a restart left « En cours » is resumed from its first row and finishes, without duplicates', async () => {
      const rows = [
        ['Serrurerie Vasseur', 'Serrurerie', 'Grandvilliers', '03 44 46 11 11'],
        ['Menuiserie Lemaire', 'Menuiserie', 'Hanvoile', ''],
        ['Menuiserie Songeonnaise', 'Menuiserie', 'Songeons', ''],
      ]
      const { run, job, table } = await deadRun('repris.csv', rows)
      // The dead process had written the first row before it stopped.
      await runImport(payload, { header: table.header, rows: table.rows.slice(0, 1) }, { ...(importScopeOf(editor) as { territory: number }), dryRun: false, user: editor })
      expect(await count('Serrurerie Vasseur')).toBe(1)

      // A run still moving (or another server's) is left alone.
      expect(await resumeInterruptedImports(payload, { staleAfterMs: 60_000 })).toEqual({ resumed: [], interrupted: [] })
      expect(await resumeInterruptedImports(payload, { staleAfterMs: 0 })).toEqual({ resumed: [String(run.id)], interrupted: [] })
      const done = await settled(run.id)
      expect(done).toMatchObject({ state: 'done', processed: 3, created: 1, refused: 1, source: null })
      expect((done.report as { counts: object }).counts).toEqual({ create: 1, update: 0, unchanged: 1, conflict: 0, refuse: 1 })
      expect(await count('Serrurerie Vasseur')).toBe(1)
      expect(await count('Menuiserie Lemaire')).toBe(1)
      // The stuck job is gone; the new one completed.
      expect(await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true, disableErrors: true })).toBeNull()
      // The run says « done » from inside its task; the job runner marks the job completed
      // just after: wait for it (it raced under load).
      const waiting = () => payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: IMPORT_TASK } }, { completedAt: { exists: false } }] }, overrideAccess: true })
      let left = (await waiting()).totalDocs
      for (let i = 0; i < 120 && left > 0; i++) {
        await new Promise((r) => setTimeout(r, 250))
        left = (await waiting()).totalDocs
      }
      expect(left).toBe(0)
    })

    it('after repeated restarts the run is « Interrompu », says so in French, and « Relancer » finishes it', async () => {
      const { run } = await deadRun('trois-fois.csv', [['Plâtrerie Caron', 'Menuiserie', 'Grandvilliers', '']], MAX_RESUMES)
      expect(await resumeInterruptedImports(payload, { staleAfterMs: 0 })).toEqual({ resumed: [], interrupted: [String(run.id)] })
      const stopped = await payload.findByID({ collection: 'import-runs', id: run.id, depth: 0, overrideAccess: true })
      expect(stopped.state).toBe('interrupted')
      expect((stopped.report as { error: string }).error).toBe(
        'Import interrompu : le serveur a redémarré pendant le traitement (ligne 1 sur 1), plusieurs fois de suite. Les lignes déjà traitées sont enregistrées ; « Relancer » reprend le fichier du début sans créer de doublon (les fiches déjà écrites seront « déjà à jour »).',
      )
      expect(await count('Plâtrerie Caron')).toBe(0)
      expect(await relaunchImport(payload, stopped)).toBe(true)
      expect(await settled(run.id)).toMatchObject({ state: 'done', created: 1 })
      expect(await count('Plâtrerie Caron')).toBe(1)
      // Only an interrupted run is relaunched.
      expect(await relaunchImport(payload, await payload.findByID({ collection: 'import-runs', id: run.id, depth: 0, overrideAccess: true }))).toBe(false)
    })

    it('never takes over an owner’s waiting edit: a conflict, the card still the owner’s', async () => {
      const martin = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Boulangerie Martin' } }, depth: 0, overrideAccess: true })).docs[0]!
      expect(martin).toMatchObject({ reviewState: 'modified', pendingChanges: { description: expect.stringContaining('pain sans gluten') } })
      const cardOf = async () => (await loadModerationQueue(payload, editor as unknown as TypedUser)).modified.find((e) => e.title === 'Boulangerie Martin')
      const before = await cardOf()
      expect(before?.changedBy).toMatchObject({ role: 'propriétaire' })

      // The file fills the empty postcode and website; its phone differs from the owner's.
      const table = { header: ['nom', 'catégorie', 'commune', 'code postal', 'site web'], rows: [{ nom: 'Boulangerie Martin', catégorie: 'Boulangerie', commune: 'Grandvilliers', 'code postal': '60210', 'site web': 'https://boulangerie-martin.fr' }] }
      const scope = importScopeOf(editor) as { territory: number; communes: number[] }
      const dry = await runImport(payload, table, { ...scope, dryRun: true, user: editor })
      const real = await runImport(payload, table, { ...scope, dryRun: false, user: editor })
      for (const report of [dry, real]) {
        expect(report.counts).toMatchObject({ update: 0, conflict: 1 })
        expect(report.rows[0]!.conflicts![0]).toBe(
          'Modification du propriétaire en attente de validation : rien n’est modifié sur cette fiche (le fichier aurait changé : Code postal, Site web). Décidez d’abord de sa demande dans « À modérer » (garder ou revenir), puis relancez l’import.',
        )
      }
      const after = (await payload.find({ collection: 'businesses', where: { id: { equals: martin.id } }, depth: 0, overrideAccess: true })).docs[0]!
      expect(after).toMatchObject({ reviewState: 'modified', pendingChanges: martin.pendingChanges, postcode: martin.postcode ?? null, website: martin.website ?? null })
      expect((await cardOf())?.changedBy).toEqual(before!.changedBy)
    })
  })
}
