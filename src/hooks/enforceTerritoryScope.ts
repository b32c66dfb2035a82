import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { editsCommune, isEditor } from '@/access/isEditorOfCommune'
import { type AccessUser, hasRole, territoryOf } from '@/access/roles'

import { declaredValue } from './declaredFields'

/**
 * Staff write only inside their own territory (and secrétaires only in their communes),
 * whatever commune or territory the request names. Runs after `assignTerritory`.
 */
export const enforceTerritoryScope: CollectionBeforeValidateHook = ({ data, req, collection, originalDoc }) => {
  const user = req.user as AccessUser | null
  if (!data || !user || hasRole(user, 'superadmin') || !hasRole(user, 'admin', 'editor')) return data
  const territory = declaredValue(collection, data, 'territory') ?? declaredValue(collection, originalDoc, 'territory')
  if (territory !== undefined && String(territory) !== String(territoryOf(user))) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'commune', message: "Cette commune n’appartient pas à votre territoire." }],
      },
      req.t,
    )
  }
  const commune = declaredValue(collection, data, 'commune') ?? declaredValue(collection, originalDoc, 'commune')
  if (isEditor(user) && !hasRole(user, 'admin') && commune !== undefined && !editsCommune(user, commune)) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'commune', message: "Vous ne gérez pas cette commune : choisissez l’une des vôtres." }],
      },
      req.t,
    )
  }
  return data
}
