'use client'

import { useListDrawerContext } from '@payloadcms/ui'
import Link from 'next/link'

export type QuickFilter = { label: string; href: string; count: number | null; current: boolean }

/** Links that filter the list by state (not shown when the list opens in a drawer). */
export function QuickFilterLinks({ filters, label }: { filters: QuickFilter[]; label: string }) {
  const { isInDrawer } = useListDrawerContext()
  if (isInDrawer) return null
  return (
    <nav className="quick-filters" aria-label={label}>
      <ul>
        {filters.map((f) => (
          <li key={f.href}>
            <Link href={f.href} aria-current={f.current ? 'true' : undefined} className="quick-filters__link">
              {f.label}
              {f.count !== null ? <span className="quick-filters__count"> ({f.count})</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
