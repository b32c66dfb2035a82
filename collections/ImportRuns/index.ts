import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { canImport, importRunsReadAccess } from '@/access/canImport'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { nobody } from '@/access/nobody'
import type { AccessUser } from '@/access/roles'

import { SLUGS } from '../slugs'

/** One import of a spreadsheet of entries: its progress while it runs, its row-by-row report after. */
export const ImportRuns: CollectionConfig = {
  slug: SLUGS.importRuns,
  labels: { singular: 'Import', plural: 'Imports' },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['createdAt', 'fileName', 'kind', 'dryRun', 'state', 'processed', 'total'],
    group: 'Territoire',
    hidden: ({ user }) => !canImport(user as AccessUser | null),
    description: 'Imports de tableaux (CSV, XLSX) d’entreprises et d’associations : avancement et compte rendu ligne par ligne.',
  },
  defaultSort: '-createdAt',
  access: {
    read: importRunsReadAccess,
    create: nobody,
    update: nobody,
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  fields: [
    { name: 'fileName', type: 'text', label: 'Fichier', required: true },
    {
      name: 'kind',
      type: 'select',
      label: 'Type de fiches',
      required: true,
      options: [
        { value: 'businesses', label: 'Entreprises' },
        { value: 'associations', label: 'Associations' },
      ],
    },
    { name: 'dryRun', type: 'checkbox', label: 'Essai à blanc', defaultValue: false },
    {
      name: 'state',
      type: 'select',
      label: 'État',
      required: true,
      defaultValue: 'running',
      options: [
        { value: 'running', label: 'En cours' },
        { value: 'done', label: 'Terminé' },
        { value: 'failed', label: 'Échoué' },
        // Left unfinished by restarts of the server (src/imports/background.ts): « Relancer ».
        { value: 'interrupted', label: 'Interrompu' },
      ],
    },
    { name: 'total', type: 'number', label: 'Lignes', defaultValue: 0 },
    { name: 'processed', type: 'number', label: 'Lignes traitées', defaultValue: 0 },
    { name: 'created', type: 'number', label: 'Créées', defaultValue: 0 },
    { name: 'updated', type: 'number', label: 'Mises à jour', defaultValue: 0 },
    { name: 'refused', type: 'number', label: 'Refusées', defaultValue: 0 },
    { name: 'report', type: 'json', label: 'Compte rendu ligne par ligne' },
    {
      // The file as read (columns, rows) and the chosen options: the job runs from it (and runs
      // again after a restart); « Importer » after a dry run imports exactly what was checked,
      // without choosing the file again.
      name: 'source',
      type: 'json',
      label: 'Contenu lu',
      admin: { hidden: true },
    },
    { name: 'user', type: 'relationship', relationTo: 'users', label: 'Par' },
    { name: 'territory', type: 'relationship', relationTo: 'territories', label: 'Territoire', index: true },
  ],
}
