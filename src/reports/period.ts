import { z } from 'zod'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export type Period = { from: string; to: string }

/** The six months ending with the current one (the élus' "bilan à six mois"). */
export function defaultPeriod(now: Date = new Date()): Period {
  const to = now.toISOString().slice(0, 7)
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1))
  return { from: start.toISOString().slice(0, 7), to }
}

export const periodSchema = z
  .object({
    from: z.string().regex(MONTH, 'Mois de début au format AAAA-MM, par exemple 2026-01.').optional(),
    to: z.string().regex(MONTH, 'Mois de fin au format AAAA-MM, par exemple 2026-06.').optional(),
  })
  .transform((p) => ({ ...defaultPeriod(), ...Object.fromEntries(Object.entries(p).filter(([, v]) => v)) }) as Period)
  .refine((p) => p.from <= p.to, 'Le mois de début doit précéder le mois de fin.')

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7)
}

/** The months of the same length just before `p` (january–june → july–december of the year before). */
export function previousPeriod(p: Period): Period {
  const [fy, fm] = p.from.split('-').map(Number) as [number, number]
  const [ty, tm] = p.to.split('-').map(Number) as [number, number]
  const length = (ty - fy) * 12 + (tm - fm) + 1
  return { from: shift(p.from, -length), to: shift(p.from, -1) }
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${MONTH_NAMES[m - 1]} ${y}`
}

export function periodLabel(p: Period): string {
  return p.from === p.to ? monthLabel(p.from) : `de ${monthLabel(p.from)} à ${monthLabel(p.to)}`
}
