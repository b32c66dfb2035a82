import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { SMTPServer } from 'smtp-server'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { extraPort, formToken, postForm } from '../support/forms'
import { login } from '../support/rest'
import { spawnServer, waitForStatus, type SpawnedServer } from '../support/spawnServer'

/**
 * Fault tolerance of the production server (needs the build `npm test` makes):
 * SIGKILL during a burst of writes on SQLite, and an SMTP server that goes away.
 * The PostgreSQL outage is in readiness.int.spec.ts.
 */
const describeIfBuilt = process.env.TEST_BASE_URL ? describe : describe.skip
const demoEnv = { ANNUAIRE_DEMO: '1', DEMO_PASSWORD, FORM_MIN_SECONDS: '0' }

describeIfBuilt('SQLite killed with SIGKILL during a burst of writes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-kill-'))
  const file = path.join(dir, 'kill.db')
  let server: SpawnedServer | undefined

  afterAll(async () => {
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the database consistent and every acknowledged write', async () => {
    const env = { ...demoEnv, DATABASE_URI: `file:${file}`, MEDIA_DIR: path.join(dir, 'media'), EMAIL_OUTBOX_DIR: path.join(dir, 'outbox') }
    server = await spawnServer(extraPort(0), env)
    const { token } = await login(server.baseUrl, 'admin')
    const marker = `coupure-${Date.now()}`
    const acknowledged: string[] = []
    let attempted = 0
    const worker = async (w: number) => {
      for (let i = 0; ; i++) {
        const name = `${marker}-${w}-${i}`
        attempted++
        try {
          const res = await fetch(`${server!.baseUrl}/api/categories`, {
            method: 'POST',
            headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name }),
          })
          if (res.status >= 200 && res.status < 300) acknowledged.push(name)
          else throw new Error(`création refusée (${res.status}) : ${await res.text()}`)
        } catch (error) {
          if (server!.child.exitCode === null && server!.child.signalCode === null && !String(error).includes('fetch failed')) throw error
          return
        }
      }
    }
    const workers = Array.from({ length: 12 }, (_, w) => worker(w))
    const deadline = Date.now() + 60_000
    while (acknowledged.length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    process.kill(-server.child.pid!, 'SIGKILL')
    await Promise.all(workers)
    expect(acknowledged.length).toBeGreaterThanOrEqual(60)
    expect(attempted).toBeGreaterThan(acknowledged.length)

    const db = new Database(file)
    try {
      expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal')
      expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok')
      const stored = new Set((db.prepare('SELECT name FROM categories WHERE name LIKE ?').all(`${marker}-%`) as { name: string }[]).map((r) => r.name))
      expect(acknowledged.filter((name) => !stored.has(name))).toEqual([])
    } finally {
      db.close()
    }

    server = await spawnServer(extraPort(0), env)
    expect(await waitForStatus(`${server.baseUrl}/readyz`, 200)).toBe(200)
    const res = await fetch(`${server.baseUrl}/api/categories?limit=1&where[name][like]=${marker}`, { headers: { authorization: `JWT ${token}` } })
    expect(((await res.json()) as { totalDocs: number }).totalDocs).toBeGreaterThanOrEqual(acknowledged.length)
  }, 240_000)
})

describeIfBuilt('e-mails while the SMTP server is away', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-smtp-'))
  const smtpPort = extraPort(1)
  const received: string[] = []
  let smtp: SMTPServer | undefined
  let server: SpawnedServer | undefined

  function startSmtp(): Promise<SMTPServer> {
    const instance = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'))
          callback()
        })
      },
    })
    return new Promise((resolve, reject) => {
      instance.once('error', reject)
      instance.listen(smtpPort, '127.0.0.1', () => resolve(instance))
    })
  }

  const stopSmtp = (instance: SMTPServer) => new Promise<void>((resolve) => instance.close(() => resolve()))

  afterAll(async () => {
    await server?.stop()
    if (smtp) await stopSmtp(smtp)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('queues the message while SMTP is down and sends it once SMTP is back', async () => {
    smtp = await startSmtp()
    server = await spawnServer(extraPort(2), {
      ...demoEnv,
      DATABASE_URI: `file:${path.join(dir, 'smtp.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      EMAIL_RETRY_DELAY_MS: '1000',
      JOBS_EMAIL_CRON: '* * * * * *',
    })
    await stopSmtp(smtp)
    smtp = undefined

    const token = await formToken(`${server.baseUrl}/mot-de-passe-oublie`)
    const res = await postForm(`${server.baseUrl}/mot-de-passe-oublie/envoyer`, { _jeton: token, email: DEMO_USERS.resident })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('envoye=1')

    // The job runner tries, fails and keeps the message for a later attempt.
    const superadmin = await login(server.baseUrl, 'superadmin')
    const jobs = async () => {
      const r = await fetch(`${server!.baseUrl}/api/payload-jobs?where[taskSlug][equals]=sendEmail&depth=0`, {
        headers: { authorization: `JWT ${superadmin.token}` },
      })
      return ((await r.json()) as { docs: Array<{ totalTried?: number; hasError?: boolean; completedAt?: string | null }> }).docs
    }
    const deadline = Date.now() + 30_000
    let tried = 0
    while (Date.now() < deadline && tried < 2) {
      tried = Math.max(0, ...(await jobs()).map((j) => j.totalTried ?? 0))
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(tried).toBeGreaterThanOrEqual(2)
    const forResident = () => received.filter((mail) => mail.includes(`To: ${DEMO_USERS.resident}`))
    expect(forResident()).toHaveLength(0)

    smtp = await startSmtp()
    const sentBy = Date.now() + 60_000
    while (Date.now() < sentBy && forResident().length === 0) await new Promise((r) => setTimeout(r, 250))
    expect(forResident()).toHaveLength(1)
    expect(forResident()[0]).toMatch(/^Subject: /m)
    // Each failure is logged in one short line, without the message (its reset link).
    expect(server.log()).toContain('non envoyé, essai 1')
    expect(server.log()).not.toContain('reinitialiser-mot-de-passe?jeton=')
  }, 240_000)
})
