import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { anyone } from '@/access/anyone'
import { superAdminField } from '@/access/fieldAccess'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { isTerritoryModeratorAccess } from '@/access/isTerritoryModerator'
import { slugify } from '@/fields/slug'
import { shownToTerritoryAdmins } from '@/fields/territoryAdminsOnly'
import { assignTerritory } from '@/hooks/assignTerritory'
import { guardRelationsTerritory } from '@/hooks/guardRelationsTerritory'
import { reindexCategoryEntries, reindexDeletedCategoryEntries } from '@/search/syncHooks'

import { SLUGS } from '../slugs'

/**
 * Hierarchical categories. Those without a territory form the national set shared by all
 * territories; each territory adds its own on top.
 */
export const Categories: CollectionConfig = {
  slug: SLUGS.categories,
  labels: { singular: 'Catégorie', plural: 'Catégories' },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'name',
    defaultColumns: ['name', 'parent', 'order', 'territory'],
    group: 'Annuaire',
    listSearchableFields: ['name', 'keywords'],
    description: 'Catégories nationales (sans territoire) et celles ajoutées par le territoire, dans l’ordre d’affichage.',
  },
  defaultSort: 'order',
  access: {
    read: anyone,
    create: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    update: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  hooks: {
    afterChange: [reindexCategoryEntries],
    afterDelete: [reindexDeletedCategoryEntries],
    beforeValidate: [
      assignTerritory,
      guardRelationsTerritory,
      ({ data }) => {
        if (data && !data.slug && data.name) data.slug = slugify(String(data.name))
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: 'Nom', required: true, maxLength: 80 },
    { name: 'slug', type: 'text', label: 'Identifiant court', index: true, admin: { position: 'sidebar', condition: shownToTerritoryAdmins } },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'categories',
      label: 'Catégorie parente',
      index: true,
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    { name: 'description', type: 'textarea', label: 'Description', maxLength: 500 },
    {
      name: 'keywords',
      type: 'text',
      label: 'Mots-clés de recherche',
      admin: { description: 'Synonymes séparés par des virgules : plombier, plomberie, fuite…' },
    },
    { name: 'icon', type: 'text', label: 'Icône', admin: { description: 'Nom de l’icône (par exemple « pain »).', condition: shownToTerritoryAdmins } },
    { name: 'order', type: 'number', label: 'Ordre d’affichage', defaultValue: 100, index: true },
    {
      name: 'territory',
      type: 'relationship',
      relationTo: 'territories',
      label: 'Territoire (vide = catégorie nationale)',
      index: true,
      access: { update: superAdminField },
      admin: { position: 'sidebar' },
    },
  ],
}
