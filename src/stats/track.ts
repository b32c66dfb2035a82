/**
 * Counting from the public pages. The counter is written after the page has been sent
 * (`after`): the visitor never waits for it, and a statistics failure never breaks a page.
 * Prefetches and robots are not counted (`./visitors`).
 */
import { headers } from 'next/headers'
import { after } from 'next/server'

import { sitePayload } from '@/site/payload'

import { recordSearch, recordView, type SearchRecord, type ViewRecord } from './record'
import { addressOf, visitorKey } from './sittings'
import { isCountableVisit } from './visitors'

type Run = (payload: Awaited<ReturnType<typeof sitePayload>>, visitor: string | undefined) => Promise<void>

async function later(run: Run): Promise<void> {
  const request = await headers()
  if (!isCountableVisit(request)) return
  const visitor = visitorKey(addressOf(request), request.get('user-agent'))
  after(async () => run(await sitePayload(), visitor))
}

/** A detail page was shown. */
export function trackView(view: ViewRecord): Promise<void> {
  return later((payload) => recordView(payload, view))
}

/**
 * A search results page was shown. Turning pages is the same search; other filters refine
 * the visitor's search of these words (or category) and update its record (./sittings).
 */
export function trackSearch(search: Omit<SearchRecord, 'visitor'> & { page: number }): Promise<void> {
  if (search.page > 1) return Promise.resolve()
  return later((payload, visitor) => recordSearch(payload, { ...search, visitor }))
}
