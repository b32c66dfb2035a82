import type { Field } from 'payload'

/** Payload's field-level diff component (`admin.components.Diff`), rendering nothing. */
export const NO_DIFF_COMPONENT = '/src/components/admin/NoDiff#NoDiff'

/**
 * Leaves an internal field out of the version comparison (« Voir les modifications »): it
 * showed « Ordre de modération 2→1 » and « À revoir » diffed letter by letter. The field,
 * its value and its access are unchanged.
 */
export function hiddenFromDiff<T extends Field>(field: T): T {
  const admin = (field.admin ?? {}) as { components?: Record<string, unknown> }
  return { ...field, admin: { ...admin, components: { ...admin.components, Diff: NO_DIFF_COMPONENT } } } as T
}
