import { z } from 'zod'

import { PASSWORD_MAX_LENGTH, passwordProblem } from '@/auth/passwordPolicy'
import { normalizeRna, validateRna } from '@/fields/validators/rna'
import { normalizeSiret, validateSiret } from '@/fields/validators/siret'

import { CONTACT_DETAILS_MESSAGE, hasNoContactDetails } from './contactDetails'
import {
  email,
  idChoice,
  optionalCheckedEmail,
  optionalEmail,
  optionalIdChoice,
  optionalPhone,
  optionalText,
  optionalWebsite,
  password,
  requiredEmail,
  requiredText,
} from './fields'

/**
 * One zod schema per public form, shared by the route handlers (server) and any script
 * that checks a form in the browser. Input: the form's text values; output: clean data.
 */

export const PRICE_CHOICES = ['free', 'paid', 'cesu'] as const

export const contactSchema = z.object({
  senderName: requiredText('votre nom', 2, 100),
  senderEmail: optionalEmail,
  message: requiredText('le message', 10, 3000),
})
export type ContactInput = z.output<typeof contactSchema>

/**
 * The same form for a visitor who is not signed in: the page marks the e-mail required,
 * the reply goes there, so an empty or wrong address is said with the other errors.
 */
export const anonymousContactSchema = contactSchema.extend({
  senderEmail: requiredEmail('Indiquez votre adresse e-mail : la réponse vous sera envoyée à cette adresse.'),
})

/** A reply through the relay's « Répondre » link: it goes to the other party, whose address is known to the site only. */
export const replySchema = z.object({
  senderName: requiredText('votre nom', 2, 100),
  message: requiredText('le message', 2, 3000),
})
export type ReplyInput = z.output<typeof replySchema>

export const ANNOUNCEMENT_FORM_KINDS = ['offer', 'need'] as const

const futureDate = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indiquez la date au format jj/mm/aaaa.' })
      .refine((value) => !Number.isNaN(Date.parse(`${value}T23:59:59Z`)), { error: 'Cette date n’existe pas.' })
      .refine((value) => Date.parse(`${value}T23:59:59Z`) > Date.now(), { error: 'La date d’expiration doit être dans le futur.' })
      .refine((value) => Date.parse(`${value}T00:00:00Z`) < Date.now() + 366 * 24 * 3600 * 1000, {
        error: 'Une annonce dure au plus un an : choisissez une date plus proche.',
      })
      .optional(),
  )

export const announcementSchema = z.object({
  kind: z.enum(ANNOUNCEMENT_FORM_KINDS, { error: 'Choisissez « Je propose mon aide » ou « J’ai besoin d’aide ».' }),
  title: requiredText('le titre', 5, 120).refine(hasNoContactDetails, { error: CONTACT_DETAILS_MESSAGE }),
  body: requiredText('le texte', 10, 3000).refine(hasNoContactDetails, { error: CONTACT_DETAILS_MESSAGE }),
  category: idChoice('Choisissez une catégorie dans la liste.'),
  commune: idChoice('Choisissez votre commune dans la liste.'),
  priceType: z.enum(PRICE_CHOICES, { error: 'Choisissez un tarif : gratuit, payant ou CESU.' }),
  expiresAt: futureDate,
})
export type AnnouncementInput = z.output<typeof announcementSchema>

/**
 * The « Déposer une annonce » form: a secrétaire may post it for a resident who came to the
 * mairie (fields shown to staff only, ignored for others). They are checked with the others,
 * so that all errors come back at once. Empty name: posted in the author's own name.
 */
export const staffAnnouncementSchema = announcementSchema.extend({
  residentName: optionalText('le nom de l’habitant', 100).refine((value) => value === undefined || [...value].length >= 2, {
    error: 'Le nom de l’habitant doit faire au moins 2 caractères.',
  }),
  residentPhone: optionalText('le téléphone', 30),
})

export const signupSchema = z
  .object({
    name: requiredText('votre nom', 2, 100),
    email,
    password,
    passwordConfirm: z.string({ error: 'Confirmez le mot de passe.' }),
  })
  .refine((data) => data.password === data.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'Les deux mots de passe ne sont pas identiques : saisissez-les à nouveau.',
  })
  .superRefine((data, ctx) => {
    // A password built on the name or the e-mail, said with the other errors (signUp checks it again).
    if (typeof data.password !== 'string' || passwordProblem(data.password)) return
    const personal = passwordProblem(data.password, [data.email, data.name])
    if (personal) ctx.addIssue({ code: 'custom', path: ['password'], message: personal })
  })

export const loginSchema = z.object({
  email,
  password: z.string({ error: 'Indiquez votre mot de passe.' }).min(1, { error: 'Indiquez votre mot de passe.' }),
})

export const forgotSchema = z.object({ email })

/** « Renvoyer l’e-mail de confirmation »: the address of the account. */
export const resendVerificationSchema = z.object({ confirmationEmail: email })

export const resetSchema = z
  .object({
    token: z.string().min(10, { error: 'Le lien de réinitialisation est incomplet : demandez-en un nouveau.' }).max(200),
    password,
    passwordConfirm: z.string({ error: 'Confirmez le mot de passe.' }),
  })
  .refine((data) => data.password === data.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'Les deux mots de passe ne sont pas identiques : saisissez-les à nouveau.',
  })

export const REPORT_REASON_VALUES = ['wrong-information', 'closed', 'inappropriate', 'spam', 'other'] as const

export const reportSchema = z.object({
  reason: z.enum(REPORT_REASON_VALUES, { error: 'Choisissez le motif du signalement.' }),
  message: optionalText('les précisions', 2000),
  reporterEmail: optionalEmail,
})
export type ReportInput = z.output<typeof reportSchema>

export const alertSchema = z.object({
  email,
  words: optionalText('les mots recherchés', 100),
  category: optionalIdChoice('Choisissez une catégorie dans la liste.'),
  commune: optionalIdChoice('Choisissez une commune dans la liste.'),
  radiusKm: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{1,3}$/, { error: 'Le rayon est un nombre entier de kilomètres, entre 1 et 100.' })
        .transform(Number)
        .pipe(z.number().min(1, { error: 'Le rayon est d’au moins 1 km.' }).max(100, { error: 'Le rayon est d’au plus 100 km.' }))
        .optional(),
    ),
})
export type AlertInput = z.output<typeof alertSchema>

const siret = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .superRefine((value, ctx) => {
    const result = validateSiret(value)
    if (result !== true) ctx.addIssue({ code: 'custom', message: result })
  })
  .transform((value) => (value ? normalizeSiret(value) : undefined))

const rna = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .superRefine((value, ctx) => {
    const result = validateRna(value)
    if (result !== true) ctx.addIssue({ code: 'custom', message: result })
  })
  .transform((value) => (value ? normalizeRna(value) : undefined))

export const REGISTRATION_KINDS = ['businesses', 'associations'] as const

export const registrationSchema = z
  .object({
    kind: z.enum(REGISTRATION_KINDS, { error: 'Choisissez « Entreprise » ou « Association ».' }),
    name: requiredText('le nom', 2, 150),
    siret,
    rna,
    category: idChoice('Choisissez une catégorie dans la liste.'),
    commune: idChoice('Choisissez la commune dans la liste.'),
    street: optionalText('l’adresse', 200),
    activity: optionalText('l’activité', 150),
    description: optionalText('la description', 4000),
  })
  .superRefine((data, ctx) => {
    if (data.kind === 'businesses' && !data.siret) {
      ctx.addIssue({ code: 'custom', path: ['siret'], message: 'Indiquez le SIRET de l’entreprise (14 chiffres, sur un Kbis ou sur annuaire-entreprises.data.gouv.fr).' })
    }
    if (data.kind === 'associations' && !data.rna && !data.siret) {
      ctx.addIssue({ code: 'custom', path: ['rna'], message: 'Indiquez le numéro RNA de l’association (W suivi de 9 chiffres) ou son SIRET.' })
    }
  })
export type RegistrationInput = z.output<typeof registrationSchema>

/** A service a business or an association offers, from « Mon espace ». */
export const serviceSchema = z.object({
  service: z.string().regex(/^\d*$/, { error: 'Service inconnu.' }).optional(),
  title: requiredText('l’intitulé du service', 3, 150),
  description: optionalText('la description', 4000),
  priceType: z.enum(PRICE_CHOICES, { error: 'Choisissez un tarif : gratuit, payant ou CESU.' }),
  availability: optionalText('la disponibilité', 150),
})
export type ServiceInput = z.output<typeof serviceSchema>

/**
 * The profile form of « Mon espace »: phone, website and e-mail are checked here exactly as
 * the collection checks them on save (src/fields/contact.ts), so all errors come back at once.
 */
export const profileSchema = z.object({
  description: optionalText('la description', 4000),
  street: optionalText('l’adresse', 200),
  phone: optionalPhone,
  website: optionalWebsite,
  email: optionalCheckedEmail,
  photoAlt: optionalText('le texte alternatif de la photo', 200),
})
export type ProfileInput = z.output<typeof profileSchema>

/** One-button actions (log out, renew or close an announcement): the guard is all they carry. */
export const actionSchema = z.object({})

/** « Changer mon adresse e-mail »: the new address, which takes effect once confirmed by a link sent there. */
const CURRENT_PASSWORD_TOO_LONG = `Un mot de passe ne dépasse pas ${PASSWORD_MAX_LENGTH} caractères : vérifiez celui que vous avez saisi.`

export const emailChangeSchema = z.object({
  newEmail: requiredEmail('Indiquez la nouvelle adresse e-mail.'),
  currentPassword: z.string({ error: 'Indiquez votre mot de passe actuel.' }).min(1, { error: 'Indiquez votre mot de passe actuel.' }).max(PASSWORD_MAX_LENGTH, { error: CURRENT_PASSWORD_TOO_LONG }),
})

/** « Supprimer mon compte » goes ahead only with its confirmation box ticked. */
export const accountDeletionSchema = z.object({
  confirmation: z.literal('oui', { error: 'Cochez la case pour confirmer la suppression de votre compte.' }),
})

/** « Vérifier le SIRET »: the typed number, checked against the register by the route. */
export const siretCheckSchema = z.object({ siret: z.string().default('') })
