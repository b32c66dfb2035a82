import type { NextFunction, Request, Response } from 'express'

import { normalisedPath } from './requestRoute'

/** Operators that compare with one value: an object or a list there is a malformed request. */
const SCALAR_OPERATORS = new Set([
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])
const SINGLE_NUMBERS = new Set(['limit', 'page', 'depth'])

/**
 * Refuses, with a French 400, the REST query strings whose shape Payload does not expect and
 * answers with a 500 (found by scripts/fuzz.ts): `limit`, `page` or `depth` given twice or as
 * an object, and a one-value filter operator (`where[name][equals]`) given a list or an object.
 */
export function rejectMalformedQueries(req: Request, res: Response, next: NextFunction) {
  const path = normalisedPath(req.path)
  if (!path.startsWith('/api/')) return next()
  // Payload's migrations table has no REST route and answers 501: nothing there for anyone.
  if (/^\/api\/payload-migrations(\/|$)/.test(path)) return void res.status(404).json({ errors: [{ message: 'Page introuvable.' }] })
  const problem = fileNameProblem(req.path) ?? queryProblem(req.originalUrl.split('?')[1] ?? '')
  if (!problem) return next()
  res.status(400).json({ errors: [{ message: problem }] })
}

/** What is wrong with a query string, in French, or null. */
export function queryProblem(search: string): string | null {
  if (!search) return null
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  } catch {
    return 'Les paramètres de la requête sont illisibles.'
  }
  const seen = new Set<string>()
  for (const key of params.keys()) {
    const base = key.split('[')[0]!
    if (SINGLE_NUMBERS.has(base)) {
      if (key !== base || seen.has(key)) return `Le paramètre « ${base} » doit être donné une seule fois, sous la forme d’un nombre.`
    }
    if (base === 'where') {
      const segments = [...key.slice(base.length).matchAll(/\[([^\]]*)\]?/g)].map((m) => m[1]!)
      const at = segments.findIndex((s) => SCALAR_OPERATORS.has(s))
      if (at !== -1 && (at < segments.length - 1 || seen.has(key))) {
        return `Le filtre « ${key.slice(0, 120)} » compare avec une seule valeur : donnez-la une seule fois, sans crochets après l’opérateur.`
      }
    }
    seen.add(key)
  }
  return null
}

/** `/api/<upload collection>/file/<name>`: the name as sent (still percent-encoded). */
const FILE_PATH = /^\/api\/[^/]+\/file\/(.*)$/i

/**
 * A file name Payload's file route would choke on (500, found by the penetration test): a NUL
 * or control character, a slash, a backslash, or `..` alone once decoded, even twice
 * (`logo.webp%00.html`, `%252e%252e%252fpackage.json`). Real names are plain `logo-pv.webp`.
 */
export function fileNameProblem(path: string): string | null {
  const match = FILE_PATH.exec(path)
  if (!match) return null
  let name = match[1]!
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(name)
      if (next === name) break
      name = next
    } catch {
      return 'Nom de fichier invalide.'
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/^\.{0,2}$/.test(name) || /[\u0000-\u001f\u007f/\\]/.test(name)) return 'Nom de fichier invalide.'
  return null
}
