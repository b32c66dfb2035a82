/**
 * `npm run demo`: builds the product when the build is missing or older than the sources,
 * then serves it on http://localhost:3000 (PORT) with the demo territory installed on an
 * empty database. Without PAYLOAD_SECRET, the server generates a secret at its first start and
 * keeps it in the data folder (see src/secret.ts).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { SERVER_ARGS, SERVER_ENV } from './lib/serverCommand.mjs'

/** A binary of this project's own node_modules (npx misbehaves inside `npm test`). */
const localBin = (name) => path.resolve('node_modules/.bin', name)

const distDir = process.env.NEXT_DIST_DIR || '.next'
const buildId = path.join(distDir, 'BUILD_ID')

function newestSourceTime(dirs) {
  let newest = 0
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else newest = Math.max(newest, fs.statSync(full).mtimeMs)
    }
  }
  dirs.forEach(walk)
  for (const file of ['package-lock.json', 'next.config.mjs']) {
    if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs)
  }
  return newest
}

const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceTime(['src', 'collections', 'public'])
if (stale) {
  console.log('Construction du site (une à deux minutes la première fois)…')
  const build = spawnSync(localBin('next'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(process.execPath, SERVER_ARGS, {
  stdio: 'inherit',
  env: {
    ...SERVER_ENV,
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    ANNUAIRE_DEMO: '1',
    INSECURE_COOKIES: process.env.INSECURE_COOKIES ?? '1',
  },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
