import type { AfterErrorHook, FlattenedField, PayloadRequest } from 'payload'

import { labelOfPath } from './fieldLabels'

type ErrorLike = Error & { status?: number; data?: unknown; code?: string; cause?: unknown }

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/**
 * REST error answers that say, in French, what to fix:
 * - a validation error keeps each field's message (`errors[0].data.errors[]: { path, message }`),
 *   which Payload drops when the error class comes from another copy of Payload (the server
 *   and the Next build each load one);
 * - a filter Payload refuses (private field, unknown path) is explained in French;
 * - the request's own mistakes that Payload reports as 500 (a filter or an id of the wrong
 *   type, a parameter that is not JSON, a body that is not an object) become 400.
 * Real server errors stay 500.
 */
export const frenchApiErrors: AfterErrorHook = ({ error, req, graphqlResult }) => {
  if (graphqlResult) return
  const err = error as ErrorLike
  if (err.name === 'ValidationError' && hasFieldErrors(err.data)) {
    const data = err.data as { collection?: string; global?: string; errors: Array<{ message?: string; path?: string; label?: unknown }> }
    const errors = data.errors.map((e) => ({ ...e, message: frenchFieldMessage(e.message) }))
    const summary = labelledSummary(req, data) ?? frenchSummary(err.message)
    return { status: 400, response: { errors: [{ name: err.name, data: { ...data, errors }, message: summary }] } }
  }
  if (err.name === 'QueryError') {
    const paths = Array.isArray(err.data) ? err.data.map((d: { path?: string }) => d.path).filter(Boolean) : []
    return {
      status: 400,
      response: {
        errors: [
          {
            message: `Filtre ou tri refusé : ${paths.join(', ') || 'champ inconnu'} (champ inconnu, privé ou opérateur non pris en charge).`,
            data: { paths },
          },
        ],
      },
    }
  }
  if (err.name === 'APIError' && err.message === 'Invalid JSON') {
    return { status: 400, response: { errors: [{ message: 'Le corps de la requête n’est pas du JSON valide.' }] } }
  }
  const french = ENGLISH_API_MESSAGES.get(err.message)
  if (french && (err.status ?? 500) < 500) return { status: err.status ?? 400, response: { errors: [{ message: french }] } }
  if ((err.status ?? 500) < 500) return
  const mistake = clientMistake(err, req.method, (req as { data?: unknown }).data)
  if (mistake) return { status: 400, response: { errors: [{ message: mistake }] } }
}

/** Field messages Payload writes in English whatever the language. */
const ENGLISH_FIELD_MESSAGES: Array<[RegExp, string]> = [
  [/^This relationship field has the following invalid relationships: (.*)$/s, 'Élément lié introuvable ou identifiant invalide : $1'],
  [/^Value must be unique$/, 'Cette valeur est déjà utilisée : elle doit être unique.'],
  [/^This field is required\.?$/, 'Ce champ est obligatoire.'],
]

/** Request errors Payload words in English whatever the language (auth, uploads, versions). */
const ENGLISH_API_MESSAGES = new Map<string, string>([
  ['Token is either invalid or has expired.', 'Ce lien de réinitialisation n’est pas valide ou a expiré : demandez-en un nouveau.'],
  ['Verification token is invalid.', 'Ce lien de confirmation n’est pas valide ou a déjà servi.'],
  ['Missing required data.', 'Données manquantes : envoyez tous les champs demandés.'],
  ['No User', 'Aucune session ouverte.'],
  ['Incorrect collection', 'Ce compte ne peut pas faire cette opération.'],
  ['Missing ID of document to update.', 'Indiquez l’identifiant du document à modifier.'],
  ['Missing ID of version.', 'Indiquez l’identifiant de la version.'],
  ['Missing ID of version to restore.', 'Indiquez l’identifiant de la version à restaurer.'],
  ['Invalid filename.', 'Nom de fichier invalide.'],
  ['Invalid file url', 'Adresse du fichier invalide.'],
  ['Invalid external file URL.', 'Adresse du fichier invalide.'],
  ['External file URLs must use HTTP or HTTPS.', 'L’adresse du fichier doit commencer par http:// ou https://.'],
])

/**
 * The summary line (the admin's toast) naming each field by its French label: our hooks throw
 * errors with a path only (`category`), which Payload would print as is.
 */
function labelledSummary(
  req: PayloadRequest,
  data: { collection?: string; global?: string; errors: Array<{ path?: string; label?: unknown }> },
): string | null {
  const config = data.collection
    ? (req.payload?.collections as Record<string, { config?: unknown }> | undefined)?.[data.collection]?.config
    : data.global
      ? req.payload?.globals?.config?.find((g) => g.slug === data.global)
      : undefined
  const fields = (config as { flattenedFields?: FlattenedField[] } | undefined)?.flattenedFields
  if (!fields || data.errors.length === 0) return null
  const names = data.errors.map((e) => {
    if (typeof e.label === 'string' && e.label.trim() !== '') return e.label
    return (e.path && labelOfPath(fields, e.path)) || e.path || ''
  })
  const intro = names.length === 1 ? 'Le champ suivant n’est pas valide :' : 'Les champs suivants ne sont pas valides :'
  return `${intro} ${names.join(', ')}`
}

/** The summary line of a validation error, in French when Payload built it without translations. */
function frenchSummary(message: string): string {
  return message
    .replace(/^The following field is invalid:/, 'Le champ suivant n’est pas valide :')
    .replace(/^The following fields are invalid \(\d+\):|^The following fields are invalid:/, 'Les champs suivants ne sont pas valides :')
}

function frenchFieldMessage(message: string | undefined): string | undefined {
  if (!message) return message
  for (const [english, french] of ENGLISH_FIELD_MESSAGES) if (english.test(message)) return message.replace(english, french)
  return message
}

function hasFieldErrors(data: unknown): boolean {
  return Array.isArray((data as { errors?: unknown } | undefined)?.errors)
}

function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  let current = error as ErrorLike | undefined
  while (current && chain.length < 6) {
    chain.push(current)
    current = current.cause as ErrorLike | undefined
  }
  return chain
}

/** A French explanation when the 500 is the request's fault, otherwise null. */
export function clientMistake(error: ErrorLike, method: string | undefined, data: unknown): string | null {
  const chain = causes(error)
  const text = chain.map((e) => `${e.name ?? ''} ${e.message ?? ''}`).join(' | ')
  if (chain.some((e) => e.name === 'SyntaxError')) {
    return 'Un paramètre de la requête (where, select, sort…) n’est pas du JSON valide.'
  }
  if (/Only finite numbers|cannot be passed as argument|invalid input syntax|out of range|date\/time field value|invalid input value/i.test(text) ||
    chain.some((e) => typeof e.code === 'string' && /^22/.test(e.code))) {
    return 'Un identifiant ou une valeur de filtre n’a pas le bon type (un nombre, une date…) : corrigez la requête.'
  }
  if (/operators\[queryOperator\] is not a function/.test(text)) {
    return 'Cet opérateur de filtre ne s’applique pas à ce champ.'
  }
  if (/Maximum call stack size exceeded/.test(text)) return 'La requête est trop imbriquée.'
  if (error.name === 'TypeError' && method && WRITE_METHODS.has(method) && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    return 'Le corps de la requête doit être un objet JSON, par exemple {"name": "Boulangerie Martin"}.'
  }
  return null
}
