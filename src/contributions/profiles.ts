import type { Payload } from 'payload'

import { seeOther } from '@/forms/http'
import type { ProfileInput } from '@/forms/schemas'
import { withPendingChanges } from '@/moderation/pendingChanges'
import type { Association, Business, User } from '@/payload-types'

import { checkPhoto } from './photos'
import { validationMessages } from './payloadErrors'

export type ProfileKind = 'businesses' | 'associations'
export const PROFILE_SEGMENTS: Record<string, ProfileKind> = { entreprises: 'businesses', associations: 'associations' }

/**
 * The account's own business or association, or null (someone else's is never found), as its
 * owner last wrote it: changes still waiting for the mairie are shown in their forms.
 */
export async function findOwnProfile(payload: Payload, user: User, kind: ProfileKind, id: string): Promise<Business | Association | null> {
  if (!/^[\w-]{1,40}$/.test(id)) return null
  // The owners field is private (field access): the ownership filter is this query's own.
  const { docs } = await payload.find({
    collection: kind,
    where: { and: [{ id: { equals: /^\d+$/.test(id) ? Number(id) : id } }, { owners: { equals: user.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const doc = docs[0] as Business | Association | undefined
  return doc ? withPendingChanges(doc) : null
}

/** The owner edits the profile (and may add one photo with its alt text); access control runs as the owner. */
export async function updateProfile(
  payload: Payload,
  user: User,
  kind: ProfileKind,
  id: string,
  input: ProfileInput,
  photo: { file: File | null; alt: string },
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const own = await findOwnProfile(payload, user, kind, id)
  if (!own) return { ok: false, errors: { _form: 'Cette fiche n’existe pas ou ne vous appartient pas.' } }
  let photoId: number | string | null = null
  if (photo.file && photo.file.size > 0) {
    const alt = photo.alt.trim()
    if (alt.length < 3) return { ok: false, errors: { photoAlt: 'Décrivez la photo en quelques mots (texte alternatif, obligatoire) : par exemple « La vitrine du magasin ».' } }
    if (alt.length > 200) return { ok: false, errors: { photoAlt: 'Le texte alternatif ne doit pas dépasser 200 caractères.' } }
    if ((own.photos ?? []).length >= 8) return { ok: false, errors: { photo: 'Une fiche a au plus 8 photos.' } }
    const checked = await checkPhoto(photo.file)
    if (!checked.ok) return { ok: false, errors: { photo: checked.error } }
    try {
      const media = await payload.create({
        collection: 'media',
        data: { alt, territory: (typeof own.territory === 'object' ? own.territory?.id : own.territory) ?? undefined },
        file: { data: checked.data, mimetype: checked.mimetype, name: checked.name, size: checked.data.length },
        user,
        overrideAccess: false,
      })
      photoId = media.id
    } catch (error) {
      const errors = validationMessages(error)
      return { ok: false, errors: errors ? { photo: Object.values(errors)[0]! } : { photo: 'Cette photo n’a pas pu être enregistrée : choisissez une autre image.' } }
    }
  }
  try {
    const photos = (own.photos ?? []).map((p) => (typeof p === 'object' ? p.id : p))
    await payload.update({
      collection: kind,
      id: own.id,
      data: {
        description: input.description ?? '',
        street: input.street ?? '',
        phone: input.phone ?? '',
        website: input.website ?? '',
        email: input.email ?? '',
        ...(photoId !== null ? { photos: [...photos, photoId as number] } : {}),
      },
      user,
      overrideAccess: false,
    })
    return { ok: true }
  } catch (error) {
    if (photoId !== null) await payload.delete({ collection: 'media', id: photoId, overrideAccess: true }).catch(() => {})
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors }
    throw error
  }
}

/**
 * Saves part of the account's own profile (hours…) as the owner: access control and the
 * moderation hooks run (a published profile is flagged « modifié », a refused one goes
 * back to the queue). Payload's refusals come back as French messages per field.
 */
export async function saveOwnProfile(
  payload: Payload,
  user: User,
  kind: ProfileKind,
  id: number | string,
  data: Partial<Pick<Business, 'openingHours'>>,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  try {
    await payload.update({ collection: kind, id, data, user, overrideAccess: false })
    return { ok: true }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors: errors.openingHours ? { _form: `Horaires refusés : ${errors.openingHours}` } : errors }
    throw error
  }
}

export type OwnProfileRoute = { payload: Payload; viewer: User; kind: ProfileKind; segment: string; id: string; profile: Business | Association }

/**
 * The start of every « Mon espace › fiche » form handler: the logged-in account and its own
 * profile named by the URL; otherwise the answer to send (login page, or 404 for a profile
 * that does not exist or is someone else's).
 */
export async function ownProfileOfRoute(
  payload: Payload,
  viewer: User | null,
  params: { kind: string; id: string },
): Promise<OwnProfileRoute | Response> {
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  const kind = PROFILE_SEGMENTS[params.kind]
  const profile = kind ? await findOwnProfile(payload, viewer, kind, params.id) : null
  if (!kind || !profile) {
    return new Response('Cette fiche n’existe pas ou ne vous appartient pas.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return { payload, viewer, kind, segment: params.kind, id: params.id, profile }
}
