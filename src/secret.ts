import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { ConfigurationError, parseDatabaseUri } from './database/parseDatabaseUri'

/** The file, in the data folder, that keeps the secret generated when PAYLOAD_SECRET is unset. */
export const SECRET_FILE = '.payload-secret'

/**
 * The data folder: DATA_DIR when set, else the folder of the SQLite database, else `data/`
 * under the working directory (PostgreSQL, MongoDB).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.DATA_DIR?.trim()) return path.resolve(cwd, env.DATA_DIR.trim())
  try {
    const target = parseDatabaseUri(env.DATABASE_URI, cwd)
    if (target.kind === 'sqlite') return path.dirname(target.filePath)
  } catch {
    // an invalid DATABASE_URI is reported at start-up
  }
  return path.resolve(cwd, 'data')
}

const generated = new Map<string, string>()
let ephemeral: string | undefined

function readSecretFile(file: string): string | null {
  try {
    const value = fs.readFileSync(file, 'utf8').trim()
    return value.length >= 32 ? value : null
  } catch {
    return null
  }
}

/**
 * The secret kept in the data folder, created (mode 0600) by the first process that needs it.
 * Several processes may start together: the one whose exclusive create wins writes it, the
 * others read it.
 */
function storedSecret(env: NodeJS.ProcessEnv, log: (message: string) => void): string {
  const file = path.join(dataDir(env), SECRET_FILE)
  const known = generated.get(file)
  if (known) return known
  let value = readSecretFile(file)
  if (!value) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const fresh = randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' })
      value = fresh
      log(
        `PAYLOAD_SECRET absent : un secret aléatoire a été créé dans ${file} (lisible par ce seul compte) et sera réutilisé ` +
          'aux prochains démarrages. Définissez PAYLOAD_SECRET pour plusieurs instances. ' +
          '(PAYLOAD_SECRET unset: a random secret was generated and stored.)',
      )
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      value = readSecretFile(file)
      if (!value) throw new ConfigurationError(`Le fichier ${file} ne contient pas de secret valable : supprimez-le ou définissez PAYLOAD_SECRET.`)
    }
  }
  generated.set(file, value)
  return value
}

/**
 * PAYLOAD_SECRET signs sessions, form tokens, flash cookies and unsubscribe links. Production
 * refuses to start without one (except the demo). Elsewhere, a random secret is generated at
 * the first start and kept in the data folder; there is never a fixed, published fallback.
 * `next build` evaluates the config too but signs nothing: it gets a throwaway value.
 */
export function resolveSecret(
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = (message) => console.warn(message),
): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  if (env.NEXT_PHASE === 'phase-production-build' || env.NODE_ENV === 'test') {
    // Nothing built or tested in-process outlives the process: no file is written.
    ephemeral ??= randomBytes(32).toString('hex')
    return ephemeral
  }
  if (env.NODE_ENV === 'production' && env.ANNUAIRE_DEMO !== '1') {
    throw new ConfigurationError(
      'PAYLOAD_SECRET est obligatoire en production : ajoutez une longue valeur aléatoire, par exemple ' +
        '`PAYLOAD_SECRET=$(openssl rand -hex 32)`. (PAYLOAD_SECRET is required in production.)',
    )
  }
  return storedSecret(env, log)
}
