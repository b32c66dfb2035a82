import { spawn } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { SERVER_ARGS } from '../../scripts/lib/serverCommand.mjs'
import { freePort } from '../support/freePort'


/**
 * Start-up failures end with one sentence that says what to fix and a non-zero exit code,
 * never with a stack trace as the only message. Each case fails before Next starts, so no
 * build is needed.
 */
function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, SERVER_ARGS, {
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation', DATABASE_URI: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (d) => (stdout += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr, stdout })
    })
  })
}

const tmpDb = () => `file:${path.join(os.tmpdir(), `annuaire-startup-${process.pid}-${Date.now()}.db`)}`

describe('start-up errors', () => {
  it('names an unknown DATABASE_URI scheme and how to fix it', async () => {
    const { code, stderr } = await startServer({ DATABASE_URI: 'mysql://root@localhost/annuaire', PORT: String(await freePort()) })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/DATABASE_URI commence par « mysql: »/)
    expect(stderr).toMatch(/postgres:\/\//)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('says when PostgreSQL cannot be reached', async () => {
    const { code, stderr } = await startServer({ DATABASE_URI: 'postgres://postgres@127.0.0.1:1/annuaire', PORT: String(await freePort()) })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/La base PostgreSQL de DATABASE_URI ne répond pas/)
  })

  it('says when the port is already in use', async () => {
    const port = await freePort()
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve))
    try {
      const { code, stderr } = await startServer({ DATABASE_URI: tmpDb(), PORT: String(port) })
      expect(code).not.toBe(0)
      expect(stderr).toMatch(new RegExp(`Le port ${port} est déjà utilisé`))
    } finally {
      blocker.close()
    }
  })

  it('refuses to start in production without PAYLOAD_SECRET', async () => {
    const { code, stderr } = await startServer({ DATABASE_URI: tmpDb(), PORT: String(await freePort()), NODE_ENV: 'production', PAYLOAD_SECRET: '' })
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/PAYLOAD_SECRET est obligatoire en production/)
  })
})
