import { agree, KIND_LABELS, type ModeratedSlug } from '@/moderation/labels'

import { type Block, type RenderedEmail, renderEmail, siteName } from './layout'

export type ModerationDecisionEmail = {
  decision: 'approved' | 'rejected'
  collection: ModeratedSlug
  title: string
  territoryName: string | null
  recipientName?: string | null
  /** Sent with a refusal. */
  reason?: string | null
  /** The public page, once published. */
  entryUrl?: string | null
  /** « Mon espace », where the author corrects and resubmits. */
  accountUrl?: string | null
  /** For an announcement the mairie posted for a resident without internet. */
  onBehalfOf?: { residentName?: string | null; residentPhone?: string | null } | null
}

/** The author learns the moderator's decision (and, on refusal, why and what to do). */
export function moderationDecisionEmail(input: ModerationDecisionEmail): RenderedEmail {
  const kind = KIND_LABELS[input.collection]
  const site = siteName(input.territoryName)
  const approved = input.decision === 'approved'
  const forResident = input.onBehalfOf?.residentName?.trim()
  const subject = approved
    ? `${kind.yours} « ${input.title} » est ${agree(input.collection, 'publié')} — ${site}`
    : `${kind.yours} « ${input.title} » n’a pas été ${agree(input.collection, 'publié')} — ${site}`
  const blocks: Block[] = []
  const what = forResident ? `${kind.the} « ${input.title} » que vous avez ${agree(input.collection, 'déposé')} pour ${forResident}` : `${kind.yours.toLowerCase()} « ${input.title} »`
  if (approved) {
    blocks.push({ p: `Bonne nouvelle : ${what} a été ${agree(input.collection, 'vérifié')} et ${agree(input.collection, 'publié')} sur l’annuaire local${input.territoryName ? ` de ${input.territoryName}` : ''}.` })
    if (input.entryUrl) blocks.push({ link: input.entryUrl, label: `Voir ${kind.the} en ligne` })
    if (forResident) {
      const phone = input.onBehalfOf?.residentPhone?.trim()
      blocks.push({ p: `Pensez à prévenir ${forResident}${phone ? ` (téléphone : ${phone})` : ''} : les réponses arrivent à la mairie, qui les lui transmet.` })
    } else {
      blocks.push({ p: `Vous pouvez ${kind.feminine ? 'la' : 'le'} modifier à tout moment depuis votre espace.` })
      if (input.accountUrl) blocks.push({ link: input.accountUrl, label: 'Ouvrir mon espace' })
    }
  } else {
    blocks.push({ p: `${what.charAt(0).toUpperCase()}${what.slice(1)} n’a pas été ${agree(input.collection, 'publié')}, pour la raison suivante :` })
    blocks.push({ quote: input.reason?.trim() || 'Aucun motif précisé.' })
    if (forResident) {
      blocks.push({ p: `Vous pouvez corriger ${kind.the} depuis l’administration, ou prévenir ${forResident}.` })
    } else {
      blocks.push({ p: `Vous pouvez ${kind.feminine ? 'la' : 'le'} corriger depuis votre espace : ${kind.the} sera de nouveau ${agree(input.collection, 'examiné')} par la mairie. Pour toute question, répondez simplement à cet e-mail.` })
      if (input.accountUrl) blocks.push({ link: input.accountUrl, label: 'Ouvrir mon espace' })
    }
  }
  const greeting = input.recipientName ? `Bonjour ${input.recipientName},` : 'Bonjour,'
  return renderEmail({ subject, greeting, blocks, territoryName: input.territoryName })
}
