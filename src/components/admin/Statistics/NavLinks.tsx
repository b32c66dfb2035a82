import type { ServerProps } from 'payload'

import { canImport } from '@/access/canImport'
import { isEditor } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { isStatsReader } from '@/access/isStatsReader'
import type { AccessUser } from '@/access/roles'
import { IMPORT_VIEW_PATH } from '@/imports/paths'

import { STATISTICS_VIEW_PATH } from './model'
import { PRINT_VIEW_PATH } from './PrintDirectory'

type ToolLink = { path: string; label: string }

/** The statistics, paper-directory and import pages the user may open. */
function toolLinks(u: AccessUser): ToolLink[] {
  const admin = isSuperAdmin(u) || isTerritoryAdmin(u)
  return [
    isStatsReader(u) ? { path: STATISTICS_VIEW_PATH, label: 'Statistiques et bilan' } : null,
    admin || isEditor(u) ? { path: PRINT_VIEW_PATH, label: 'Annuaire papier' } : null,
    canImport(u) ? { path: IMPORT_VIEW_PATH, label: 'Importer un tableau' } : null,
  ].filter((l): l is ToolLink => l !== null)
}

const currentPath = (params: ServerProps['params']) => {
  const segments = (params as { segments?: string[] } | undefined)?.segments
  return Array.isArray(segments) ? `/${segments[0]}` : ''
}

/** Links to the statistics, the paper directory and the import pages, for those who may use them. */
export function StatisticsNavLinks({ payload, user, params }: ServerProps) {
  if (!payload || !user) return null
  const links = toolLinks(user as AccessUser)
  const current = currentPath(params)
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

const HEADER_CSS = `
.tool-links { display: flex; gap: 1rem; align-items: center; }
.app-header__actions:has(.tool-links) { max-width: none; }
.tool-links a { color: inherit; font-weight: 600; text-decoration: underline; text-underline-offset: 3px; white-space: nowrap; }
.tool-links a[aria-current='page'] { text-decoration-thickness: 3px; }
.template-default--nav-open .tool-links { display: none; }
@media (max-width: 768px) { .tool-links { display: none; } }
`

/**
 * The same links in the admin header, shown while the side menu is closed: Payload closes it
 * below 1441 px (a 1366 px laptop), which hid the statistics, the booklet and the import.
 * Payload caps its actions box at 500 px there; the links overflowed it onto the account
 * avatar (« Importer un tableau » hidden at 1366 px): the box takes their width instead.
 */
export function StatisticsHeaderLinks({ payload, user, params }: ServerProps) {
  if (!payload || !user) return null
  const links = toolLinks(user as AccessUser)
  if (links.length === 0) return null
  const current = currentPath(params)
  return (
    <nav className="tool-links" aria-label="Outils">
      <style>{HEADER_CSS}</style>
      {links.map((l) => (
        <a key={l.path} href={`${payload.config.routes.admin}${l.path}`} aria-current={current === l.path ? 'page' : undefined}>
          {l.label}
        </a>
      ))}
    </nav>
  )
}
