import type { Payload } from 'payload'

import type { ServiceInput } from '@/forms/schemas'
import { withPendingChanges } from '@/moderation/pendingChanges'
import type { Association, Business, Service, User } from '@/payload-types'

import type { ProfileKind } from './profiles'
import { validationMessages } from './payloadErrors'

/** The services of the account's own profile, whatever their state (read by the query's own filter). */
export async function servicesOfProfile(payload: Payload, kind: ProfileKind, profileId: number | string): Promise<Service[]> {
  const { docs } = await payload.find({
    collection: 'services',
    where: { and: [{ 'provider.relationTo': { equals: kind } }, { 'provider.value': { equals: profileId } }, { status: { not_equals: 'archived' } }] },
    sort: 'title',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  // As the owner last wrote them: changes still waiting for the mairie included.
  return docs.map((doc) => withPendingChanges(doc))
}

/** The name of the service hours form (its guard token and the values sent back). */
export const SERVICE_HOURS_FORM = 'service-hours'

/** One service of the account's own profile (as its owner last wrote it), or null: someone else's is never found. */
export async function findOwnService(payload: Payload, kind: ProfileKind, profileId: number | string, serviceId: string): Promise<Service | null> {
  if (!/^[\w-]{1,40}$/.test(serviceId)) return null
  return (await servicesOfProfile(payload, kind, profileId)).find((s) => String(s.id) === serviceId) ?? null
}

/**
 * The owner saves the opening hours of one of their services, as the owner (access control
 * and moderation hooks run, as for any other edit of the service: a published one is flagged
 * « modifié » and the new hours wait for the mairie).
 */
export async function saveServiceHours(
  payload: Payload,
  user: User,
  service: Service,
  openingHours: NonNullable<Service['openingHours']>,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  try {
    await payload.update({ collection: 'services', id: service.id, data: { openingHours }, user, overrideAccess: false })
    return { ok: true }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors: errors.openingHours ? { _form: `Horaires refusés : ${errors.openingHours}` } : errors }
    throw error
  }
}

/**
 * The owner adds a service to their profile (it starts pending, as anything the public
 * creates) or edits one of theirs (a published one is flagged « modifié »). Access control
 * runs as the owner; the service takes the profile's categories and commune.
 */
export async function saveService(
  payload: Payload,
  user: User,
  kind: ProfileKind,
  profile: Business | Association,
  input: ServiceInput,
): Promise<{ ok: true; created: boolean } | { ok: false; errors: Record<string, string> }> {
  const fields = {
    title: input.title,
    description: input.description ?? '',
    priceType: input.priceType,
    availability: input.availability ?? '',
  }
  try {
    if (input.service) {
      const own = await findOwnService(payload, kind, profile.id, input.service)
      if (!own) return { ok: false, errors: { _form: 'Ce service n’existe pas ou n’appartient pas à cette fiche.' } }
      await payload.update({ collection: 'services', id: own.id, data: fields, user, overrideAccess: false })
      return { ok: true, created: false }
    }
    const categories = (profile.categories ?? []).map((c) => (typeof c === 'object' ? c.id : c))
    const commune = typeof profile.commune === 'object' ? profile.commune.id : profile.commune
    await payload.create({
      collection: 'services',
      // `status` is the moderators' field: whatever is sent, a new service from its owner starts pending.
      data: { ...fields, provider: { relationTo: kind, value: profile.id as number }, categories, commune, status: 'pending' },
      user,
      overrideAccess: false,
    })
    return { ok: true, created: true }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors }
    throw error
  }
}
