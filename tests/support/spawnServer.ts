import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { SERVER_ARGS, SERVER_ENV } from '../../scripts/lib/serverCommand.mjs'


export type SpawnedServer = { baseUrl: string; child: ChildProcess; log: () => string; stop: () => Promise<void> }

/**
 * Starts one more production server of the already-built product (the build `npm test`
 * made) for tests that must break or restart things without disturbing the shared servers.
 */
export async function spawnServer(port: number, env: Record<string, string>): Promise<SpawnedServer> {
  const logFile = path.join(os.tmpdir(), `annuaire-server-${port}-${Date.now()}.log`)
  const out = fs.openSync(logFile, 'w')
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: {
      ...SERVER_ENV,
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      PORT: String(port),
      HOST: '127.0.0.1',
      PAYLOAD_SECRET: 'test-secret-not-for-production',
      INSECURE_COOKIES: '1',
      // Tests send everything from 127.0.0.1: generous abuse limits, as on the shared servers.
      RATE_LIMIT_SCALE: '1000',
      ...env,
    },
    stdio: ['ignore', out, out],
    detached: true,
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const log = () => fs.readFileSync(logFile, 'utf8')
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    await exited
  }
  // A server that installs the demo on an empty database needs minutes on a loaded machine
  // (the three jest processes of `npm test` run at once): the files' own hook timeouts bound it.
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return { baseUrl, child, log, stop }
    } catch {}
    await new Promise((r) => setTimeout(r, 300))
  }
  await stop()
  throw new Error(`Le serveur de test n'a pas démarré :\n${log().slice(-3000)}`)
}

/** Polls a URL until it answers with the expected status (or gives up after `ms`). */
export async function waitForStatus(url: string, expected: number, ms = 30_000): Promise<number> {
  const deadline = Date.now() + ms
  let last = 0
  while (Date.now() < deadline) {
    try {
      last = (await fetch(url)).status
      if (last === expected) return last
    } catch {
      last = -1
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return last
}
