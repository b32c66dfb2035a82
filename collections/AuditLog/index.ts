import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { nobody } from '@/access/nobody'

import { SLUGS } from '../slugs'

/** Who approved, rejected, edited or deleted what and when. Written by hooks only. */
export const AuditLog: CollectionConfig = {
  slug: SLUGS.auditLog,
  labels: { singular: 'Entrée du journal', plural: 'Journal des actions' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['createdAt', 'action', 'documentTitle', 'collectionSlug', 'user', 'details'],
    listSearchableFields: ['documentTitle', 'documentId'],
    group: 'Modération',
    description:
      'Qui a approuvé, refusé, archivé, modifié ou supprimé quoi, et quand — les plus récents en premier. Filtrez par action, type d’élément ou personne.',
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      label: 'Action',
      required: true,
      index: true,
      options: [
        { value: 'create', label: 'Création' },
        { value: 'update', label: 'Modification' },
        { value: 'approve', label: 'Approbation' },
        { value: 'reject', label: 'Refus' },
        { value: 'archive', label: 'Archivage' },
        { value: 'review', label: 'Modification revue' },
        { value: 'delete', label: 'Suppression' },
      ],
    },
    {
      name: 'collectionSlug',
      type: 'select',
      label: 'Type d’élément',
      index: true,
      options: [
        { value: 'businesses', label: 'Entreprise' },
        { value: 'associations', label: 'Association' },
        { value: 'services', label: 'Service' },
        { value: 'announcements', label: 'Annonce' },
        { value: 'reports', label: 'Signalement' },
        { value: 'contact-requests', label: 'Demande de contact' },
        { value: 'categories', label: 'Catégorie' },
        { value: 'users', label: 'Utilisateur' },
        { value: 'territories', label: 'Territoire' },
        { value: 'communes', label: 'Commune' },
        { value: 'media', label: 'Image' },
        { value: 'pages', label: 'Page' },
        { value: 'alerts', label: 'Alerte e-mail' },
      ],
    },
    { name: 'documentId', type: 'text', label: 'Identifiant', index: true },
    { name: 'documentTitle', type: 'text', label: 'Élément' },
    { name: 'user', type: 'relationship', relationTo: 'users', label: 'Par', admin: { description: 'Vide pour une action automatique (expiration des annonces).' } },
    { name: 'details', type: 'textarea', label: 'Détails', admin: { description: 'Motif du refus, ou origine d’une action automatique.' } },
    { name: 'territory', type: 'relationship', relationTo: 'territories', label: 'Territoire', index: true },
  ],
}
