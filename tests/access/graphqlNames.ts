/** GraphQL query names Payload derives from each collection slug (one document, a list). */
export const GRAPHQL_NAMES: Record<string, { one: string; many: string }> = {
  businesses: { one: 'Business', many: 'Businesses' },
  associations: { one: 'Association', many: 'Associations' },
  services: { one: 'Service', many: 'Services' },
  announcements: { one: 'Announcement', many: 'Announcements' },
  categories: { one: 'Category', many: 'Categories' },
  territories: { one: 'Territory', many: 'Territories' },
  communes: { one: 'Commune', many: 'Communes' },
  'contact-requests': { one: 'ContactRequest', many: 'ContactRequests' },
  reports: { one: 'Report', many: 'Reports' },
  alerts: { one: 'Alert', many: 'Alerts' },
  'audit-log': { one: 'AuditLog', many: 'AuditLogs' },
  'usage-stats': { one: 'UsageStat', many: 'UsageStats' },
  'import-runs': { one: 'ImportRun', many: 'ImportRuns' },
  media: { one: 'Media', many: 'allMedia' },
  pages: { one: 'Page', many: 'Pages' },
  users: { one: 'User', many: 'Users' },
}

/** A literal id for a GraphQL query (numbers on SQL databases, strings on MongoDB). */
export const gqlId = (id: number | string) => (typeof id === 'number' ? String(id) : JSON.stringify(id))
