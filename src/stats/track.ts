/**
 * Counting from the public pages. The counter is written after the page has been sent
 * (`after`): the visitor never waits for it, and a statistics failure never breaks a page.
 * Prefetches and robots are not counted (`./visitors`).
 */
import { headers } from 'next/headers'
import { after } from 'next/server'

import { sitePayload } from '@/site/payload'

import { recordSearch, recordView, type SearchRecord, type ViewRecord } from './record'
import { isCountableVisit } from './visitors'

async function later(run: (payload: Awaited<ReturnType<typeof sitePayload>>) => Promise<void>): Promise<void> {
  if (!isCountableVisit(await headers())) return
  after(async () => run(await sitePayload()))
}

/** A detail page was shown. */
export function trackView(view: ViewRecord): Promise<void> {
  return later((payload) => recordView(payload, view))
}

/** A search results page was shown (first page only: turning pages is the same search). */
export function trackSearch(search: SearchRecord & { page: number }): Promise<void> {
  if (search.page > 1) return Promise.resolve()
  return later((payload) => recordSearch(payload, search))
}
