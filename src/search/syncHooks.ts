import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

/** Keeps the search index in step with public entries (filled in by the search engine work). */
export const syncSearchIndex: CollectionAfterChangeHook = ({ doc }) => doc

export const removeFromSearchIndex: CollectionAfterDeleteHook = ({ doc }) => doc
