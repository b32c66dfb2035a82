import type { SanitizedCollectionConfig } from 'payload'

type WithFields = Pick<SanitizedCollectionConfig, 'slug' | 'flattenedFields'>

const namesBySlug = new WeakMap<WithFields, ReadonlySet<string>>()

/** The names of the top-level fields a collection stores (rows, collapsibles and unnamed tabs flattened). */
export function declaredNames(collection: WithFields): ReadonlySet<string> {
  let names = namesBySlug.get(collection)
  if (!names) {
    names = new Set((collection.flattenedFields ?? []).map((field) => field.name))
    namesBySlug.set(collection, names)
  }
  return names
}

/** Whether the collection declares a top-level field of that name. */
export function declares(collection: WithFields, name: string): boolean {
  return declaredNames(collection).has(name)
}

/**
 * The value of `name` in incoming data or in the stored document, read only when the
 * collection declares that field. A shared hook must never act on a key the collection does
 * not have: field access does not strip undeclared keys, so any caller could send them
 * (`PATCH /api/users/<me> {"commune": …}` once moved an account to another territory).
 */
export function declaredValue(collection: WithFields, source: Record<string, unknown> | null | undefined, name: string): unknown {
  if (!source || !declares(collection, name)) return undefined
  return source[name]
}
