import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import type { AccessUser } from '@/access/roles'
import { buildBilan } from '@/reports/bilan'
import { type Period, periodSchema } from '@/reports/period'
import { assertStatsReader, ReportError, statsScopeFor, territoryFor } from '@/reports/scope'

export const STATISTICS_VIEW_PATH = '/statistiques'

export type Bilan = Awaited<ReturnType<typeof buildBilan>>

/** What the « Statistiques » view shows: the period asked, its report, or why there is none. */
export type StatisticsModel = {
  selfPath: string
  period: Period
  bilan?: Bilan
  error?: string
  /** Links to the report as PDF and CSV for the same period. */
  downloads: { pdf: string; csv: string }
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Reads the period and the territory from the address and builds the report the user may read. */
export async function statisticsModel({ initPageResult, searchParams }: AdminViewServerProps): Promise<StatisticsModel> {
  const { payload, user } = initPageResult.req
  const adminRoute = payload.config.routes.admin
  const selfPath = `${adminRoute}${STATISTICS_VIEW_PATH}`
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(selfPath)}`)

  const u = user as AccessUser
  let error: string | undefined
  let bilan: Bilan | undefined
  const parsed = periodSchema.safeParse({ from: first(searchParams?.from) || undefined, to: first(searchParams?.to) || undefined })
  const period = parsed.success ? parsed.data : periodSchema.parse({})
  if (!parsed.success) error = parsed.error.issues[0]?.message
  try {
    assertStatsReader(u)
    bilan = await buildBilan(payload, await territoryFor(payload, u, first(searchParams?.territory)), period, statsScopeFor(u))
  } catch (e) {
    if (!(e instanceof ReportError)) throw e
    error = e.message
  }
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString()
  const api = payload.config.routes.api
  return { selfPath, period, bilan, error, downloads: { pdf: `${api}/rapports/bilan.pdf?${query}`, csv: `${api}/rapports/bilan.csv?${query}` } }
}
