/** What the usage statistics count. Kept apart from the recording code so configs can import it. */
export const STAT_METRICS = [
  'search',
  'search-empty',
  'view',
  'contact-request',
  'new-entry',
  'new-announcement',
  'match',
] as const
export type StatMetric = (typeof STAT_METRICS)[number]

export const STAT_METRIC_LABELS: Record<StatMetric, string> = {
  search: 'Recherches',
  'search-empty': 'Recherches sans résultat',
  view: 'Consultations de fiches',
  'contact-request': 'Demandes de contact',
  'new-entry': 'Nouvelles fiches',
  'new-announcement': 'Nouvelles annonces',
  match: 'Offres et besoins rapprochés',
}

/** Metrics recorded by `recordEvent` (the others have their own recorder). */
export type EventMetric = 'contact-request' | 'new-entry' | 'new-announcement' | 'match'
