import type { CollectionAfterErrorHook } from 'payload'

/**
 * A file the person may not read (`/api/media/file/<name>`, every size) answers 404, as a
 * file that does not exist: a 403 would tell that a draft notice's PDF or a photo waiting
 * for moderation is there. `?prefix=` (Payload's storage folders, which these media do not
 * have) made Payload look for a missing column (500): it finds no file either.
 */
export const hiddenFileNotFound: CollectionAfterErrorHook = ({ error, req }) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (!req.routeParams?.filename && !/\/file\//.test(url.pathname)) return
  const forbidden = error.name === 'Forbidden' || (error as { status?: number }).status === 403
  if (!forbidden && !url.searchParams.has('prefix')) return
  return { status: 404, response: { errors: [{ message: 'Fichier introuvable.' }] } }
}
