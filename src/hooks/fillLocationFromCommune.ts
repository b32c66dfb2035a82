import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { postcodeMatchesCommune } from '@/fields/validators'

import { loadCommune } from './loadCommune'

/**
 * Checks the postcode against the commune and, when the entry has no coordinates of its
 * own, places it at the commune's centre so that distance search can find it.
 */
export const fillLocationFromCommune: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  if (!data) return data
  const communeRef = data.commune ?? originalDoc?.commune
  if (!communeRef) return data
  const commune = await loadCommune(req, communeRef)
  if (!commune) return data
  const postcode = data.postcode ?? originalDoc?.postcode
  if (postcode && commune.postcodes?.length) {
    const result = postcodeMatchesCommune(String(postcode), commune.postcodes)
    if (result !== true) {
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'postcode', message: result }] }, req.t)
    }
  }
  const communeChanged = data.commune !== undefined && String(data.commune) !== String(originalDoc?.commune ?? '')
  const hasOwnPoint = data.latitude != null && data.longitude != null && !communeChanged
  if (!hasOwnPoint && commune.latitude != null && commune.longitude != null) {
    if (data.latitude == null || communeChanged) data.latitude = commune.latitude
    if (data.longitude == null || communeChanged) data.longitude = commune.longitude
  }
  return data
}
