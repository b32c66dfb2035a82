/**
 * Recording usage, privacy-first: nothing about the visitor is kept (no cookie, no address,
 * no account), only counters per territory, month, metric and dimension. Every recorder is
 * cheap (one statement) and never throws: a statistics failure is logged, the page goes on.
 */
import type { Payload } from 'payload'

import type { EventMetric } from './metrics'
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
}

/**
 * One search: counted in total, by words (normalized: lowercase, no accents), commune and
 * category; a search that found nothing is counted a second time under `search-empty`.
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
    await increment(payload, rows)
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
