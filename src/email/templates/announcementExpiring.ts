import { type Block, type EmailContact, frenchDate, type RenderedEmail, renderEmail, siteName } from './layout'

export type AnnouncementExpiringEmail = {
  title: string
  expiresAt: string
  territoryName: string | null
  recipientName?: string | null
  entryUrl?: string | null
  accountUrl?: string | null
  /** For an announcement the mairie posted for a resident without internet. */
  residentName?: string | null
  /** The territory's contact address: replies reach it (else nobody's). */
  contact?: EmailContact
}

/** Seven days before an announcement is archived, its author may extend it. */
export function announcementExpiringEmail(input: AnnouncementExpiringEmail): RenderedEmail {
  const date = frenchDate(input.expiresAt)
  const subject = `Votre annonce « ${input.title} » expire le ${date} — ${siteName(input.territoryName)}`
  const blocks: Block[] = [
    {
      p: input.residentName
        ? `L’annonce « ${input.title} », déposée pour ${input.residentName}, sera retirée automatiquement du site le ${date}.`
        : `Votre annonce « ${input.title} » sera retirée automatiquement du site le ${date}.`,
    },
  ]
  if (input.entryUrl) blocks.push({ link: input.entryUrl, label: 'Voir l’annonce' })
  blocks.push({
    p: input.residentName
      ? `Si elle est toujours d’actualité, prolongez-la depuis l’administration (champ « Expire le »). Sinon, vous n’avez rien à faire.`
      : 'Si elle est toujours d’actualité, prolongez-la depuis votre espace. Sinon, vous n’avez rien à faire : elle sera archivée.',
  })
  if (!input.residentName && input.accountUrl) blocks.push({ link: input.accountUrl, label: 'Ouvrir mon espace' })
  const greeting = input.recipientName ? `Bonjour ${input.recipientName},` : 'Bonjour,'
  return renderEmail({ subject, greeting, blocks, territoryName: input.territoryName, contact: input.contact })
}
