import type { TestDatabase } from '../support/localPayload'
import { apiTests } from './searchApiSuite'
import { filterTests } from './searchFiltersSuite'
import { searchHarness } from './searchHarness'
import { rankingTests } from './searchRankingSuite'

export { RELEVANCE } from './searchHarness'

/**
 * The search suite, run once per database: a fresh database with the demo territory, the
 * national categories and the labelled entries of data/search/relevance.json, created
 * through the local API so that the index is filled by the collection hooks.
 *
 * The set-up is in searchHarness.ts; the tests in searchRankingSuite.ts, searchFiltersSuite.ts
 * and searchApiSuite.ts, run in this order.
 */
export function searchSuite(kind: TestDatabase, options: { workers?: boolean } = {}) {
  const h = searchHarness(kind, options)
  rankingTests(h)
  filterTests(h)
  apiTests(h)
}
