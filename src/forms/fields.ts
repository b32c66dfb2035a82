import { z } from 'zod'

import { passwordProblem } from '@/auth/passwordPolicy'
import { validateEmail, validateFrenchPhone, validateHttpUrl, validatePostcode, type ValidationResult } from '@/fields/validators'

/** Building blocks of the form schemas, with their French messages. */

const trimmed = z.string().transform((value) => value.replace(/\r\n/g, '\n').trim())

export function requiredText(label: string, min: number, max: number) {
  return trimmed.pipe(
    z
      .string()
      .min(1, { error: `Indiquez ${label}.` })
      .min(min, { error: `${capitalize(label)} doit faire au moins ${min} caractères.` })
      .max(max, { error: `${capitalize(label)} ne doit pas dépasser ${max} caractères.` }),
  )
}

export function optionalText(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => value?.replace(/\r\n/g, '\n').trim() || undefined)
    .pipe(z.string().max(max, { error: `${capitalize(label)} ne doit pas dépasser ${max} caractères.` }).optional())
}

/**
 * A required e-mail field (the page marks it « required »): an empty field asks for the
 * address with `missing`, a wrong one says how to write it — never « laissez le champ vide ».
 */
export function requiredEmail(missing = 'Indiquez votre adresse e-mail.') {
  return z
    .string({ error: missing })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: missing })
        .max(254, { error: 'Cette adresse e-mail est trop longue.' })
        .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide : vérifiez-la (exemple : prenom.nom@exemple.fr).' })),
    )
    .transform((value) => value.toLowerCase())
}

export const email = requiredEmail()

/** An optional e-mail field (the page does not mark it required): it may be left empty. */
export const optionalEmail = z
  .string()
  .optional()
  .transform((value) => value?.trim().toLowerCase() || undefined)
  .pipe(
    z
      .string()
      .max(254, { error: 'Cette adresse e-mail est trop longue : vérifiez-la ou laissez le champ vide.' })
      .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide : vérifiez-la (exemple : prenom.nom@exemple.fr) ou laissez le champ vide.' }))
      .optional(),
  )

/**
 * An optional text field that the collection checks with `validate` when the document is
 * saved: the form runs the same check, so every error comes back in the first round
 * instead of the collection's ones on the next submit.
 */
export function optionalChecked(label: string, max: number, validate: (value: unknown) => ValidationResult) {
  return optionalText(label, max).superRefine((value, ctx) => {
    if (value === undefined) return
    const result = validate(value)
    if (result !== true) ctx.addIssue({ code: 'custom', message: result })
  })
}

/** A French phone number, as the collections check it (libphonenumber-js, mainland and overseas). */
export const optionalPhone = optionalChecked('le téléphone', 30, validateFrenchPhone)

/** A web address, as the collections check it (http:// or https://, a real host name). */
export const optionalWebsite = optionalChecked('le site web', 300, validateHttpUrl)

/** A French postcode, as the collections and the imports check it. */
export const optionalPostcode = optionalChecked('le code postal', 5, validatePostcode)

/** An optional e-mail that is also saved in a collection checked by validateEmail (profiles). */
export const optionalCheckedEmail = optionalEmail.superRefine((value, ctx) => {
  if (value === undefined) return
  const result = validateEmail(value)
  if (result !== true) ctx.addIssue({ code: 'custom', message: `${result.replace(/\.$/, '')}, ou laissez le champ vide.` })
})

/** A new password: the policy of every account (length, not guessable), said in French. */
export const password = z.string({ error: 'Choisissez un mot de passe.' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** A document id chosen in a list: a number (SQLite, PostgreSQL) or an ObjectId (MongoDB). */
export function idChoice(message: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .regex(/^[\w-]{1,40}$/, { error: message })
    .transform((value) => (/^\d+$/.test(value) ? Number(value) : value))
}

export function optionalIdChoice(message: string) {
  return z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.string().regex(/^[\w-]{1,40}$/, { error: message }).optional())
    .transform((value) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value))
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
