/**
 * `npm run backup [-- --out <dossier>]`: an online backup of the database of DATABASE_URI
 * (SQLite: `VACUUM INTO`, a consistent snapshot taken while the server keeps serving;
 * PostgreSQL: `pg_dump`, equally consistent) and of the media folder (MEDIA_DIR), into one
 * folder with a manifest (sizes and SHA-256 of every file). See docs/reliability.md.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import Database from 'libsql'

import { parseDatabaseUri } from '../../src/database/parseDatabaseUri'
import {
  BackupError,
  describeFile,
  humanBytes,
  listFiles,
  MANIFEST_FILE,
  type Manifest,
  MEDIA_FOLDER,
  mediaDir,
  POSTGRES_FILE,
  SQLITE_FILE,
  step,
} from './format'

function defaultOut(): string {
  const stamp = new Date().toISOString().replace(/[:T]/g, '-').replace(/\..*$/, '')
  return path.resolve('backups', `annuaire-${stamp}`)
}

function backupSqlite(filePath: string, target: string): void {
  const db = new Database(filePath, { timeout: 10_000 })
  try {
    // One read transaction: a consistent copy even while the server writes (WAL mode).
    db.prepare('VACUUM INTO ?').run(target)
  } finally {
    db.close()
  }
  const check = new Database(target, { readonly: true })
  try {
    const result = Object.values(check.prepare('PRAGMA integrity_check').get() as Record<string, unknown>)[0]
    if (result !== 'ok') throw new BackupError(`La copie de la base est incohérente (${String(result)}) : sauvegarde abandonnée.`)
  } finally {
    check.close()
  }
}

function backupPostgres(url: string, target: string): void {
  try {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', target, '--dbname', url], {
      stdio: ['ignore', 'inherit', 'pipe'],
    })
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new BackupError(
      missing
        ? 'pg_dump est introuvable : installez les outils clients PostgreSQL (paquet postgresql-client).'
        : `pg_dump a échoué : ${stderr || String(error)}`,
    )
  }
}

export function backup(out: string): Manifest {
  const database = parseDatabaseUri(process.env.DATABASE_URI)
  if (database.kind === 'mongodb') {
    throw new BackupError('La sauvegarde intégrée couvre SQLite et PostgreSQL ; pour MongoDB, utilisez mongodump.')
  }
  if (database.kind === 'sqlite' && !fs.existsSync(database.filePath)) {
    throw new BackupError(`La base SQLite ${database.filePath} n’existe pas : rien à sauvegarder.`)
  }
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    throw new BackupError(`Le dossier ${out} existe déjà et n’est pas vide : choisissez un autre dossier (--out).`)
  }
  fs.mkdirSync(out, { recursive: true })
  const started = Date.now()
  const dumpName = database.kind === 'sqlite' ? SQLITE_FILE : POSTGRES_FILE
  step(`Sauvegarde de la base ${database.kind === 'sqlite' ? `SQLite (${database.filePath})` : 'PostgreSQL'}…`)
  if (database.kind === 'sqlite') backupSqlite(database.filePath, path.join(out, dumpName))
  else backupPostgres(database.url, path.join(out, dumpName))
  const databaseFile = describeFile(out, dumpName)
  step(`  base copiée : ${humanBytes(databaseFile.bytes)}`)

  const media = mediaDir()
  const files = listFiles(media)
  step(`Copie des médias (${media}) : ${files.length} fichier(s)…`)
  const mediaOut = path.join(out, MEDIA_FOLDER)
  fs.mkdirSync(mediaOut, { recursive: true })
  files.forEach((file, i) => {
    fs.mkdirSync(path.dirname(path.join(mediaOut, file)), { recursive: true })
    fs.copyFileSync(path.join(media, file), path.join(mediaOut, file))
    if ((i + 1) % 200 === 0) step(`  ${i + 1} / ${files.length}`)
  })
  const mediaEntries = files.map((file) => describeFile(mediaOut, file))
  const manifest: Manifest = {
    format: 'annuaire-local-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: { kind: database.kind, file: databaseFile },
    media: { files: mediaEntries, bytes: mediaEntries.reduce((sum, f) => sum + f.bytes, 0) },
  }
  fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  step(
    `Sauvegarde terminée en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s : ${out} ` +
      `(base ${humanBytes(databaseFile.bytes)}, médias ${humanBytes(manifest.media.bytes)}).`,
  )
  return manifest
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  try {
    backup(path.resolve(values.out ?? defaultOut()))
  } catch (error) {
    console.error(`✖ ${error instanceof BackupError ? error.message : `Sauvegarde impossible : ${String(error)}`}`)
    process.exit(1)
  }
}

main()
