import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import { isListedOwner } from '@/access/isOwner'
import { type AccessUser, idOf } from '@/access/roles'

type Provider = { relationTo: 'businesses' | 'associations'; value: unknown }

/**
 * A service belongs to its provider: only the provider's owners (or moderators) may attach
 * one to it; it inherits the provider's owners and, when none is given, its commune.
 */
export const inheritFromProvider: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  const provider = (data?.provider ?? originalDoc?.provider) as Provider | undefined
  const id = idOf(provider?.value as never)
  if (!data || !provider || id === undefined) return data
  const doc = await req.payload
    .findByID({ collection: provider.relationTo, id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!doc) return data
  const user = req.user as AccessUser | null
  if (user && !isModeratorOf(user, doc.territory) && !isListedOwner(user, doc.owners)) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'provider', message: "Vous ne gérez pas cette fiche : choisissez l’une des vôtres." }] },
      req.t,
    )
  }
  data.owners = (doc.owners ?? []).map((o: unknown) => idOf(o as never))
  if (!data.commune && !originalDoc?.commune) data.commune = idOf(doc.commune as never)
  return data
}
