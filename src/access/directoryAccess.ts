import type { Access, CollectionConfig } from 'payload'

import { anyOf } from './anyOf'
import { isContributorAccess } from './isContributor'
import { isEditorOfCommune } from './isEditorOfCommune'
import { isOwner } from './isOwner'
import { isPublished } from './isPublished'
import { isSuperAdminAccess } from './isSuperAdmin'
import { isTerritoryAdminAccess } from './isTerritoryAdmin'
import { isTerritoryReaderAccess } from './isTerritoryReader'
import { versionsOf } from './versionsOf'

/**
 * Access shared by public entries (businesses, associations, services, announcements):
 * - read: published rows for everyone (`publicRead` narrows it: announcements not yet shown); all rows of the territory for its administrators
 *   and élus; rows of their communes for secrétaires; their own rows for owners/authors;
 * - create: any account but élus' (the public's entries start pending);
 * - update: administrators of the territory, secrétaires of the commune, the owners;
 * - delete: administrators of the territory (and authors, where `ownerCanDelete`);
 * - history (versions, which keep pending and refused states): the moderators of the row.
 */
export function directoryAccess(ownerField: 'owners' | 'author', ownerCanDelete = false, publicRead: Access = isPublished): CollectionConfig['access'] {
  return {
    read: anyOf(isSuperAdminAccess, isTerritoryReaderAccess, isEditorOfCommune(), isOwner(ownerField), publicRead),
    readVersions: versionsOf(anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isEditorOfCommune())),
    create: isContributorAccess,
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isEditorOfCommune(), isOwner(ownerField)),
    delete: ownerCanDelete
      ? anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isOwner(ownerField))
      : anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  }
}
