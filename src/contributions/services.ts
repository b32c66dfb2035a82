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
      const own = (await servicesOfProfile(payload, kind, profile.id)).find((s) => String(s.id) === input.service)
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
