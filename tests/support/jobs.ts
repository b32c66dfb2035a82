/**
 * Scheduled tasks, triggered now the way their schedule does it: the task is queued on its
 * queue in the test server's own database (local API, this process never runs jobs), then
 * the server runs that queue through Payload's endpoint (GET /api/payload-jobs/run), as the
 * national administrator — the same runner and the same e-mail outbox as at 7 a.m.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { login } from './rest'

export type ScheduledTask = 'sendAlertDigests' | 'warnExpiringAnnouncements' | 'archiveExpiredAnnouncements'

let local: Payload | null = null

async function serverDatabase(): Promise<Payload> {
  if (local) return local
  const uri = process.env.TEST_DATABASE_URI
  if (!uri) throw new Error('TEST_DATABASE_URI manque : lancez les tests avec scripts/test.mjs, qui le fournit.')
  process.env.DATABASE_URI = uri
  process.env.JOBS_AUTORUN = '0'
  process.env.EMAIL_OUTBOX_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-jobs-outbox-'))
  process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-jobs-media-'))
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  local = await getPayload({ config })
  return local
}

/** Queues `task` on the `daily` queue of the SQLite test server and has the server run it now. */
export async function runScheduledTaskNow(baseUrl: string, task: ScheduledTask): Promise<void> {
  const national = await login(baseUrl, 'superadmin')
  const payload = await serverDatabase()
  await payload.jobs.queue({ task, queue: 'daily', input: {} })
  const run = () => fetch(`${baseUrl}/api/payload-jobs/run?queue=daily`, { headers: { authorization: `JWT ${national.token}` } })
  // Booting the local API takes a while: a kept-alive socket may have been closed meanwhile.
  const response = await run().catch(run)
  if (!response.ok) throw new Error(`Exécution de la file « daily » refusée : ${response.status} ${await response.text()}`)
}

/** Closes the connection to the server's database (afterAll). */
export async function closeServerDatabase(): Promise<void> {
  if (!local) return
  const { closeDatabase } = await import('@/database/close')
  await closeDatabase(local)
  local = null
}
