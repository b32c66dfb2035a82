import { type Block, type RenderedEmail, renderEmail, siteName } from '../layout'

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

/** The target receives the message; answering it writes to the sender (Reply-To). */
export function contactRelayEmail(input: {
  senderName: string
  message: string
  targetTitle: string
  entryUrl: string | null
  territoryName: string | null
  viaMairie?: boolean
}): RenderedEmail {
  const blocks: Block[] = [
    { p: `${input.senderName} vous écrit au sujet de « ${input.targetTitle} », depuis l’annuaire local${input.territoryName ? ` de ${input.territoryName}` : ''} :` },
    { quote: input.message },
    { p: 'Pour répondre, répondez simplement à cet e-mail : votre réponse ira directement à cette personne. Son adresse, comme la vôtre, n’est jamais affichée sur le site.' },
  ]
  if (input.viaMairie) {
    blocks.push({ p: 'Cette annonce a été déposée par la mairie pour un habitant sans internet : merci de lui transmettre ce message.' })
  }
  if (input.entryUrl) blocks.push({ link: input.entryUrl, label: 'Voir la fiche sur le site' })
  return renderEmail({
    subject: `Nouveau message pour « ${input.targetTitle} » — ${siteName(input.territoryName)}`,
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks,
  })
}
