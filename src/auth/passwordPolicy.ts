import { createRequire } from 'node:module'

import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

/**
 * The password policy of every account, wherever a password is set (admin, sign-up,
 * reset, REST): at least PASSWORD_MIN_LENGTH characters (10) and not guessable — zxcvbn
 * with the common and French dictionaries, plus the account's own name and e-mail, must
 * estimate at least 10⁸ guesses (score 3 of 4; PASSWORD_MIN_SCORE overrides it).
 */

export const PASSWORD_MAX_LENGTH = 200

let factory: ZxcvbnFactory | undefined
/**
 * zxcvbn and its dictionaries are loaded at the first password check, not with the
 * collections: decoding them costs about 25 MB in every process (and every server bundle)
 * that imports the Payload config, most of which never sees a password.
 */
function estimator(): ZxcvbnFactory {
  if (!factory) {
    const load = createRequire(import.meta.url)
    const core = load('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core')
    const common = load('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
    const fr = load('@zxcvbn-ts/language-fr') as typeof import('@zxcvbn-ts/language-fr')
    factory = new core.ZxcvbnFactory({
      translations: fr.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...fr.dictionary },
    })
  }
  return factory
}

export function passwordMinLength(): number {
  const value = Number(process.env.PASSWORD_MIN_LENGTH)
  return Number.isInteger(value) && value >= 8 ? value : 10
}

/** The rule said next to every new-password field, with the current minimum length. */
export function passwordHint(): string {
  return (
    `Au moins ${passwordMinLength()} caractères et difficile à deviner : par exemple quatre mots sans rapport entre eux. ` +
    'Évitez votre nom, votre adresse e-mail et les mots de passe courants (« Dupont2026 » est refusé).'
  )
}

function minimumScore(): number {
  const value = Number(process.env.PASSWORD_MIN_SCORE)
  return Number.isInteger(value) && value >= 0 && value <= 4 ? value : 3
}

/** What zxcvbn counts as easy to guess for this account: the personal part of the e-mail, the words of the name. */
function personalWords(inputs: Array<string | null | undefined>): string[] {
  return inputs
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .flatMap((v) => (v.includes('@') ? [v.split('@')[0]!] : v.split(/[\s'’()-]+/)))
    .filter((w) => w.length >= 3)
}

/** What is wrong with a password, in French with what to do instead, or null when it is acceptable. */
export function passwordProblem(password: unknown, accountWords: Array<string | null | undefined> = []): string | null {
  if (typeof password !== 'string') return 'Le mot de passe doit être un texte.'
  if (password.length === 0) return 'Choisissez un mot de passe.'
  const min = passwordMinLength()
  if ([...password].length < min) return `Le mot de passe doit faire au moins ${min} caractères : allongez-le, par exemple avec une phrase de plusieurs mots.`
  if (password.length > PASSWORD_MAX_LENGTH) return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`
  const words = personalWords(accountWords)
  const folded = fold(password)
  const mailbox = accountWords.find((w): w is string => typeof w === 'string' && w.includes('@'))?.split('@')[0] ?? ''
  if (mailbox.length >= 4 && folded.includes(fold(mailbox))) {
    return 'Le mot de passe contient votre adresse e-mail, que l’on devine facilement : choisissez-en un sans elle.'
  }
  const result = estimator().check(password, words)
  if (result.score >= minimumScore()) return null
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, '')}. ` : ''
  const advice = result.feedback.suggestions.length ? ` ${result.feedback.suggestions.join(' ')}` : ''
  return (
    `Ce mot de passe est trop facile à deviner. ${why}` +
    `Choisissez-en un plus long et moins courant, par exemple quatre mots sans rapport entre eux, sans votre nom ni votre adresse e-mail.${advice}`
  )
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
