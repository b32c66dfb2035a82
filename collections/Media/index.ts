import { type CollectionBeforeValidateHook, type CollectionConfig, ValidationError } from 'payload'

import { anyOf } from '@/access/anyOf'
import { staffOrUploaderField, staffReadField } from '@/access/fieldAccess'
import { isContributorAccess } from '@/access/isContributor'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isOwner } from '@/access/isOwner'
import { isPublicMedia } from '@/access/isPublicMedia'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryModeratorAccess } from '@/access/isTerritoryModerator'
import { isTerritoryStaffAccess } from '@/access/isTerritoryStaff'
import { type AccessUser, hasRole } from '@/access/roles'
import { accountNamesField, relationshipForAdminsUnlessEmpty } from '@/fields/accountNames'
import { staffTerritoryListFilter } from '@/fields/staffScope'
import { territoryField } from '@/fields/territory'
import { assignTerritory } from '@/hooks/assignTerritory'

import { SLUGS } from '../slugs'
import { hiddenFileNotFound } from './notFound'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export const PDF_MIME_TYPE = 'application/pdf'

/**
 * A PDF (a municipal notice's poster, an arrêté) comes from the mairie or the
 * intercommunalité only: owners and residents send images, which are re-encoded; a PDF
 * is stored as sent, so it is only taken from staff who publish it themselves.
 */
export const pdfFromModeratorsOnly: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const mimeType = (data as { mimeType?: unknown } | undefined)?.mimeType ?? req.file?.mimetype
  if (mimeType !== PDF_MIME_TYPE || hasRole(req.user as AccessUser | null, 'superadmin', 'admin', 'editor')) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [{ path: 'file', message: 'Seule la mairie peut joindre un document PDF : envoyez une photo (JPEG, PNG ou WebP).' }],
    },
    req.t,
  )
}

/**
 * Photos and logos. Payload checks the real type from the file's content; sharp re-encodes
 * every image (which drops EXIF data such as GPS position) and makes the display sizes.
 */
export const Media: CollectionConfig = {
  slug: SLUGS.media,
  labels: { singular: 'Image ou document', plural: 'Images et documents' },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'alt',
    group: 'Annuaire',
    defaultColumns: ['filename', 'alt', 'uploadedBy', 'createdAt'],
    // Opens on the staff member's territory: other territories' public logos are readable too.
    baseFilter: staffTerritoryListFilter,
    listSearchableFields: ['alt', 'filename'],
    description: 'Photos et logos des fiches, affiches et documents PDF des informations municipales (description obligatoire).',
  },
  access: {
    // The file too (every size): Payload's file handler asks this rule with the file's name.
    // The public reads what a public document shows (window kept by src/hooks/mediaVisibility).
    read: anyOf(isSuperAdminAccess, isTerritoryStaffAccess, isOwner('uploadedBy'), isPublicMedia),
    create: isContributorAccess,
    // Not the uploader: an image shown on a published entry would change without moderation
    // (a new photo goes through the entry's pending changes instead).
    update: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess, isOwner('uploadedBy')),
  },
  hooks: {
    afterError: [hiddenFileNotFound],
    beforeValidate: [pdfFromModeratorsOnly, assignTerritory],
    beforeChange: [
      ({ data, req, operation }) => {
        if (operation === 'create' && req.user) data.uploadedBy = req.user.id
        return data
      },
    ],
  },
  upload: {
    staticDir: process.env.MEDIA_DIR || 'data/media',
    // Payload checks the type from the file's content; a PDF is taken from staff only (above).
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', PDF_MIME_TYPE],
    formatOptions: { format: 'webp', options: { quality: 82 } },
    resizeOptions: { width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true },
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, fit: 'cover', formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'card', width: 640, height: 480, fit: 'cover', formatOptions: { format: 'webp', options: { quality: 78 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Texte alternatif',
      required: true,
      maxLength: 200,
      admin: { description: 'Décrivez l’image pour les personnes qui ne la voient pas, ou donnez le titre du document PDF (obligatoire).' },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      label: 'Envoyée par',
      // A secrétaire or an élu cannot read accounts: they get the name below instead.
      admin: { readOnly: true, position: 'sidebar', condition: relationshipForAdminsUnlessEmpty('uploadedBy') },
      access: { read: staffOrUploaderField, update: () => false },
    },
    // Without an account: installed with the site (demo logos) or its account deleted (set null).
    accountNamesField({ name: 'uploaderName', from: 'uploadedBy', label: 'Envoyée par', none: 'Aucun compte (installation ou compte supprimé)' }),
    territoryField,
    // When the public reads it: set by the hooks of the documents that show it, never by hand.
    ...(['publicFrom', 'publicUntil'] as const).map((name) => ({
      name,
      type: 'date' as const,
      index: true,
      label: name === 'publicFrom' ? 'Public à partir du' : 'Public jusqu’au',
      admin: { hidden: true },
      access: { read: staffReadField, create: () => false, update: () => false },
    })),
  ],
}
