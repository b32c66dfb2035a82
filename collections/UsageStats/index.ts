import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryReaderAccess } from '@/access/isTerritoryReader'
import { nobody } from '@/access/nobody'
import { STAT_METRICS, STAT_METRIC_LABELS } from '@/stats/metrics'

import { SLUGS } from '../slugs'

/**
 * Aggregated usage counters, one row per (territory, month, metric, dimension): no cookie,
 * no visitor, no personal data. Written only by `src/stats/record.ts` with one atomic
 * upsert; read by élus and administrators of the territory through the statistics view.
 */
export const UsageStats: CollectionConfig = {
  slug: SLUGS.usageStats,
  labels: { singular: 'Compteur d’usage', plural: 'Statistiques d’usage' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['month', 'metric', 'dimension', 'count'],
    group: 'Territoire',
    hidden: true,
    description: 'Compteurs agrégés (sans donnée personnelle). Consultez-les dans « Statistiques ».',
  },
  defaultSort: '-month',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryReaderAccess),
    create: nobody,
    update: nobody,
    delete: isSuperAdminAccess,
  },
  fields: [
    { name: 'key', type: 'text', label: 'Clé', required: true, unique: true },
    { name: 'territory', type: 'relationship', relationTo: 'territories', label: 'Territoire', index: true },
    { name: 'month', type: 'text', label: 'Mois (AAAA-MM)', required: true, index: true },
    {
      name: 'metric',
      type: 'select',
      label: 'Mesure',
      required: true,
      index: true,
      options: STAT_METRICS.map((value) => ({ value, label: STAT_METRIC_LABELS[value] })),
    },
    { name: 'dimension', type: 'text', label: 'Détail', required: true },
    { name: 'count', type: 'number', label: 'Nombre', required: true, defaultValue: 0 },
  ],
}
