import type { CollectionBeforeValidateHook, CollectionSlug } from 'payload'

import { slugify } from '@/fields/slug'

import { declaredValue, declares } from './declaredFields'
import { loadCommune } from './loadCommune'

/**
 * Builds a readable, unique slug from the title field and the commune name
 * ("boulangerie-martin-grandvilliers"), once: later renames keep the URL stable.
 */
export function generateSlug(titleField: 'name' | 'title', withCommune = true): CollectionBeforeValidateHook {
  return async ({ data, req, originalDoc, collection }) => {
    if (!data || !declares(collection, 'slug') || data.slug || originalDoc?.slug) return data
    const title = String(declaredValue(collection, data, titleField) ?? '').trim()
    if (!title) return data
    let base = slugify(title)
    if (withCommune) {
      const commune = await loadCommune(req, declaredValue(collection, data, 'commune'))
      const communeSlug = commune ? slugify(commune.name) : ''
      if (communeSlug && !base.endsWith(communeSlug)) base = `${base}-${communeSlug}`
    }
    base = base || 'fiche'
    let candidate = base
    for (let n = 2; n < 200; n++) {
      const taken = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: { slug: { equals: candidate } },
        overrideAccess: true,
        req,
      })
      if (taken.totalDocs === 0) break
      candidate = `${base}-${n}`
    }
    data.slug = candidate
    return data
  }
}
