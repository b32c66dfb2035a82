import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * A REST or GraphQL update that carries nothing to change is refused (400, in French):
 * saved anyway, it would flag a published entry « modifié » or send a refused one back to
 * the moderation queue although nothing changed. Server code (local API) is not concerned.
 */
export const refuseEmptyUpdate: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || req.payloadAPI === 'local') return args
  const data = (args as { data?: unknown }).data
  const hasFile = Boolean(req.file)
  const empty = data !== null && typeof data === 'object' && !Array.isArray(data) && Object.values(data).every((v) => v === undefined)
  if (empty && !hasFile) {
    throw new APIError('Rien à modifier : la requête ne contient aucun champ. Envoyez les champs à changer, par exemple {"description": "…"}.', 400)
  }
  return args
}
