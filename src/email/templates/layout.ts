/** The pieces every e-mail is written with: escaping, a plain layout, French dates and site links. */
import { ofTerritory } from '@/territories/names'

export type RenderedEmail = { subject: string; html: string; text: string }

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

/** Builds the HTML and text versions of the same message from its blocks. */
const FOOTER = 'Message automatique : pour toute question, répondez à cet e-mail ou contactez votre mairie.'
/** Relayed messages come from a no-reply address: answering goes through the « Répondre » link. */
const NO_REPLY_FOOTER = 'Message automatique envoyé d’une adresse qui ne reçoit pas de courrier : pour répondre, utilisez le lien « Répondre » ci-dessus.'

export function renderEmail(options: { subject: string; greeting: string; blocks: Block[]; territoryName?: string | null; noReply?: boolean }): RenderedEmail {
  const name = siteName(options.territoryName)
  const footer = options.noReply ? NO_REPLY_FOOTER : FOOTER
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
  return { subject: options.subject, html, text: `${text}\n` }
}

/** 12/03/2027, in the territory's time zone. */
export function frenchDate(value: string | Date): string {
  return new Date(value).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
}
