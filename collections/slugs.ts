/**
 * Collection slugs, used by the collection configs and by code that lists collections. Calls to
 * the local API still name their collection as a literal: Payload's generated types check it.
 */
export const SLUGS = {
  territories: 'territories',
  communes: 'communes',
  categories: 'categories',
  businesses: 'businesses',
  associations: 'associations',
  services: 'services',
  announcements: 'announcements',
  contactRequests: 'contact-requests',
  reports: 'reports',
  alerts: 'alerts',
  media: 'media',
  users: 'users',
  pages: 'pages',
  auditLog: 'audit-log',
  usageStats: 'usage-stats',
  importRuns: 'import-runs',
} as const

export type CollectionSlugName = (typeof SLUGS)[keyof typeof SLUGS]

/** Public entries a resident can find in search and contact. */
export const DIRECTORY_SLUGS = [SLUGS.businesses, SLUGS.associations, SLUGS.services, SLUGS.announcements] as const
export type DirectorySlug = (typeof DIRECTORY_SLUGS)[number]

/** Collections that go through moderation (status pending → published | rejected → archived). */
export const MODERATED_SLUGS = DIRECTORY_SLUGS
