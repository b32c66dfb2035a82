import { IncomingMessage, type ServerResponse } from 'node:http'

import type { Request, RequestHandler, Response } from 'express'

import { queryProblem } from './rejectMalformedQueries'
import { normalisedPath } from './requestRoute'

/** JSON bodies bigger than this are refused (uploads are multipart and not concerned). */
export const MAX_JSON_BYTES = 10 * 1024 * 1024
/** Deeper JSON is refused: nothing in the model nests that far, and Payload would overflow its stack. */
export const MAX_JSON_DEPTH = 64

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH'])

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

/**
 * Checks the JSON body of every API write before Payload sees it: broken JSON, a body that
 * is not an object (array, null, number, text), JSON sent as text, too deep or too big get a
 * French 4xx instead of Payload's « Something went wrong » 500. A good body is handed on
 * unchanged (replayed in a fresh request, since reading it consumed the original stream).
 */
export function rejectMalformedBodies(handler: Handler): RequestHandler {
  return (req, res) => {
    if (!WRITE_METHODS.has(req.method) || !normalisedPath(req.path).startsWith('/api/')) return void handler(req, res)
    const type = mediaType(req)
    // GraphQL reads JSON only (Payload answers 500 to anything else).
    if (normalisedPath(req.path) === '/api/graphql' && type !== 'application/json') {
      return void refuse(res, 415, 'Envoyez la requête GraphQL en JSON, avec l’en-tête « Content-Type: application/json ».')
    }
    // A POST read as a GET (Payload's method override) carries its query string as the body.
    const readAsGet = req.method === 'POST' && String(req.headers['x-payload-http-method-override'] ?? '').toUpperCase() === 'GET'
    if (!readAsGet && type !== 'application/json' && type !== 'text/plain' && type !== '') return void handler(req, res)
    readBodyOnce(req, MAX_JSON_BYTES)
      .then((body) => {
        if (body === null) return refuse(res, 413, 'Le corps de la requête est trop volumineux (10 Mo au plus).')
        if (readAsGet) {
          const problem = queryProblem(body.toString('utf8'))
          if (problem) return refuse(res, 400, problem)
          return void handler(replay(req, body), res)
        }
        if (body.length === 0) return void handler(replay(req, body), res)
        if (type !== 'application/json') {
          return refuse(res, 415, 'Envoyez les données en JSON, avec l’en-tête « Content-Type: application/json ».')
        }
        const problem = jsonProblem(body.toString('utf8'))
        if (problem) return refuse(res, 400, problem)
        handler(replay(req, body), res)
      })
      .catch(() => refuse(res, 400, 'Le corps de la requête n’a pas pu être lu : renvoyez-la.'))
  }
}

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
}

/** What is wrong with a JSON body, in French, or null when it is a usable object. */
export function jsonProblem(text: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'Le corps de la requête n’est pas du JSON valide : vérifiez les guillemets, les virgules et les accolades.'
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'Le corps de la requête doit être un objet JSON, par exemple {"name": "Boulangerie Martin"}.'
  }
  if (depthOf(value) > MAX_JSON_DEPTH) return `Le corps de la requête est trop imbriqué (${MAX_JSON_DEPTH} niveaux au plus).`
  return null
}

/** How deep objects and arrays nest (stops counting past the limit). */
function depthOf(value: unknown): number {
  let depth = 0
  let level: unknown[] = [value]
  while (level.length > 0 && depth <= MAX_JSON_DEPTH) {
    depth += 1
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v as object) : []))
  }
  return depth
}

const BODY = Symbol.for('annuaire.rawBody')

/**
 * The whole body, read once: a later reader of the same request (the GraphQL guard reads it
 * before the abuse limits, this middleware after) gets the same buffer.
 */
export function readBodyOnce(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const holder = req as IncomingMessage & { [BODY]?: Promise<Buffer | null> }
  holder[BODY] ??= readBody(req, limit)
  return holder[BODY]
}

/** The whole body, or null when it is longer than `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooBig = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A request like the original, whose body is `body` again. */
function replay(original: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(original.socket)
  copy.method = original.method
  copy.url = original.url
  copy.httpVersion = original.httpVersion
  copy.httpVersionMajor = original.httpVersionMajor
  copy.httpVersionMinor = original.httpVersionMinor
  const headers = { ...original.headers, 'content-length': String(body.length) }
  delete headers['transfer-encoding']
  copy.headers = headers
  copy.rawHeaders = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)]))
  copy.complete = true
  copy.push(body)
  copy.push(null)
  return copy
}

function refuse(res: Response, status: number, message: string) {
  if (res.headersSent) return
  res.status(status).json({ errors: [{ message }] })
}
