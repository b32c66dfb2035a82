import type { Access, Where } from 'payload'

export const publishedFilter: Where = { status: { equals: 'published' } }

/** Anyone, including anonymous visitors, reads published rows. */
export const isPublished: Access = () => publishedFilter

/** Published rows that also match `shown` (evaluated at each request: a date rule, say). */
export const isPublishedAnd =
  (shown: () => Where): Access =>
  () => ({ and: [publishedFilter, shown()] })
