import type { ServerProps } from 'payload'

import { isEditor } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { isTerritoryReader } from '@/access/isTerritoryReader'
import type { AccessUser } from '@/access/roles'
import { IMPORT_VIEW_PATH } from '@/imports/paths'

import { STATISTICS_VIEW_PATH } from './index'
import { PRINT_VIEW_PATH } from './PrintDirectory'

/** Links to the statistics, the paper directory and the import pages, for those who may use them. */
export function StatisticsNavLinks({ payload, user, params }: ServerProps) {
  if (!payload || !user) return null
  const u = user as AccessUser
  const admin = isSuperAdmin(u) || isTerritoryAdmin(u)
  const segments = (params as { segments?: string[] } | undefined)?.segments
  const current = Array.isArray(segments) ? `/${segments[0]}` : ''
  const links = [
    admin || isTerritoryReader(u) ? { path: STATISTICS_VIEW_PATH, label: 'Statistiques et bilan' } : null,
    admin || isEditor(u) ? { path: PRINT_VIEW_PATH, label: 'Annuaire papier' } : null,
    admin ? { path: IMPORT_VIEW_PATH, label: 'Importer un tableau' } : null,
  ].filter((l): l is { path: string; label: string } => l !== null)
  return (
    <>
      {links.map((l) => (
        <a key={l.path} className="nav__link" href={`${payload.config.routes.admin}${l.path}`} aria-current={current === l.path ? 'page' : undefined}>
          <span className="nav__link-label">{l.label}</span>
        </a>
      ))}
    </>
  )
}
