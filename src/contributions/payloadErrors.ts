import { isPayloadError } from '@/errors/isPayloadError'

/** Payload's validation errors, as form messages keyed by field (French where Payload's are not). */
export function validationMessages(error: unknown): Record<string, string> | null {
  if (!isPayloadError(error, 'ValidationError')) return null
  const errors: Record<string, string> = {}
  const list = (error.data as { errors?: Array<{ path?: string; message?: string }> } | undefined)?.errors ?? []
  for (const item of list) {
    const key = String(item.path ?? '_form').split('.')[0]!
    if (!(key in errors)) errors[key] = item.message || 'Cette valeur n’est pas valide : corrigez-la.'
  }
  if (Object.keys(errors).length === 0) errors._form = 'Ces informations n’ont pas pu être enregistrées : vérifiez chaque champ.'
  return errors
}
