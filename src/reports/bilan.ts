import type { Payload, Where } from 'payload'

import { STAT_METRICS, type StatMetric } from '@/stats/metrics'
import { loadCounters, monthly, monthsBetween, sumBy, top, total } from '@/stats/query'

import { type Branding, frenchCollator, loadBranding } from './branding'
import { type Period, previousPeriod } from './period'

export type Ranked = { label: string; count: number }
export type CommuneLine = { name: string; entries: number; views: number; searches: number; contacts: number }

/** Everything the six-month report shows, computed once for the PDF, the CSV and the dashboard. */
export type Bilan = {
  territory: { id: number | string; name: string; slug: string }
  period: Period
  /** The period of the same length just before, for the comparison on the summary page. */
  previousPeriod: Period
  months: string[]
  totals: Record<StatMetric, number>
  previousTotals: Record<StatMetric, number>
  series: Record<StatMetric, Array<{ month: string; count: number }>>
  topSearches: Ranked[]
  emptySearches: Ranked[]
  topCategories: Array<{ label: string; views: number; searches: number; entries: number }>
  topEntries: Ranked[]
  communes: CommuneLine[]
  /** Communes with fewer than `FEW_ENTRIES` published entries, fewest first. */
  fewEntries: CommuneLine[]
  publishedEntries: number
  branding: Branding
}

/** A commune with nothing to show: no published entry, no search, view or contact on the period. */
export const isQuiet = (c: CommuneLine) => c.entries === 0 && c.views === 0 && c.searches === 0 && c.contacts === 0

export const FEW_ENTRIES = 3
const ENTRY_SLUGS = ['businesses', 'associations', 'services'] as const

type Named = { id: number | string; name?: string | null; title?: string | null }

async function names(payload: Payload, collection: 'categories' | 'communes', territory: number | string) {
  const where: Where = collection === 'communes' ? { territory: { equals: territory } } : {}
  const { docs } = await payload.find({ collection, where, pagination: false, depth: 0, overrideAccess: true })
  return new Map((docs as Named[]).map((d) => [String(d.id), String(d.name ?? d.id)]))
}

async function publishedPerCommune(payload: Payload, territory: number | string) {
  const counts = new Map<string, number>()
  const perCategory = new Map<string, number>()
  let totalEntries = 0
  for (const collection of ENTRY_SLUGS) {
    const { docs } = await payload.find({
      collection,
      where: { and: [{ territory: { equals: territory } }, { status: { equals: 'published' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { commune: true, categories: true },
    })
    for (const d of docs as Array<{ commune?: unknown; categories?: unknown[] }>) {
      totalEntries += 1
      const commune = String(typeof d.commune === 'object' && d.commune ? (d.commune as Named).id : d.commune)
      counts.set(commune, (counts.get(commune) ?? 0) + 1)
      for (const c of d.categories ?? []) {
        const id = String(typeof c === 'object' && c ? (c as Named).id : c)
        perCategory.set(id, (perCategory.get(id) ?? 0) + 1)
      }
    }
  }
  return { counts, perCategory, totalEntries }
}

async function entryTitles(payload: Payload, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const key of keys) {
    const [kind, id] = key.split(':') as [string, string]
    if (!['businesses', 'associations', 'services', 'announcements'].includes(kind)) continue
    try {
      const doc = (await payload.findByID({ collection: kind as 'businesses', id, depth: 0, overrideAccess: true })) as Named
      out.set(key, String(doc.name ?? doc.title ?? key))
    } catch {
      out.set(key, 'Fiche supprimée')
    }
  }
  return out
}

/** Builds the report of a territory for a period from the usage counters and the directory. */
export async function buildBilan(payload: Payload, territoryId: number | string, period: Period): Promise<Bilan> {
  const territory = await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true })
  const months = monthsBetween(period.from, period.to)
  const previous = previousPeriod(period)
  const [counters, previousCounters] = await Promise.all([
    loadCounters(payload, territory.id, period.from, period.to),
    loadCounters(payload, territory.id, previous.from, previous.to),
  ])
  const [categoryNames, communeNames, published] = await Promise.all([
    names(payload, 'categories', territory.id),
    names(payload, 'communes', territory.id),
    publishedPerCommune(payload, territory.id),
  ])

  const totals = Object.fromEntries(STAT_METRICS.map((m) => [m, total(counters, m)])) as Record<StatMetric, number>
  const previousTotals = Object.fromEntries(STAT_METRICS.map((m) => [m, total(previousCounters, m)])) as Record<StatMetric, number>
  const series = Object.fromEntries(STAT_METRICS.map((m) => [m, monthly(counters, m, months)])) as Bilan['series']
  const ranked = (m: Map<string, number>, n: number) => top(m, n).map(({ key, count }) => ({ label: key, count }))

  const catViews = sumBy(counters, 'view', 'category:')
  const catSearches = sumBy(counters, 'search', 'category:')
  const catIds = new Set([...catViews.keys(), ...catSearches.keys(), ...published.perCategory.keys()])
  const topCategories = [...catIds]
    .map((id) => ({
      label: categoryNames.get(id) ?? `Catégorie ${id}`,
      views: catViews.get(id) ?? 0,
      searches: catSearches.get(id) ?? 0,
      entries: published.perCategory.get(id) ?? 0,
    }))
    .sort((a, b) => b.views + b.searches - (a.views + a.searches) || b.entries - a.entries || frenchCollator.compare(a.label, b.label))
    .slice(0, 10)

  const entryViews = top(sumBy(counters, 'view', 'entry:'), 10)
  const titles = await entryTitles(payload, entryViews.map((e) => e.key))
  const topEntries = entryViews.map(({ key, count }) => ({ label: titles.get(key) ?? key, count }))

  const views = sumBy(counters, 'view', 'commune:')
  const searches = sumBy(counters, 'search', 'commune:')
  const contacts = sumBy(counters, 'contact-request', 'commune:')
  const communes = [...communeNames.entries()]
    .map(([id, name]) => ({
      name,
      entries: published.counts.get(id) ?? 0,
      views: views.get(id) ?? 0,
      searches: searches.get(id) ?? 0,
      contacts: contacts.get(id) ?? 0,
    }))
    .sort((a, b) => frenchCollator.compare(a.name, b.name))
  const fewEntries = communes
    .filter((c) => c.entries < FEW_ENTRIES)
    .sort((a, b) => a.entries - b.entries || frenchCollator.compare(a.name, b.name))

  return {
    territory: { id: territory.id, name: territory.name, slug: territory.slug },
    period,
    previousPeriod: previous,
    months,
    totals,
    previousTotals,
    series,
    topSearches: ranked(sumBy(counters, 'search', 'term:'), 15),
    emptySearches: ranked(sumBy(counters, 'search-empty', 'term:'), 30),
    topCategories,
    topEntries,
    communes,
    fewEntries,
    publishedEntries: published.totalEntries,
    branding: await loadBranding(payload, territory),
  }
}
