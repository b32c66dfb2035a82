/**
 * The open-data files' schemas, in Table Schema (frictionless) form, with the licence:
 * Licence Ouverte / Open Licence 2.0 (Etalab), as data.gouv.fr expects.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime'
export type TableField = {
  name: string
  title: string
  description: string
  type: FieldType
  format?: string
  example?: string
  constraints?: { required?: boolean; unique?: boolean; pattern?: string }
}
export type TableSchema = { fields: TableField[]; primaryKey: string; missingValues: string[] }

export const OPEN_DATA_RESOURCES = ['entreprises', 'associations', 'services'] as const
export type OpenDataResource = (typeof OPEN_DATA_RESOURCES)[number]
export const OPEN_DATA_FORMATS = ['csv', 'json', 'geojson'] as const
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number]

export const LICENSE = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const

const f = (name: string, title: string, description: string, type: FieldType = 'string', extra: Partial<TableField> = {}): TableField => ({
  name,
  title,
  description,
  type,
  ...extra,
})

const common = {
  id: f('id', 'Identifiant', 'Identifiant stable de la fiche dans l’annuaire : type et numéro.', 'string', {
    constraints: { required: true, unique: true, pattern: '^(entreprise|association|service)-[0-9a-f]+$' },
  }),
  categories: f('categories', 'Catégories', 'Noms des catégories, séparés par « | ».'),
  description: f('description', 'Description', 'Présentation rédigée par la structure.'),
  commune: f('commune', 'Commune', 'Nom de la commune.', 'string', { constraints: { required: true } }),
  codeInsee: f('code_insee', 'Code INSEE', 'Code officiel géographique de la commune.', 'string', { constraints: { pattern: '^[0-9][0-9AB][0-9]{3}$' } }),
  latitude: f('latitude', 'Latitude', 'WGS 84, en degrés décimaux (centre de la commune à défaut d’adresse précise).', 'number'),
  longitude: f('longitude', 'Longitude', 'WGS 84, en degrés décimaux.', 'number'),
  url: f('url', 'Page', 'Adresse de la fiche sur l’annuaire.', 'string', { format: 'uri' }),
  updated: f('date_maj', 'Mise à jour', 'Date et heure de la dernière modification (UTC, ISO 8601).', 'datetime', { constraints: { required: true } }),
}
const address = [
  f('adresse', 'Adresse', 'Numéro et rue.'),
  f('code_postal', 'Code postal', 'Code postal.', 'string', { constraints: { pattern: '^[0-9]{5}$' } }),
]
const contact = [
  f('telephone', 'Téléphone', 'Téléphone publié par la structure.'),
  f('site_web', 'Site web', 'Site internet de la structure.', 'string', { format: 'uri' }),
  f('horaires', 'Horaires', 'Horaires d’ouverture au format OpenStreetMap opening_hours (ex. « Mo-Fr 08:00-12:00 »).'),
]

export const SCHEMAS: Record<OpenDataResource, TableSchema> = {
  entreprises: {
    primaryKey: 'id',
    missingValues: [''],
    fields: [
      common.id,
      f('nom', 'Nom', 'Nom commercial.', 'string', { constraints: { required: true } }),
      f('siret', 'SIRET', 'Numéro SIRET de l’établissement (14 chiffres).', 'string', { constraints: { pattern: '^[0-9]{14}$' } }),
      f('activite', 'Activité', 'Activité déclarée (code NAF ou libellé).'),
      common.categories,
      common.description,
      ...address,
      common.commune,
      common.codeInsee,
      common.latitude,
      common.longitude,
      ...contact,
      common.url,
      common.updated,
    ],
  },
  associations: {
    primaryKey: 'id',
    missingValues: [''],
    fields: [
      common.id,
      f('nom', 'Nom', 'Nom de l’association.', 'string', { constraints: { required: true } }),
      f('rna', 'Numéro RNA', 'Numéro du répertoire national des associations (W suivi de 9 chiffres).', 'string', { constraints: { pattern: '^W[0-9A-Z]{9}$' } }),
      f('siret', 'SIRET', 'SIRET, pour les associations qui en ont un.', 'string', { constraints: { pattern: '^[0-9]{14}$' } }),
      common.categories,
      common.description,
      ...address,
      common.commune,
      common.codeInsee,
      common.latitude,
      common.longitude,
      ...contact,
      common.url,
      common.updated,
    ],
  },
  services: {
    primaryKey: 'id',
    missingValues: [''],
    fields: [
      common.id,
      f('titre', 'Intitulé', 'Intitulé du service.', 'string', { constraints: { required: true } }),
      f('prestataire', 'Proposé par', 'Nom de l’entreprise ou de l’association qui propose le service.'),
      f('prestataire_id', 'Identifiant du prestataire', 'Identifiant de la fiche du prestataire dans les fichiers entreprises ou associations.'),
      common.categories,
      common.description,
      f('tarif', 'Tarif', 'gratuit, payant ou cesu.', 'string', { constraints: { pattern: '^(gratuit|payant|cesu)$' } }),
      f('disponibilite', 'Disponibilité', 'Jours et heures où le service est rendu.'),
      common.commune,
      common.codeInsee,
      f('communes_desservies', 'Communes desservies', 'Codes INSEE des communes desservies, séparés par « | ».'),
      common.latitude,
      common.longitude,
      common.url,
      common.updated,
    ],
  },
}

export const RESOURCE_TITLES: Record<OpenDataResource, string> = {
  entreprises: 'Entreprises, commerces et artisans',
  associations: 'Associations',
  services: 'Services proposés (livraison, aide à domicile, réparation…)',
}

/** The whole description as a Data Package: licence, and one resource per file and format. */
export function dataPackage(territory?: { name: string; slug: string }, base = '/api/open-data') {
  const slug = territory?.slug ?? '{territoire}'
  return {
    profile: 'data-package',
    name: territory ? `annuaire-local-${territory.slug}` : 'annuaire-local',
    title: territory ? `Annuaire local — ${territory.name}` : 'Annuaire local',
    description:
      'Entreprises, associations et services publiés dans l’annuaire local du territoire. Aucune donnée personnelle : ni adresse e-mail, ni annonce de particulier.',
    licenses: [LICENSE],
    resources: OPEN_DATA_RESOURCES.flatMap((name) =>
      OPEN_DATA_FORMATS.map((format) => ({
        name: `${name}-${format}`,
        title: RESOURCE_TITLES[name],
        path: `${base}/${slug}/${name}.${format}`,
        format,
        mediatype: format === 'csv' ? 'text/csv' : format === 'json' ? 'application/json' : 'application/geo+json',
        encoding: 'utf-8',
        ...(format === 'csv' ? { dialect: { delimiter: ',', header: true } } : {}),
        schema: SCHEMAS[name],
      })),
    ),
  }
}
