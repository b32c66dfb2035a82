import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { anyone } from '@/access/anyone'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { territoryField } from '@/fields/territory'
import { shownToTerritoryAdmins } from '@/fields/territoryAdminsOnly'
import { validateEmail } from '@/fields/validators'

import { ADMIN_ONLY_TEXT } from '../adminOnly'
import { SLUGS } from '../slugs'

/**
 * Communes, imported from official data (scripts/import-epci.ts): read-only for
 * secrétaires; territory administrators may correct a centre or a population.
 */
export const Communes: CollectionConfig = {
  slug: SLUGS.communes,
  labels: { singular: 'Commune', plural: 'Communes' },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'name',
    defaultColumns: ['name', 'inseeCode', 'postcodes', 'population'],
    group: 'Territoire',
    listSearchableFields: ['name', 'inseeCode'],
    pagination: { defaultLimit: 100 },
    description: 'Importées des données officielles (code INSEE, codes postaux, centre) ; consultation seule pour les mairies.',
  },
  defaultSort: 'name',
  access: {
    read: anyone,
    create: isSuperAdminAccess,
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    delete: isSuperAdminAccess,
  },
  fields: [
    { name: 'name', type: 'text', label: 'Nom', required: true, index: true },
    { name: 'slug', type: 'text', label: 'Identifiant court', required: true, index: true, admin: { components: { Field: ADMIN_ONLY_TEXT } } },
    { name: 'inseeCode', type: 'text', label: 'Code INSEE', required: true, unique: true, admin: { components: { Field: ADMIN_ONLY_TEXT } } },
    { name: 'postcodes', type: 'text', hasMany: true, label: 'Codes postaux' },
    { name: 'population', type: 'number', label: 'Population' },
    {
      type: 'row',
      admin: { condition: shownToTerritoryAdmins },
      fields: [
        { name: 'latitude', type: 'number', label: 'Latitude du centre', index: true },
        { name: 'longitude', type: 'number', label: 'Longitude du centre', index: true },
      ],
    },
    { name: 'epciCode', type: 'text', label: 'Code SIREN de l’EPCI', index: true, admin: { condition: shownToTerritoryAdmins } },
    {
      name: 'mairie',
      type: 'group',
      label: 'Mairie',
      admin: { description: 'Imprimé en tête de l’annuaire papier de la commune, pour que les habitants sachent où s’adresser.' },
      fields: [
        { name: 'address', type: 'textarea', label: 'Adresse de la mairie', maxLength: 300, admin: { placeholder: '1 place de l’Hôtel de Ville\n60210 Grandvilliers' } },
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text', label: 'Téléphone', maxLength: 30, admin: { placeholder: '03 44 46 71 00' } },
            { name: 'email', type: 'email', label: 'E-mail de la mairie', validate: (v: unknown) => validateEmail(v) },
          ],
        },
        { name: 'hours', type: 'textarea', label: 'Horaires d’ouverture', maxLength: 500, admin: { placeholder: 'Lundi au vendredi : 9 h – 12 h\nMercredi : 14 h – 18 h' } },
      ],
    },
    { ...territoryField, required: true },
  ],
}
