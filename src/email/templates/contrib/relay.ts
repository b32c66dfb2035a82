import type { ResidentContact } from '@/contributions/targets'

import { type Block, localDirectoryOf, type RenderedEmail, renderEmail, siteName } from '../layout'

/** The sender confirms their address before the message leaves. */
export function contactConfirmEmail(input: { senderName: string; targetTitle: string; confirmUrl: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Confirmez l’envoi de votre message à « ${input.targetTitle} » — ${siteName(input.territoryName)}`,
    greeting: `Bonjour ${input.senderName},`,
    territoryName: input.territoryName,
    blocks: [
      { p: `Vous avez écrit à « ${input.targetTitle} » depuis l’annuaire local. Pour que votre message parte, confirmez qu’il vient bien de vous :` },
      { link: input.confirmUrl, label: 'Confirmer et envoyer mon message' },
      { p: 'Ce lien est valable 48 heures et ne sert qu’une fois. Si vous n’avez rien envoyé, ignorez cet e-mail : aucun message ne partira.' },
    ],
  })
}

/** How to answer is the footer's one instruction (see renderEmail); this says what the relay keeps private. */
const PRIVACY_NOTE = 'Votre réponse passe par le site : cette personne ne verra pas votre adresse e-mail, sauf si vous l’écrivez vous-même.'

/** « Re : », « RE: », « Fwd : » typed at the start of a name or a title: the subject says it is a reply already. */
function withoutReplyPrefix(text: string): string {
  return text.replace(/^(?:\s*(?:re|réf|tr|fwd?)\s*:\s*)+/i, '').trim() || text.trim()
}

/** « Lucie vous a répondu au sujet de « Boulangerie Martin » », the title once. */
function replyIntro(senderName: string, targetTitle: string): string {
  const who = withoutReplyPrefix(senderName)
  const about = withoutReplyPrefix(targetTitle)
  return sameName(who, about) ? `${who} vous a répondu` : `${who} vous a répondu au sujet de « ${about} »`
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0

/**
 * « Réponse de Lucie au sujet de « Boulangerie Martin » », or « Réponse de Boulangerie Martin »
 * when the business answers under its own name: the title once, never « Re : Re : ».
 */
export function replySubject(senderName: string, targetTitle: string, territoryName: string | null): string {
  const who = withoutReplyPrefix(senderName)
  const about = withoutReplyPrefix(targetTitle)
  return `Réponse de ${who}${sameName(who, about) ? '' : ` au sujet de « ${about} »`} — ${siteName(territoryName)}`
}

/** For the mairie: who the announcement was posted for, first, so she can call them. */
function passOnBlocks(resident: ResidentContact | undefined): Block[] {
  if (!resident) {
    return [{ p: 'Cette annonce a été déposée par la mairie pour un habitant sans internet : merci de lui transmettre ce message.' }]
  }
  return [
    {
      p: `Cette annonce a été déposée par la mairie pour ${resident.name}, qui n’a pas internet : merci de lui transmettre ce message${
        resident.phone ? `, par exemple par téléphone au ${resident.phone}` : ''
      }.`,
    },
  ]
}

/** The target receives the message; answering goes through the site (signed « Répondre » link). */
export function contactRelayEmail(input: {
  senderName: string
  message: string
  targetTitle: string
  entryUrl: string | null
  replyUrl: string
  territoryName: string | null
  viaMairie?: boolean
  resident?: ResidentContact
}): RenderedEmail {
  const blocks: Block[] = [
    { p: `${input.senderName} vous écrit au sujet de « ${input.targetTitle} », depuis ${localDirectoryOf(input.territoryName)} :` },
    { quote: input.message },
    { link: input.replyUrl, label: 'Répondre' },
    { p: PRIVACY_NOTE },
  ]
  if (input.viaMairie) blocks.unshift(...passOnBlocks(input.resident))
  if (input.entryUrl) blocks.push({ link: input.entryUrl, label: 'Voir la fiche sur le site' })
  return renderEmail({
    subject: `Nouveau message pour « ${input.targetTitle} » — ${siteName(input.territoryName)}`,
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks,
    noReply: true,
  })
}

/** A reply written on the site, relayed to the other party with its own « Répondre » link. */
export function contactReplyEmail(input: {
  senderName: string
  message: string
  targetTitle: string
  replyUrl: string
  territoryName: string | null
  viaMairie?: boolean
  resident?: ResidentContact
}): RenderedEmail {
  const blocks: Block[] = [
    { p: `${replyIntro(input.senderName, input.targetTitle)}, depuis ${localDirectoryOf(input.territoryName)} :` },
    { quote: input.message },
    { link: input.replyUrl, label: 'Répondre' },
    { p: PRIVACY_NOTE },
  ]
  if (input.viaMairie) blocks.unshift(...passOnBlocks(input.resident))
  return renderEmail({
    subject: replySubject(input.senderName, input.targetTitle, input.territoryName),
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks,
    noReply: true,
  })
}
