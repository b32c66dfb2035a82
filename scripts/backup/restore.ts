/**
 * `npm run restore -- <dossier> [--force]`: puts a backup made by `npm run backup` back into
 * the database of DATABASE_URI and the media folder (MEDIA_DIR). Refuses a target that
 * already holds data unless --force. Stop the server first: it reopens the restored data
 * when started again.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import Database from 'libsql'
import pg from 'pg'

import { parseDatabaseUri } from '../../src/database/parseDatabaseUri'
import { BackupError, humanBytes, listFiles, MANIFEST_FILE, type Manifest, manifestSchema, MEDIA_FOLDER, mediaDir, sha256, step } from './format'

function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file)) throw new BackupError(`${dir} n’est pas une sauvegarde de l’annuaire (pas de ${MANIFEST_FILE}).`)
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new BackupError(`Le manifeste ${file} est illisible ou d’un format inconnu.`)
  return parsed.data
}

function verify(dir: string, manifest: Manifest): void {
  const entries = [
    { root: dir, entry: manifest.database.file },
    ...manifest.media.files.map((entry) => ({ root: path.join(dir, MEDIA_FOLDER), entry })),
  ]
  for (const { root, entry } of entries) {
    const full = path.join(root, entry.path)
    if (!fs.existsSync(full) || sha256(full) !== entry.sha256) {
      throw new BackupError(`Sauvegarde abîmée : ${entry.path} manque ou ne correspond pas au manifeste. Rien n’a été restauré.`)
    }
  }
}

function sqliteHasData(filePath: string): boolean {
  if (!fs.existsSync(filePath) || fs.statSync(filePath).size === 0) return false
  const db = new Database(filePath, { readonly: true })
  try {
    return Number((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n) > 0
  } finally {
    db.close()
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Creates the target database when it does not exist yet; tells whether it holds tables. */
async function preparePostgres(url: string): Promise<boolean> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const exists = await withClient(maintenance.toString(), async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount)
  if (!exists) {
    step(`Création de la base PostgreSQL « ${name} »…`)
    await withClient(maintenance.toString(), (c) => c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`))
    return false
  }
  const tables = await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`)).rows[0].n as number)
  return tables > 0
}

export async function restore(dir: string, force: boolean): Promise<void> {
  const manifest = readManifest(dir)
  const database = parseDatabaseUri(process.env.DATABASE_URI)
  if (database.kind !== manifest.database.kind) {
    throw new BackupError(
      `Cette sauvegarde vient d’une base ${manifest.database.kind} mais DATABASE_URI désigne une base ${database.kind} : ` +
        'restaurez dans une base du même type.',
    )
  }
  step(`Vérification de la sauvegarde du ${new Date(manifest.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}…`)
  verify(dir, manifest)

  // Every refusal comes before the first write.
  const media = mediaDir()
  const targetHasData = database.kind === 'sqlite' ? sqliteHasData(database.filePath) : await preparePostgres(database.url)
  const mediaHasFiles = listFiles(media).length > 0
  if ((targetHasData || mediaHasFiles) && !force) {
    const what = [targetHasData ? 'la base de données' : null, mediaHasFiles ? `le dossier des médias (${media})` : null].filter(Boolean).join(' et ')
    throw new BackupError(`Restauration refusée : ${what} contien${targetHasData && mediaHasFiles ? 'nent' : 't'} déjà des données. Relancez avec --force pour les remplacer.`)
  }

  const dump = path.join(dir, manifest.database.file.path)
  step(`Restauration de la base ${database.kind} (${humanBytes(manifest.database.file.bytes)})…`)
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.filePath), { recursive: true })
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${database.filePath}${suffix}`, { force: true })
    fs.copyFileSync(dump, database.filePath)
  } else if (database.kind === 'postgres') {
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', database.url]
    if (targetHasData) args.unshift('--clean', '--if-exists')
    try {
      execFileSync('pg_restore', [...args, dump], { stdio: ['ignore', 'inherit', 'pipe'] })
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
      throw new BackupError(`pg_restore a échoué : ${stderr || String(error)}`)
    }
  }

  step(`Restauration des médias dans ${media} : ${manifest.media.files.length} fichier(s)…`)
  if (force) fs.rmSync(media, { recursive: true, force: true })
  fs.mkdirSync(media, { recursive: true })
  for (const file of manifest.media.files) {
    fs.mkdirSync(path.dirname(path.join(media, file.path)), { recursive: true })
    fs.copyFileSync(path.join(dir, MEDIA_FOLDER, file.path), path.join(media, file.path))
  }
  step('Restauration terminée : démarrez le serveur (npm start).')
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  const dir = positionals[0]
  if (!dir) {
    console.error('✖ Indiquez le dossier de la sauvegarde : npm run restore -- backups/annuaire-… [--force]')
    process.exit(1)
  }
  try {
    await restore(path.resolve(dir), values.force)
  } catch (error) {
    console.error(`✖ ${error instanceof BackupError ? error.message : `Restauration impossible : ${String(error)}`}`)
    process.exit(1)
  }
}

await main()
