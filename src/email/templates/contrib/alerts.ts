import { type Block, type RenderedEmail, renderEmail, siteName } from '../layout'

export function alertConfirmEmail(input: { summary: string; confirmUrl: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Confirmez votre alerte e-mail — ${siteName(input.territoryName)}`,
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: `Vous avez demandé à recevoir chaque jour les nouveautés de l’annuaire local pour la recherche : ${input.summary}.` },
      { link: input.confirmUrl, label: 'Confirmer mon alerte' },
      { p: 'Sans confirmation, vous ne recevrez rien. Si vous n’avez rien demandé, ignorez cet e-mail.' },
    ],
  })
}

export type DigestItem = { title: string; url: string; kindLabel: string; commune?: string | null }

export function alertDigestEmail(input: { summary: string; items: DigestItem[]; unsubscribeUrl: string; territoryName: string | null }): RenderedEmail {
  const blocks: Block[] = [
    { p: `${input.items.length === 1 ? 'Une nouveauté correspond' : `${input.items.length} nouveautés correspondent`} à votre alerte « ${input.summary} » :` },
  ]
  for (const item of input.items) {
    blocks.push({ link: item.url, label: `${item.kindLabel} — ${item.title}${item.commune ? ` (${item.commune})` : ''}` })
  }
  blocks.push({ p: 'Vous ne voulez plus recevoir ces e-mails ? Un clic suffit :' })
  blocks.push({ link: input.unsubscribeUrl, label: 'Me désinscrire de cette alerte' })
  return renderEmail({
    subject: `Nouveautés pour votre alerte « ${input.summary} » — ${siteName(input.territoryName)}`,
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks,
  })
}
