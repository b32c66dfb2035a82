import type { Payload } from 'payload'

import { canOpenAdmin } from '@/access/canOpenAdmin'
import type { AccessUser } from '@/access/roles'
import type { Alert, Announcement, Association, Business, ContactRequest, User } from '@/payload-types'

const NOTICES: Record<string, string> = {
  modifiee: 'Votre annonce est enregistrée.',
  renouvelee: 'Votre annonce est prolongée de 60 jours.',
  cloturee: 'Votre annonce est close : elle n’est plus affichée.',
  inscrite: 'Votre fiche est enregistrée : la mairie la vérifie avant de la publier. Vous recevrez un e-mail.',
  fiche: 'Votre fiche est enregistrée. Si elle est déjà publiée, vos modifications y apparaîtront dès que la mairie les aura vérifiées : vous recevrez un e-mail.',
}

export type OwnProfile = { kind: 'businesses'; doc: Business } | { kind: 'associations'; doc: Association }

/** What « Mon espace » shows to the signed-in account. */
export type AccountModel = {
  viewer: User
  notice?: string
  canOpenAdmin: boolean
  announcements: Announcement[]
  profiles: OwnProfile[]
  alerts: Alert[]
  /** Messages received through the site and not yet answered. */
  requests: ContactRequest[]
}

/** Loads the account's announcements, entries, alerts and received messages. */
export async function accountModel(payload: Payload, viewer: User, query: Record<string, string | string[] | undefined>): Promise<AccountModel> {
  // Owner and author fields are private (field access): each query filters on the viewer itself.
  const asViewer = { overrideAccess: true, depth: 0 } as const
  const [announcements, businesses, associations, requests, alerts] = await Promise.all([
    payload.find({ collection: 'announcements', where: { author: { equals: viewer.id } }, sort: '-createdAt', limit: 100, ...asViewer }),
    payload.find({ collection: 'businesses', where: { owners: { equals: viewer.id } }, limit: 50, ...asViewer }),
    payload.find({ collection: 'associations', where: { owners: { equals: viewer.id } }, limit: 50, ...asViewer }),
    payload.find({
      collection: 'contact-requests',
      where: { and: [{ recipients: { equals: viewer.id } }, { status: { equals: 'sent' } }] },
      sort: '-createdAt',
      limit: 50,
      ...asViewer,
    }),
    // Alerts belong to an e-mail address, not an account: the viewer's own address.
    payload.find({ collection: 'alerts', where: { or: [{ email: { equals: viewer.email } }, { email: { equals: viewer.email.toLowerCase() } }] }, sort: '-createdAt', limit: 50, overrideAccess: true, depth: 1 }),
  ])
  return {
    viewer,
    notice: typeof query.ok === 'string' && Object.hasOwn(NOTICES, query.ok) ? NOTICES[query.ok] : undefined,
    canOpenAdmin: canOpenAdmin(viewer as AccessUser),
    announcements: announcements.docs,
    profiles: [
      ...businesses.docs.map((doc) => ({ kind: 'businesses' as const, doc })),
      ...associations.docs.map((doc) => ({ kind: 'associations' as const, doc })),
    ],
    alerts: alerts.docs,
    requests: requests.docs,
  }
}
