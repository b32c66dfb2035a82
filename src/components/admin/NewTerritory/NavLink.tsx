import type { ServerProps } from 'payload'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import type { AccessUser } from '@/access/roles'
import { NEW_TERRITORY_VIEW_PATH } from '@/territories/paths'

/** « Nouveau territoire », for the national administrator only. */
export function NewTerritoryNavLink({ payload, user, params }: ServerProps) {
  if (!payload || !isSuperAdmin((user ?? null) as AccessUser | null)) return null
  const segments = (params as { segments?: string[] } | undefined)?.segments
  const current = Array.isArray(segments) && `/${segments[0]}` === NEW_TERRITORY_VIEW_PATH
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}${NEW_TERRITORY_VIEW_PATH}`} aria-current={current ? 'page' : undefined}>
      <span className="nav__link-label">Nouveau territoire (code EPCI)</span>
    </a>
  )
}
