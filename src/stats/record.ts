/**
 * Recording usage, privacy-first: nothing about the visitor is kept (no cookie, no address,
 * no account), only counters per territory, month, metric and dimension (a search sitting is
 * remembered in memory for 30 minutes under a hashed key: see ./sittings). Every recorder is
 * cheap (one statement) and never throws: a statistics failure is logged, the page goes on.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { EventMetric } from './metrics'
import { refine } from './sittings'
import { increment, type Increment } from './store'
import { monthOf, normalizeSearchTerm } from './terms'

type Id = number | string
type Ref = Id | { id: Id } | null | undefined

const idOf = (value: Ref): Id | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value

const ids = (values: Ref[] | null | undefined): Id[] =>
  (values ?? []).map(idOf).filter((v): v is Id => v !== undefined && v !== '')

/** Counters of one event: the total, then one per commune and category. */
function fanOut(
  base: Omit<Increment, 'dimension'>,
  extra: { communes?: Id[]; categories?: Id[]; dimensions?: string[] },
): Increment[] {
  return [
    { ...base, dimension: 'all' },
    ...(extra.dimensions ?? []).map((dimension) => ({ ...base, dimension })),
    ...(extra.communes ?? []).map((id) => ({ ...base, dimension: `commune:${id}` })),
    ...(extra.categories ?? []).map((id) => ({ ...base, dimension: `category:${id}` })),
  ]
}

async function safely(payload: Payload, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    payload.logger.warn({ err: error, msg: `Statistiques : ${what} non compté(e)` })
  }
}

export type SearchRecord = {
  territory: Ref
  text?: string | null
  categoryIds?: Ref[]
  communeIds?: Ref[]
  resultCount: number
  /** The visitor's key of the day (./sittings): refinements of their search update it. */
  visitor?: string
}

/**
 * What makes a search the same one: its words (personal data typed is only hashed, in
 * memory), or without words its category, or its commune.
 */
function searchKeyOf(input: SearchRecord, term: string | undefined): string {
  if (term) return `term:${term}`
  const text = input.text?.trim().toLowerCase()
  if (text) return `text:${createHash('sha256').update(text).digest('base64url')}`
  const [category] = ids(input.categoryIds)
  if (category !== undefined) return `category:${category}`
  const [commune] = ids(input.communeIds)
  return commune !== undefined ? `commune:${commune}` : 'all'
}

/**
 * One search: counted in total, by words (normalized: lowercase, no accents), commune and
 * category; a search that found nothing is counted a second time under `search-empty`. A
 * refinement of the visitor's search in the same sitting (other category, commune, distance,
 * page…) replaces what that search counted: the search stays one, and its last result count
 * decides whether it found nothing.
 */
export async function recordSearch(payload: Payload, input: SearchRecord): Promise<void> {
  await safely(payload, 'recherche', async () => {
    const territory = idOf(input.territory)
    if (territory === undefined) return
    const month = monthOf()
    const term = normalizeSearchTerm(input.text)
    const extra = {
      communes: ids(input.communeIds),
      categories: ids(input.categoryIds),
      dimensions: term ? [`term:${term}`] : [],
    }
    const rows = fanOut({ territory, month, metric: 'search' }, extra)
    if (input.resultCount === 0) rows.push(...fanOut({ territory, month, metric: 'search-empty' }, extra))
    await increment(payload, refine(input.visitor, `${territory}|${searchKeyOf(input, term)}`, rows))
  })
}

export type ViewRecord = {
  territory: Ref
  kind: string
  id: Id
  communeId?: Ref
  categoryIds?: Ref[]
}

/** One page view of an entry: by entry, kind, commune and category. */
export async function recordView(payload: Payload, input: ViewRecord): Promise<void> {
  await safely(payload, 'consultation', async () => {
    const territory = idOf(input.territory)
    if (territory === undefined) return
    const commune = idOf(input.communeId)
    await increment(
      payload,
      fanOut(
        { territory, month: monthOf(), metric: 'view' },
        {
          communes: commune === undefined ? [] : [commune],
          categories: ids(input.categoryIds),
          dimensions: [`kind:${input.kind}`, `entry:${input.kind}:${input.id}`],
        },
      ),
    )
  })
}

export type EventRecord = { territory: Ref; metric: EventMetric; communeId?: Ref; categoryId?: Ref; categoryIds?: Ref[]; count?: number }

/** A contact request sent, a new entry or announcement, an offer matched with a need. */
export async function recordEvent(payload: Payload, input: EventRecord): Promise<void> {
  await safely(payload, input.metric, async () => {
    const territory = idOf(input.territory)
    if (territory === undefined) return
    const commune = idOf(input.communeId)
    const categories = [...ids([input.categoryId]), ...ids(input.categoryIds)]
    await increment(
      payload,
      fanOut({ territory, month: monthOf(), metric: input.metric, by: input.count ?? 1 }, { communes: commune === undefined ? [] : [commune], categories }),
    )
  })
}
