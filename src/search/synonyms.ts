/**
 * The editable synonym list (data/search/synonyms.json): groups of single words that find
 * each other ("plombier" ↔ "plomberie"). Read from disk and re-read when the file changes,
 * so an administrator can edit it without a rebuild. Category keywords are the other
 * source of synonyms: they are indexed with every entry of the category.
 */
import fs from 'node:fs'
import path from 'node:path'

import { stem, words } from './text'

export type SynonymFile = { groups: string[][] }

const RECHECK_MS = 30_000

let cache: { file: string; mtimeMs: number; checkedAt: number; map: Map<string, string[]> } | null = null

export function synonymsFilePath(): string {
  return process.env.SEARCH_SYNONYMS_FILE || path.resolve(process.cwd(), 'data/search/synonyms.json')
}

/** Builds the term → equivalent terms map from groups (terms folded and stemmed like the index). */
export function buildSynonymMap(groups: string[][]): Map<string, string[]> {
  const map = new Map<string, Set<string>>()
  for (const group of groups) {
    const terms = [...new Set(group.flatMap((entry) => words(String(entry))).map(stem))].filter((t) => t.length >= 2)
    for (const term of terms) {
      const set = map.get(term) ?? new Set<string>()
      for (const other of terms) if (other !== term) set.add(other)
      map.set(term, set)
    }
  }
  return new Map([...map].map(([term, set]) => [term, [...set]]))
}

function parse(content: string): string[][] {
  const data = JSON.parse(content) as Partial<SynonymFile>
  return Array.isArray(data.groups) ? data.groups.filter(Array.isArray).map((g) => g.map(String)) : []
}

/** The current synonym map; an unreadable or malformed file means no synonyms, never an error. */
export function synonymMap(now = Date.now()): Map<string, string[]> {
  const file = synonymsFilePath()
  if (cache && cache.file === file && now - cache.checkedAt < RECHECK_MS) return cache.map
  let mtimeMs = -1
  try {
    mtimeMs = fs.statSync(file).mtimeMs
  } catch {}
  if (cache && cache.file === file && cache.mtimeMs === mtimeMs) {
    cache.checkedAt = now
    return cache.map
  }
  let map = new Map<string, string[]>()
  if (mtimeMs >= 0) {
    try {
      map = buildSynonymMap(parse(fs.readFileSync(file, 'utf8')))
    } catch {
      map = new Map()
    }
  }
  cache = { file, mtimeMs, checkedAt: now, map }
  return map
}

export function synonymsOf(term: string): string[] {
  return synonymMap().get(term) ?? []
}
