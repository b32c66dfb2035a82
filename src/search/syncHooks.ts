import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'


import { isDirectorySlug } from './document'
import { getSearchEngine } from './index'

/**
 * Keeps the search index in step with public entries: a published entry is (re)indexed on
 * every change, one that is no longer published is removed. A failure is logged and never
 * blocks the save (`npm run search:rebuild` repairs the index).
 */
export const syncSearchIndex: CollectionAfterChangeHook = async ({ doc, collection, req, context }) => {
  if (context?.skipSearchIndex || !isDirectorySlug(collection.slug)) return doc
  try {
    await getSearchEngine(req.payload).indexDocuments(collection.slug, [doc as Record<string, unknown>], req)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Index de recherche non mis à jour pour ${collection.slug} ${doc.id}` })
  }
  return doc
}

export const removeFromSearchIndex: CollectionAfterDeleteHook = async ({ doc, id, collection, req, context }) => {
  if (context?.skipSearchIndex || !isDirectorySlug(collection.slug)) return doc
  try {
    await getSearchEngine(req.payload).removeEntry(collection.slug, id ?? doc.id)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Fiche ${collection.slug} ${id} non retirée de l'index de recherche` })
  }
  return doc
}

/**
 * Category names and keywords are indexed with every entry of the category (and of its
 * sub-categories): re-index them when a category's name, keywords or parent change, or
 * when it is deleted.
 */
export const reindexCategoryEntries: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context?.skipSearchIndex || operation !== 'update') return doc
  const changed = (['name', 'keywords', 'parent'] as const).some(
    (field) => JSON.stringify(doc?.[field] ?? null) !== JSON.stringify(previousDoc?.[field] ?? null),
  )
  if (!changed) return doc
  try {
    const engine = getSearchEngine(req.payload)
    await engine.reindexEntries(await engine.entriesInCategory(doc.id), req)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Fiches de la catégorie ${doc.id} non réindexées` })
  }
  return doc
}

export const reindexDeletedCategoryEntries: CollectionAfterDeleteHook = async ({ doc, id, req, context }) => {
  if (context?.skipSearchIndex) return doc
  try {
    const engine = getSearchEngine(req.payload)
    await engine.reindexEntries(await engine.entriesInCategory(id ?? doc.id), req)
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `Fiches de la catégorie ${id} non réindexées` })
  }
  return doc
}
