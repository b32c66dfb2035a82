import type { Payload } from 'payload'

import { hasRole, STAFF_ROLES, type AccessUser } from '@/access/roles'
import type { User } from '@/payload-types'

/** What replaces a deleted account's name, address and words in the messages it sent. */
export const ANONYMISED = { senderName: 'Compte supprimé', senderEmail: 'anonyme@invalid.example', message: '[message supprimé à la demande de son auteur]' }

const asSystem = { overrideAccess: true, depth: 0, limit: 0, pagination: false } as const

/** Everything the site holds about one account, as one JSON-ready object (right of access, art. 15 RGPD). */
export async function exportAccountData(payload: Payload, user: User) {
  const emails = [...new Set([user.email, user.email.toLowerCase()])]
  const [announcements, businesses, associations, services, sent, received, alerts, reports, media] = await Promise.all([
    payload.find({ collection: 'announcements', where: { author: { equals: user.id } }, ...asSystem }),
    payload.find({ collection: 'businesses', where: { owners: { equals: user.id } }, ...asSystem }),
    payload.find({ collection: 'associations', where: { owners: { equals: user.id } }, ...asSystem }),
    payload.find({ collection: 'services', where: { owners: { equals: user.id } }, ...asSystem }),
    payload.find({ collection: 'contact-requests', where: { senderEmail: { in: emails } }, ...asSystem }),
    payload.find({ collection: 'contact-requests', where: { recipients: { equals: user.id } }, ...asSystem }),
    payload.find({ collection: 'alerts', where: { email: { in: emails } }, ...asSystem }),
    payload.find({ collection: 'reports', where: { reporterEmail: { in: emails } }, ...asSystem }),
    payload.find({ collection: 'media', where: { uploadedBy: { equals: user.id } }, ...asSystem }),
  ])
  const withoutSecrets = <T extends object>(doc: T) => {
    const copy = { ...doc } as Record<string, unknown>
    for (const key of ['confirmationToken', 'token', 'hash', 'salt', 'resetPasswordToken', '_verificationToken', 'sessions']) delete copy[key]
    return copy
  }
  return {
    exportedAt: new Date().toISOString(),
    account: withoutSecrets({
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone ?? null,
      roles: user.roles ?? [],
      territory: user.territory ?? null,
      communes: user.communes ?? [],
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    }),
    announcements: announcements.docs.map(withoutSecrets),
    businesses: businesses.docs.map(withoutSecrets),
    associations: associations.docs.map(withoutSecrets),
    services: services.docs.map(withoutSecrets),
    contactRequestsSent: sent.docs.map(withoutSecrets),
    contactRequestsReceived: received.docs.map(withoutSecrets),
    alerts: alerts.docs.map(withoutSecrets),
    reports: reports.docs.map(withoutSecrets),
    media: media.docs.map(withoutSecrets),
  }
}

export type AccountData = Awaited<ReturnType<typeof exportAccountData>>

/** Staff accounts are closed by an administrator, who must first hand their work over. */
export function canDeleteOwnAccount(user: User): boolean {
  return !hasRole(user as AccessUser, ...STAFF_ROLES)
}

/**
 * Right to erasure (art. 17 RGPD): the account's announcements and alerts are deleted, the
 * messages it sent are anonymised (the recipient keeps a trace that a message came, not who
 * wrote it), it is taken off the messages it received and off the profiles it managed (the
 * business or association itself stays in the directory), then the account is deleted.
 */
export async function deleteAccount(payload: Payload, user: User): Promise<void> {
  const emails = [...new Set([user.email, user.email.toLowerCase()])]
  const req = { overrideAccess: true, depth: 0 } as const
  // Messages first: their target may be one of the announcements deleted below, and a
  // message whose target is gone no longer passes validation.
  await payload.update({ collection: 'contact-requests', where: { senderEmail: { in: emails } }, data: ANONYMISED, ...req })
  const received = await payload.find({ collection: 'contact-requests', where: { recipients: { equals: user.id } }, ...asSystem })
  for (const doc of received.docs) {
    const recipients = (doc.recipients ?? []).map((r) => (typeof r === 'object' ? r.id : r)).filter((id) => id !== user.id)
    await payload.update({ collection: 'contact-requests', id: doc.id, data: { recipients }, ...req })
  }
  await payload.update({ collection: 'reports', where: { reporterEmail: { in: emails } }, data: { reporterEmail: null }, ...req })
  await payload.delete({ collection: 'announcements', where: { author: { equals: user.id } }, ...req })
  await payload.delete({ collection: 'alerts', where: { email: { in: emails } }, ...req })
  for (const collection of ['businesses', 'associations', 'services'] as const) {
    const owned = await payload.find({ collection, where: { owners: { equals: user.id } }, ...asSystem })
    for (const doc of owned.docs) {
      const owners = (doc.owners ?? []).map((o) => (typeof o === 'object' ? o.id : o)).filter((id) => id !== user.id)
      await payload.update({ collection, id: doc.id, data: { owners }, ...req })
    }
  }
  await payload.delete({ collection: 'users', id: user.id, ...req })
}
