import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { postcodeMatchesCommune } from '@/fields/validators'

import { declaredValue, declares } from './declaredFields'
import { loadCommune } from './loadCommune'

/**
 * Checks the postcode against the commune and, when the entry has no coordinates of its
 * own, places it at the commune's centre so that distance search can find it.
 */
export const fillLocationFromCommune: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  if (!data || !declares(collection, 'commune')) return data
  const communeRef = data.commune ?? originalDoc?.commune
  if (!communeRef) return data
  const commune = await loadCommune(req, communeRef)
  if (!commune) return data
  // Services have no postcode of their own: only a declared one is checked.
  const postcode = declaredValue(collection, data, 'postcode') ?? declaredValue(collection, originalDoc, 'postcode')
  if (postcode && commune.postcodes?.length) {
    const result = postcodeMatchesCommune(String(postcode), commune.postcodes)
    if (result !== true) {
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'postcode', message: result }] }, req.t)
    }
  }
  const communeChanged = data.commune !== undefined && String(data.commune) !== String(originalDoc?.commune ?? '')
  if (!declares(collection, 'latitude') || !declares(collection, 'longitude')) return data
  const hasOwnPoint = data.latitude != null && data.longitude != null && !communeChanged
  if (!hasOwnPoint && commune.latitude != null && commune.longitude != null) {
    if (data.latitude == null || communeChanged) data.latitude = commune.latitude
    if (data.longitude == null || communeChanged) data.longitude = commune.longitude
  }
  return data
}
