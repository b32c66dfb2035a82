import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

/** One backup is one folder: `manifest.json`, the database dump and a copy of the media folder. */
export const MANIFEST_FILE = 'manifest.json'
export const SQLITE_FILE = 'database.sqlite'
export const POSTGRES_FILE = 'database.pgdump'
export const MEDIA_FOLDER = 'media'

const fileEntry = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })

export const manifestSchema = z.object({
  format: z.literal('annuaire-local-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.object({ kind: z.enum(['sqlite', 'postgres']), file: fileEntry }),
  media: z.object({ files: z.array(fileEntry), bytes: z.number().int().nonnegative() }),
})
export type Manifest = z.infer<typeof manifestSchema>
export type FileEntry = z.infer<typeof fileEntry>

export function mediaDir(): string {
  return path.resolve(process.env.MEDIA_DIR || 'data/media')
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** Every file under `dir`, relative paths with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

export function describeFile(root: string, relative: string): FileEntry {
  const full = path.join(root, relative)
  return { path: relative, bytes: fs.statSync(full).size, sha256: sha256(full) }
}

export function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace('.', ',')} Mo`
  return `${(bytes / 1024 ** 3).toFixed(2).replace('.', ',')} Go`
}

/** A French message for the person at the terminal, then exit code 1. */
export class BackupError extends Error {
  override name = 'BackupError'
}

export function step(message: string): void {
  console.log(`▶ ${message}`)
}
