import { toText, type ValidationResult } from './text'

const EXAMPLE = 'par exemple https://www.exemple.fr'

/** Web address: http:// or https:// only (no javascript:, data:, ftp:…), with a real host name. */
export function validateHttpUrl(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  if (/\s/.test(text)) {
    return "Adresse web invalide : elle ne doit pas contenir d’espace."
  }
  if (!/^https?:\/\//i.test(text)) {
    return `Adresse web invalide : elle doit commencer par http:// ou https:// (${EXAMPLE}).`
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `Adresse web invalide : vérifiez son écriture (${EXAMPLE}).`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Adresse web invalide : elle doit commencer par http:// ou https:// (${EXAMPLE}).`
  }
  if (url.username !== '' || url.password !== '') {
    return "Adresse web invalide : elle ne doit pas contenir d’identifiant ni de mot de passe (partie avant « @ »)."
  }
  const host = url.hostname
  const isIpv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host)
  if (!isIpv4 && !/^[^.]+(\.[^.]+)*\.[a-z][a-z0-9-]*[a-z0-9]$/i.test(host)) {
    return `Adresse web invalide : le nom de domaine semble incomplet (${EXAMPLE}).`
  }
  return true
}
