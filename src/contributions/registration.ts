import type { Payload } from 'payload'

import type { RegistrationInput } from '@/forms/schemas'
import type { Association, Business, User } from '@/payload-types'

import { validationMessages } from './payloadErrors'

/**
 * A business (SIRET) or an association (RNA or SIRET) registers itself: the entry is
 * created as the account (it starts pending and the account becomes its owner), and the
 * account gets the `owner` role to edit it from « Mon espace ».
 */
export async function registerActivity(
  payload: Payload,
  user: User,
  input: RegistrationInput,
): Promise<{ ok: true; doc: Business | Association } | { ok: false; errors: Record<string, string> }> {
  const identifiers = [
    ...(input.siret ? [{ field: 'siret', value: input.siret }] : []),
    ...(input.kind === 'associations' && input.rna ? [{ field: 'rna', value: input.rna }] : []),
  ]
  for (const { field, value } of identifiers) {
    const existing = await payload.count({ collection: input.kind, where: { [field]: { equals: value } }, overrideAccess: true })
    if (existing.totalDocs > 0) {
      return {
        ok: false,
        errors: { [field]: 'Cette activité est déjà inscrite dans l’annuaire : contactez la mairie pour en devenir gestionnaire.' },
      }
    }
  }
  const data = {
    name: input.name,
    siret: input.siret,
    ...(input.kind === 'associations' ? { rna: input.rna } : { activity: input.activity }),
    categories: [input.category as number],
    commune: input.commune as number,
    street: input.street,
    description: input.description,
  }
  try {
    const doc = (await payload.create({
      collection: input.kind,
      data: data as never,
      user,
      overrideAccess: false,
      draft: false,
    })) as Business | Association
    const roles = user.roles ?? []
    if (!roles.includes('owner')) {
      await payload.update({ collection: 'users', id: user.id, data: { roles: [...roles, 'owner'] }, overrideAccess: true })
    }
    return { ok: true, doc }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors }
    throw error
  }
}
