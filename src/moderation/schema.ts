import { z } from 'zod'

import { MODERATED_SLUGS } from '@collections/slugs'

export const REASON_MIN = 5
export const REASON_MAX = 2000

/** A document id as forms send it (text) or as JSON does (number); numeric text becomes a number. */
const documentId = z
  .union([z.number().int().positive(), z.string().trim().regex(/^[\w-]{1,64}$/, 'Identifiant invalide.')])
  .transform((value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))

const entry = { collection: z.enum(MODERATED_SLUGS, { error: 'Type d’élément inconnu.' }), id: documentId }
const report = { collection: z.literal('reports', { error: 'Type d’élément inconnu.' }), id: documentId }

/** One moderation decision, as the queue's forms (or any API client) send it. */
export const decisionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approve'), ...entry }),
    z.object({
      action: z.literal('reject'),
      ...entry,
      reason: z
        .string({ error: 'Indiquez le motif du refus : il est envoyé à l’auteur.' })
        .trim()
        .min(REASON_MIN, `Indiquez le motif du refus (au moins ${REASON_MIN} caractères) : il est envoyé à l’auteur.`)
        .max(REASON_MAX, `Le motif du refus est trop long (${REASON_MAX} caractères au plus).`),
    }),
    z.object({ action: z.literal('reviewed'), ...entry }),
    z.object({ action: z.literal('resolveReport'), ...report }),
    z.object({ action: z.literal('dismissReport'), ...report }),
  ],
  { error: 'Action inconnue : choisissez Approuver (ou Garder les modifications) ou Refuser (ou Revenir à la version en ligne).' },
)

export type Decision = z.infer<typeof decisionSchema>
export type DecisionInput = z.input<typeof decisionSchema>
