import type { CollectionSlug, Payload, SanitizedCollectionConfig, TypedUser, Where } from 'payload'

import type { AccessUser } from '@/access/roles'
import { staffListWhere } from '@/fields/staffScope'
import { STATUS_LABELS, type Status } from '@/fields/status'

import { type QuickFilter, QuickFilterLinks } from './index.client'

type Props = {
  collectionConfig?: SanitizedCollectionConfig
  payload?: Payload
  user?: TypedUser | null
  searchParams?: Record<string, string | string[] | undefined>
}

type Choice = { key: string; label: string; where: Where | null; param: string }

const STATUS_CHOICES: Choice[] = [
  { key: 'pending', label: 'En attente', where: { status: { equals: 'pending' } }, param: 'where[status][equals]=pending' },
  { key: 'modified', label: 'Modifiées par le propriétaire', where: { reviewState: { equals: 'modified' } }, param: 'where[reviewState][equals]=modified' },
  ...(['published', 'rejected', 'archived'] as Status[]).map((s) => ({
    key: s,
    label: STATUS_LABELS[s],
    where: { status: { equals: s } },
    param: `where[status][equals]=${s}`,
  })),
]

const REPORT_CHOICES: Choice[] = [
  { key: 'open', label: 'À traiter', where: { status: { equals: 'open' } }, param: 'where[status][equals]=open' },
  { key: 'resolved', label: 'Traités', where: { status: { equals: 'resolved' } }, param: 'where[status][equals]=resolved' },
  { key: 'dismissed', label: 'Sans suite', where: { status: { equals: 'dismissed' } }, param: 'where[status][equals]=dismissed' },
]

function currentKey(searchParams: Props['searchParams']): string {
  const raw = searchParams as Record<string, unknown> | undefined
  const where = raw?.where as Record<string, { equals?: string }> | undefined
  if (!where) return 'all'
  if (where.reviewState?.equals === 'modified') return 'modified'
  return where.status?.equals ?? 'other'
}

/**
 * Above a moderated list: one link per state with its count (« En attente (3) »), so that a
 * secrétaire filters in one click; Payload's own « Filtres » add commune, category, etc.
 */
export async function StatusFilters({ collectionConfig, payload, user, searchParams }: Props) {
  if (!collectionConfig || !payload || !user) return null
  const slug = collectionConfig.slug as CollectionSlug
  const choices = slug === 'reports' ? REPORT_CHOICES : STATUS_CHOICES
  const base = `${payload.config.routes.admin}/collections/${slug}`
  const current = currentKey(searchParams)
  // Counted within what the list shows (the territory, a secrétaire's communes), not all that is readable.
  const scope = slug === 'reports' ? null : staffListWhere(user as AccessUser)
  const counts = await Promise.all(
    choices.map((c) => {
      const where = scope ? { and: [scope, ...(c.where ? [c.where] : [])] } : (c.where ?? {})
      return payload.count({ collection: slug, where, user, overrideAccess: false }).then((r) => r.totalDocs)
    }),
  )
  const filters: QuickFilter[] = [
    { label: 'Tout', href: base, count: null, current: current === 'all' },
    ...choices.map((c, i) => ({ label: c.label, href: `${base}?${c.param}`, count: counts[i] ?? 0, current: current === c.key })),
  ]
  return <QuickFilterLinks filters={filters} label="Filtrer par état" />
}
