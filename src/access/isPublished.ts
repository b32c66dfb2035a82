import type { Access, Where } from 'payload'

export const publishedFilter: Where = { status: { equals: 'published' } }

/** Anyone, including anonymous visitors, reads published rows. */
export const isPublished: Access = () => publishedFilter
