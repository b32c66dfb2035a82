import type { Payload, Where } from 'payload'

import { STAT_METRICS, type StatMetric } from '@/stats/metrics'
import { type Counter, loadCounters, monthly, monthsBetween, sumBy, top, total } from '@/stats/query'

import { type Branding, frenchCollator, loadBranding } from './branding'
import { type Period, previousPeriod } from './period'

export type Ranked = { label: string; count: number }
export type CommuneLine = { name: string; entries: number; views: number; searches: number; contacts: number }

/** Everything the six-month report shows, computed once for the PDF, the CSV and the dashboard. */
export type Bilan = {
  territory: { id: number | string; name: string; slug: string }
  /**
   * A secrétaire's bilan is limited to her communes (their names here): figures, months,
   * entries and communes are theirs; search words and categories stay the territory's, as
   * searches are not counted by commune and word together. `null`: the whole territory.
   */
  communesScope: string[] | null
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

/** What the report is about: « CC de la Picardie Verte », or a secrétaire's « Grandvilliers et Hanvoile ». */
export const scopeTitle = (bilan: Pick<Bilan, 'territory' | 'communesScope'>): string =>
  bilan.communesScope ? bilan.communesScope.join(', ').replace(/, ([^,]+)$/, ' et $1') : bilan.territory.name

/** A commune with nothing to show: no published entry, no search, view or contact on the period. */
export const isQuiet = (c: CommuneLine) => c.entries === 0 && c.views === 0 && c.searches === 0 && c.contacts === 0

export const FEW_ENTRIES = 3
const ENTRY_SLUGS = ['businesses', 'associations', 'services'] as const

type Named = { id: number | string; name?: string | null; title?: string | null }

type Communes = Array<number | string> | null

async function names(payload: Payload, collection: 'categories' | 'communes', territory: number | string, only: Communes = null) {
  const where: Where =
    collection === 'communes' ? { and: [{ territory: { equals: territory } }, ...(only ? [{ id: { in: only } }] : [])] } : {}
  const { docs } = await payload.find({ collection, where, pagination: false, depth: 0, overrideAccess: true })
  return new Map((docs as Named[]).map((d) => [String(d.id), String(d.name ?? d.id)]))
}

async function publishedPerCommune(payload: Payload, territory: number | string, only: Communes) {
  const counts = new Map<string, number>()
  const perCategory = new Map<string, number>()
  let totalEntries = 0
  for (const collection of ENTRY_SLUGS) {
    const { docs } = await payload.find({
      collection,
      where: { and: [{ territory: { equals: territory } }, { status: { equals: 'published' } }, ...(only ? [{ commune: { in: only } }] : [])] },
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

/** The titles of viewed entries; with a commune scope, only the entries of those communes. */
async function entryTitles(payload: Payload, keys: string[], only: Communes): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const allowed = only ? new Set(only.map(String)) : null
  for (const key of keys) {
    const [kind, id] = key.split(':') as [string, string]
    if (!['businesses', 'associations', 'services', 'announcements'].includes(kind)) continue
    try {
      const doc = (await payload.findByID({ collection: kind as 'businesses', id, depth: 0, overrideAccess: true })) as Named & { commune?: unknown }
      const commune = String(typeof doc.commune === 'object' && doc.commune ? (doc.commune as Named).id : doc.commune)
      if (!allowed || allowed.has(commune)) out.set(key, String(doc.name ?? doc.title ?? key))
    } catch {
      if (!allowed) out.set(key, 'Fiche supprimée')
    }
  }
  return out
}

/** A metric's total over some communes (their `commune:<id>` counters), or the territory's. */
function totalOf(counters: Counter[], metric: StatMetric, only: Communes): number {
  if (!only) return total(counters, metric)
  const byCommune = sumBy(counters, metric, 'commune:')
  return only.reduce<number>((sum, id) => sum + (byCommune.get(String(id)) ?? 0), 0)
}

function monthlyOf(counters: Counter[], metric: StatMetric, months: string[], only: Communes) {
  if (!only) return monthly(counters, metric, months)
  const ids = new Set(only.map((id) => `commune:${id}`))
  return months.map((month) => ({
    month,
    count: counters.filter((c) => c.month === month && c.metric === metric && ids.has(c.dimension)).reduce((sum, c) => sum + c.count, 0),
  }))
}

/**
 * Builds the report of a territory for a period from the usage counters and the directory;
 * with `only` (commune ids), a secrétaire's report on her communes (see `Bilan.communesScope`).
 */
export async function buildBilan(payload: Payload, territoryId: number | string, period: Period, only: Communes = null): Promise<Bilan> {
  const territory = await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true })
  const months = monthsBetween(period.from, period.to)
  const previous = previousPeriod(period)
  const [counters, previousCounters] = await Promise.all([
    loadCounters(payload, territory.id, period.from, period.to),
    loadCounters(payload, territory.id, previous.from, previous.to),
  ])
  const [categoryNames, communeNames, published] = await Promise.all([
    names(payload, 'categories', territory.id),
    names(payload, 'communes', territory.id, only),
    publishedPerCommune(payload, territory.id, only),
  ])

  const totals = Object.fromEntries(STAT_METRICS.map((m) => [m, totalOf(counters, m, only)])) as Record<StatMetric, number>
  const previousTotals = Object.fromEntries(STAT_METRICS.map((m) => [m, totalOf(previousCounters, m, only)])) as Record<StatMetric, number>
  const series = Object.fromEntries(STAT_METRICS.map((m) => [m, monthlyOf(counters, m, months, only)])) as Bilan['series']
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

  // A scope keeps only its communes' entries: look further down the ranking to find ten.
  const entryViews = top(sumBy(counters, 'view', 'entry:'), only ? 60 : 10)
  const titles = await entryTitles(payload, entryViews.map((e) => e.key), only)
  const topEntries = entryViews
    .filter(({ key }) => titles.has(key) || !only)
    .slice(0, 10)
    .map(({ key, count }) => ({ label: titles.get(key) ?? key, count }))

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
    communesScope: only ? [...communeNames.values()].sort(frenchCollator.compare) : null,
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
