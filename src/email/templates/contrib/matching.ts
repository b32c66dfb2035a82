import { type RenderedEmail, renderEmail, siteName } from '../layout'

/** Someone's open need (or offer) matches a newly published offer (or need). */
export function matchFoundEmail(input: {
  recipientName?: string | null
  yourTitle: string
  newKind: 'offer' | 'need'
  newTitle: string
  newUrl: string
  territoryName: string | null
}): RenderedEmail {
  const what = input.newKind === 'offer' ? 'Une nouvelle offre d’aide' : 'Une nouvelle demande d’aide'
  return renderEmail({
    subject: `${what} correspond à votre annonce « ${input.yourTitle} » — ${siteName(input.territoryName)}`,
    greeting: input.recipientName ? `Bonjour ${input.recipientName},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: `${what} vient d’être publiée près de chez vous et correspond à votre annonce « ${input.yourTitle} » :` },
      { link: input.newUrl, label: input.newTitle },
      { p: 'Pour entrer en contact, utilisez le bouton « Contacter » de l’annonce : votre adresse ne sera pas affichée.' },
    ],
  })
}
