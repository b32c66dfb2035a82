import { formatFrenchPhone } from '@/fields/validators'
import { agree, KIND_LABELS, type ModeratedSlug } from '@/moderation/labels'

import { type Block, type EmailContact, localDirectoryOf, type RenderedEmail, renderEmail, siteName } from './layout'

export type ModerationDecisionEmail = {
  /** A new entry published or refused, or an owner's changes to a published one accepted or refused. */
  decision: 'approved' | 'rejected' | 'changesApproved' | 'changesRejected'
  collection: ModeratedSlug
  title: string
  territoryName: string | null
  /** « la CC de la Picardie Verte », when the territory gives it (else derived from the name). */
  territoryNameWithArticle?: string | null
  recipientName?: string | null
  /** Sent with a refusal. */
  reason?: string | null
  /** The public page, once published. */
  entryUrl?: string | null
  /** « Mon espace », where the author corrects and resubmits. */
  accountUrl?: string | null
  /** For an announcement the mairie posted for a resident without internet. */
  onBehalfOf?: { residentName?: string | null; residentPhone?: string | null } | null
  /** The territory's contact address: replies to the decision reach it (else nobody's). */
  contact?: EmailContact
}

/** The author learns the moderator's decision (and, on refusal, why and what to do). */
export function moderationDecisionEmail(input: ModerationDecisionEmail): RenderedEmail {
  if (input.decision === 'changesApproved' || input.decision === 'changesRejected') return changesDecisionEmail(input)
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
    blocks.push({ p: `Bonne nouvelle : ${what} a été ${agree(input.collection, 'vérifié')} et ${agree(input.collection, 'publié')} sur ${localDirectoryOf(input.territoryName, input.territoryNameWithArticle)}.` })
    if (input.entryUrl) blocks.push({ link: input.entryUrl, label: `Voir ${kind.the} en ligne` })
    if (forResident) {
      const typed = input.onBehalfOf?.residentPhone?.trim()
      const phone = typed ? formatFrenchPhone(typed) : undefined
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
      blocks.push({ p: `Vous pouvez ${kind.feminine ? 'la' : 'le'} corriger depuis votre espace : ${kind.the} sera de nouveau ${agree(input.collection, 'examiné')} par la mairie.` })
      if (input.accountUrl) blocks.push({ link: input.accountUrl, label: 'Ouvrir mon espace' })
    }
  }
  const greeting = input.recipientName ? `Bonjour ${input.recipientName},` : 'Bonjour,'
  return renderEmail({ subject, greeting, blocks, territoryName: input.territoryName, contact: input.contact })
}

/** The owner learns whether their changes to a published entry went online (and, if not, why). */
function changesDecisionEmail(input: ModerationDecisionEmail): RenderedEmail {
  const kind = KIND_LABELS[input.collection]
  const site = siteName(input.territoryName)
  const approved = input.decision === 'changesApproved'
  // « de la fiche », « de l’annonce », « du service ».
  const ofIt = kind.the.startsWith('le ') ? `du ${kind.the.slice(3)}` : `de ${kind.the}`
  const subject = approved
    ? `Vos modifications ${ofIt} « ${input.title} » sont en ligne — ${site}`
    : `Vos modifications ${ofIt} « ${input.title} » n’ont pas été publiées — ${site}`
  const blocks: Block[] = []
  if (approved) {
    blocks.push({ p: `Bonne nouvelle : la mairie a vérifié vos modifications ${ofIt} « ${input.title} » ; elles sont maintenant en ligne sur ${localDirectoryOf(input.territoryName, input.territoryNameWithArticle)}.` })
    if (input.entryUrl) blocks.push({ link: input.entryUrl, label: `Voir ${kind.the} en ligne` })
  } else {
    blocks.push({ p: `La mairie n’a pas accepté vos modifications ${ofIt} « ${input.title} », pour la raison suivante :` })
    blocks.push({ quote: input.reason?.trim() || 'Aucun motif précisé.' })
    blocks.push({ p: `La version approuvée reste en ligne, sans changement. Vous pouvez proposer de nouvelles modifications depuis votre espace ; elles seront de nouveau examinées par la mairie.` })
    if (input.entryUrl) blocks.push({ link: input.entryUrl, label: `Voir ${kind.the} en ligne` })
  }
  if (input.accountUrl) blocks.push({ link: input.accountUrl, label: 'Ouvrir mon espace' })
  const greeting = input.recipientName ? `Bonjour ${input.recipientName},` : 'Bonjour,'
  return renderEmail({ subject, greeting, blocks, territoryName: input.territoryName, contact: input.contact })
}
