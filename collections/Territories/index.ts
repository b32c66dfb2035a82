import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { anyone } from '@/access/anyone'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isOwnTerritory } from '@/access/isOwnTerritory'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { superAdminField } from '@/access/fieldAccess'
import { shownToTerritoryAdmins } from '@/fields/territoryAdminsOnly'
import { validateEmail, validateSiren } from '@/fields/validators'
import { guardRelationsTerritory } from '@/hooks/guardRelationsTerritory'
import { releaseMediaVisibility, syncMediaVisibility } from '@/hooks/mediaVisibility'
import { forgetTerritories } from '@/territories/cache'

import { ADMIN_ONLY_TEXT } from '../adminOnly'
import { SLUGS } from '../slugs'
import { normalizeHostnames, validateHostnames } from './hostnames'

/** An intercommunalité: one public site, its own staff, categories and statistics. */
export const Territories: CollectionConfig = {
  slug: SLUGS.territories,
  labels: { singular: 'Territoire', plural: 'Territoires' },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'name',
    defaultColumns: ['name', 'epciCode', 'slug'],
    group: 'Territoire',
    description:
      'Les intercommunalités servies par cette installation. Pour en ajouter une avec ses communes, utilisez « Nouveau territoire (code EPCI) » dans le menu.',
  },
  access: {
    read: anyone,
    create: isSuperAdminAccess,
    update: anyOf(isSuperAdminAccess, isOwnTerritory),
    delete: isSuperAdminAccess,
  },
  hooks: {
    beforeValidate: [guardRelationsTerritory],
    // The territories are cached for every request (src/territories/cache.ts): a change counts at once.
    afterChange: [({ req }) => forgetTerritories(req.payload), syncMediaVisibility],
    afterDelete: [({ req }) => forgetTerritories(req.payload), releaseMediaVisibility],
  },
  fields: [
    { name: 'name', type: 'text', label: 'Nom', required: true },
    {
      name: 'nameWithArticle',
      type: 'text',
      label: 'Nom avec article',
      maxLength: 120,
      admin: {
        description:
          'Tel qu’il s’écrit après « dans » : « la CC de la Picardie Verte », « le Pays de Bray ». Laissé vide, l’article est déduit du nom (« CC… », « Communauté… » : la ; « Pays… » : le).',
      },
    },
    {
      name: 'epciCode',
      type: 'text',
      label: 'Code SIREN de l’EPCI',
      required: true,
      unique: true,
      access: { update: superAdminField },
      admin: { components: { Field: ADMIN_ONLY_TEXT } },
      validate: (value: unknown) => validateSiren(value),
    },
    {
      name: 'slug',
      type: 'text',
      label: 'Identifiant court',
      required: true,
      unique: true,
      access: { update: superAdminField },
      admin: { description: 'Utilisé dans les adresses quand un seul nom de domaine sert plusieurs territoires.', components: { Field: ADMIN_ONLY_TEXT } },
    },
    {
      name: 'hostnames',
      type: 'text',
      hasMany: true,
      label: 'Noms de domaine',
      // One territory per host name: another territory's host would hand its site over. Only
      // the national administrator sets them: e-mail links of every account trust these hosts.
      access: { update: superAdminField },
      hooks: { beforeValidate: [normalizeHostnames] },
      validate: validateHostnames,
      admin: {
        condition: shownToTerritoryAdmins,
        description:
          'Par exemple annuaire.picardie-verte.fr. Réglé par l’administrateur national (le nom doit pointer vers ce serveur). Sans nom de domaine propre, le site est aussi servi sous /t/<identifiant court>/.',
      },
    },
    { name: 'contactEmail', type: 'email', label: 'E-mail de contact', validate: (v: unknown) => validateEmail(v) },
    { name: 'contactPhone', type: 'text', label: 'Téléphone de contact' },
    { name: 'address', type: 'textarea', label: 'Adresse du siège' },
    {
      type: 'row',
      fields: [
        { name: 'primaryColor', type: 'text', label: 'Couleur principale', defaultValue: '#1d4f91' },
        { name: 'accentColor', type: 'text', label: 'Couleur d’accent', defaultValue: '#b34000' },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media', label: 'Logo', filterOptions: { mimeType: { contains: 'image/' } } },
    {
      name: 'settings',
      type: 'group',
      label: 'Réglages',
      fields: [
        {
          name: 'announcementLifetimeDays',
          type: 'number',
          label: 'Durée de vie des annonces (jours)',
          defaultValue: 60,
          min: 7,
          max: 365,
        },
        {
          name: 'defaultRadiusKm',
          type: 'number',
          label: 'Rayon de recherche par défaut (km)',
          defaultValue: 10,
          min: 1,
          max: 100,
        },
      ],
    },
  ],
}
