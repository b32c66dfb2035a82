import { toText, type ValidationResult } from './text'

const MAX_LENGTH = 254
const MAX_LOCAL_LENGTH = 64
const EXAMPLE = 'par exemple contact@exemple.fr'
/** One part of the domain: letters (accented allowed), digits, inner hyphens. */
const DOMAIN_LABEL = /^[a-z0-9\u00C0-\uFFFF]([a-z0-9\u00C0-\uFFFF-]*[a-z0-9\u00C0-\uFFFF])?$/i
/** Last part of the domain: 2+ letters, or an ASCII-encoded international one (xn--…). */
const TOP_LEVEL_DOMAIN = /^([a-z\u00C0-\uFFFF]{2,}|xn--[a-z0-9-]+)$/i

/** Pragmatic e-mail check: one @, no spaces, a domain with a dot, at most 254 characters. */
export function validateEmail(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  if (/\s/.test(text)) {
    return "Adresse e-mail invalide : elle ne doit pas contenir d’espace."
  }
  if (text.length > MAX_LENGTH) {
    return `Adresse e-mail trop longue : ${MAX_LENGTH} caractères au maximum (vous en avez saisi ${text.length}).`
  }
  const parts = text.split('@')
  if (parts.length !== 2) {
    return `Adresse e-mail invalide : elle doit contenir un seul « @ » (${EXAMPLE}).`
  }
  const [local, domain] = parts as [string, string]
  if (local === '' || local.length > MAX_LOCAL_LENGTH) {
    return `Adresse e-mail invalide : la partie avant « @ » doit comporter entre 1 et ${MAX_LOCAL_LENGTH} caractères (${EXAMPLE}).`
  }
  if (/[<>()[\]\\,;:"]/.test(local)) {
    return `Adresse e-mail invalide : la partie avant « @ » contient un caractère non autorisé (${EXAMPLE}).`
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return `Adresse e-mail invalide : la partie avant « @ » ne peut pas commencer ni finir par un point, ni contenir deux points de suite (${EXAMPLE}).`
  }
  const labels = domain.split('.')
  const labelsOk = labels.every((label) => DOMAIN_LABEL.test(label))
  const tld = labels[labels.length - 1] ?? ''
  if (labels.length < 2 || !labelsOk || !TOP_LEVEL_DOMAIN.test(tld)) {
    return `Adresse e-mail invalide : vérifiez le nom de domaine après « @ » (${EXAMPLE}).`
  }
  return true
}
