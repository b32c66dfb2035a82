import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { anyone } from '@/access/anyone'
import { superAdminField } from '@/access/fieldAccess'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { versionsOf } from '@/access/versionsOf'
import { assignTerritory } from '@/hooks/assignTerritory'
import { releaseMediaVisibility, syncMediaVisibility } from '@/hooks/mediaVisibility'

import { SLUGS } from '../slugs'

/** Editable pages of the site: mentions légales, confidentialité, accessibilité… */
export const Pages: CollectionConfig = {
  slug: SLUGS.pages,
  labels: { singular: 'Page', plural: 'Pages' },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'territory', 'updatedAt'],
    group: 'Site public',
    description: 'Mentions légales, confidentialité, accessibilité, à propos : une page par territoire, ou commune à toutes les installations.',
  },
  access: {
    read: anyone,
    create: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    readVersions: versionsOf(anyOf(isSuperAdminAccess, isTerritoryAdminAccess)),
  },
  versions: { maxPerDoc: 20 },
  hooks: { beforeValidate: [assignTerritory], afterChange: [syncMediaVisibility], afterDelete: [releaseMediaVisibility] },
  fields: [
    { name: 'title', type: 'text', label: 'Titre', required: true },
    {
      name: 'slug',
      type: 'select',
      label: 'Page',
      required: true,
      index: true,
      options: [
        { value: 'mentions-legales', label: 'Mentions légales' },
        { value: 'confidentialite', label: 'Politique de confidentialité' },
        { value: 'accessibilite', label: "Déclaration d’accessibilité" },
        { value: 'a-propos', label: 'À propos' },
      ],
    },
    { name: 'content', type: 'richText', label: 'Contenu' },
    {
      name: 'territory',
      type: 'relationship',
      relationTo: 'territories',
      label: 'Territoire (vide = toutes les installations)',
      access: { update: superAdminField },
      admin: { position: 'sidebar' },
    },
  ],
}
