/** The pieces every e-mail is written with: escaping, a plain layout, French dates and site links. */
import { ofTerritory } from '@/territories/names'

import { noReplyAddress } from '../noReply'

/**
 * A written e-mail. `replyTo` goes with the words of its footer: the address a reply reaches
 * is the one the footer invites to write to, or nobody's when it asks not to reply.
 */
export type RenderedEmail = { subject: string; html: string; text: string; replyTo: string }

/** One block of an e-mail body: a paragraph, a quotation (the rejection reason) or a link button. */
export type Block = { p: string } | { quote: string } | { link: string; label: string }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** « l’annuaire local de la CC de la Picardie Verte », « du Pays de Bray »: the site inside a sentence. */
export function localDirectoryOf(territoryName: string | null | undefined, nameWithArticle?: string | null): string {
  return territoryName ? `l’annuaire local ${ofTerritory({ name: territoryName, nameWithArticle })}` : 'l’annuaire local'
}

/** « Annuaire local — CC de la Picardie Verte » — how e-mails sign and name the site. */
export function siteName(territoryName: string | null | undefined): string {
  return territoryName ? `Annuaire local — ${territoryName}` : 'Annuaire local'
}

/**
 * The one instruction about replying, true in every mail: relayed messages are answered
 * through their « Répondre » link; a mail with the territory's contact address as Reply-To
 * invites a reply that reaches it; any other asks not to reply (its Reply-To is nobody's).
 */
const RELAY_FOOTER = 'Message automatique, merci de ne pas y répondre : pour écrire à votre correspondant, utilisez le lien « Répondre » ci-dessus.'
const NO_REPLY_FOOTER = 'Message automatique, merci de ne pas y répondre. Une question ? Adressez-vous à votre mairie.'
const contactFooter = (address: string) =>
  `Message automatique. Une question ? Répondez à cet e-mail : votre message arrive à l’équipe de l’annuaire (${address}).`

/** Who reads the replies of a mail, when someone does: the territory's contact address. */
export type EmailContact = { email?: string | null } | null | undefined

function replyOf(options: { noReply?: boolean; contact?: EmailContact }): { footer: string; replyTo: string } {
  const address = options.contact?.email?.trim()
  if (options.noReply) return { footer: RELAY_FOOTER, replyTo: noReplyAddress() }
  if (address) return { footer: contactFooter(address), replyTo: address }
  return { footer: NO_REPLY_FOOTER, replyTo: noReplyAddress() }
}

/** Builds the HTML and text versions of the same message from its blocks. */
export function renderEmail(options: {
  subject: string
  greeting: string
  blocks: Block[]
  territoryName?: string | null
  /** A relayed message: answered through its « Répondre » link only. */
  noReply?: boolean
  /** The territory's contact, when replies to this mail should reach it. */
  contact?: EmailContact
}): RenderedEmail {
  const name = siteName(options.territoryName)
  const { footer, replyTo } = replyOf(options)
  const htmlBlocks = options.blocks.map((block) => {
    if ('p' in block) return `<p style="margin:0 0 1em">${escapeHtml(block.p)}</p>`
    if ('quote' in block) {
      return `<blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #1d4f91;background:#f3f5f9">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`
    }
    return `<p style="margin:0 0 1em"><a href="${escapeHtml(block.link)}" style="color:#1d4f91;font-weight:bold">${escapeHtml(block.label)}</a></p>`
  })
  const html = [
    '<!doctype html>',
    `<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(options.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1e1e1e;max-width:40em;margin:0 auto;padding:1em">',
    `<p style="margin:0 0 1em">${escapeHtml(options.greeting)}</p>`,
    ...htmlBlocks,
    `<p style="margin:2em 0 0;color:#555;font-size:14px">— ${escapeHtml(name)}<br>${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n')
  const textBlocks = options.blocks.map((block) => {
    if ('p' in block) return block.p
    if ('quote' in block) return block.quote.split('\n').map((line) => `> ${line}`).join('\n')
    return `${block.label} : ${block.link}`
  })
  const text = [
    options.greeting,
    ...textBlocks,
    `— ${name}\n${footer}`,
  ].join('\n\n')
  return { subject: options.subject, html, text: `${text}\n`, replyTo }
}

/** 12/03/2027, in the territory's time zone. */
export function frenchDate(value: string | Date): string {
  return new Date(value).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
}
