import {
  normalizeRna,
  normalizeSiret,
  postcodeMatchesCommune,
  validateEmail,
  validateFrenchPhone,
  validateHttpUrl,
  validatePostcode,
  validateRna,
  validateSiret,
} from '@/fields/validators'

import { type CategoryMatch, type CategoryRef, matchCategory, splitCategories } from './categories'
import { foldName, type Mapping } from './mapping'

export type EntryKind = 'businesses' | 'associations'
export type Lookup = {
  communes: Array<{ id: number | string; name: string; inseeCode: string; postcodes: string[] }>
  categories: CategoryRef[]
}

/** A spreadsheet row turned into the data of an entry, or the reasons it is refused. */
export type PreparedRow =
  | { ok: true; kind: EntryKind; data: EntryData; matches: CategoryMatch[] }
  | { ok: false; kind?: EntryKind; name?: string; errors: string[]; matches?: CategoryMatch[] }

export type EntryData = {
  name: string
  siret?: string
  rna?: string
  activity?: string
  categories: Array<number | string>
  description?: string
  street?: string
  postcode?: string
  commune: number | string
  phone?: string
  email?: string
  website?: string
}

const KIND_WORDS: Record<string, EntryKind> = {
  entreprise: 'businesses',
  commerce: 'businesses',
  artisan: 'businesses',
  societe: 'businesses',
  business: 'businesses',
  businesses: 'businesses',
  association: 'associations',
  asso: 'associations',
  associations: 'associations',
}

function kindOf(raw: string | undefined, rna: string | undefined, fallback: EntryKind | undefined): EntryKind | string {
  if (raw) return KIND_WORDS[foldName(raw)] ?? `Type « ${raw} » inconnu : écrivez « entreprise » ou « association ».`
  if (fallback) return fallback
  return rna ? 'associations' : 'businesses'
}

/** Checks one row with the same validators as the admin forms, and resolves its commune and categories. */
export function prepareRow(
  raw: Record<string, string>,
  mapping: Mapping,
  lookup: Lookup,
  defaultKind?: EntryKind,
  options: { allowMissingCategories?: boolean } = {},
): PreparedRow {
  const get = (field: keyof Mapping) => {
    const column = mapping[field]
    const value = column ? raw[column]?.trim() : undefined
    return value ? value : undefined
  }
  const errors: string[] = []
  const check = (label: string, result: true | string) => {
    if (result !== true) errors.push(`${label} : ${result}`)
  }
  const name = get('name')
  const rna = get('rna') ? normalizeRna(get('rna')!) : undefined
  const siret = get('siret') ? normalizeSiret(get('siret')!) : undefined
  const kind = kindOf(get('kind'), rna, defaultKind)
  if (kind !== 'businesses' && kind !== 'associations') return { ok: false, name, errors: [kind] }

  if (!name) errors.push('Nom manquant : écrivez le nom de la structure dans la colonne nom.')
  if (siret) check('SIRET', validateSiret(siret))
  if (rna) {
    if (kind === 'businesses') errors.push('Numéro RNA sur une entreprise : indiquez « association » dans la colonne type.')
    else check('RNA', validateRna(rna))
  }

  const communeText = get('commune')
  let commune: Lookup['communes'][number] | undefined
  if (!communeText) errors.push('Commune manquante : écrivez le nom de la commune (ou son code INSEE) dans la colonne commune.')
  else {
    const folded = foldName(communeText)
    commune = lookup.communes.find((c) => c.inseeCode === communeText || foldName(c.name) === folded)
    if (!commune) errors.push(`Commune « ${communeText} » inconnue sur ce territoire : vérifiez l’orthographe ou donnez le code INSEE.`)
  }

  const categories: Array<number | string> = []
  const matches = splitCategories(get('categories')).map((written) => matchCategory(written, lookup.categories))
  if (matches.length === 0) errors.push('Catégorie manquante : indiquez au moins une catégorie de l’annuaire (plusieurs : séparez-les par « | »).')
  for (const match of matches) if (match.kind !== 'missing' && !categories.includes(match.category.id)) categories.push(match.category.id)
  const missing = matches.filter((m) => m.kind === 'missing')
  if (missing.length && !options.allowMissingCategories) {
    for (const m of missing) errors.push(`Catégorie « ${m.written} » inconnue : cochez sa création après l’essai à blanc, ou écrivez une catégorie de l’annuaire.`)
  }

  const postcode = get('postcode')
  if (postcode) {
    check('Code postal', validatePostcode(postcode))
    if (commune) check('Code postal', postcodeMatchesCommune(postcode, commune.postcodes))
  }
  const phone = get('phone')
  if (phone) check('Téléphone', validateFrenchPhone(phone))
  const email = get('email')
  if (email) check('E-mail', validateEmail(email))
  let website = get('website')
  if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`
  if (website) check('Site web', validateHttpUrl(website))
  const description = get('description')
  if (name && name.length > 150) errors.push('Nom trop long (150 caractères au plus).')
  if (description && description.length > 4000) errors.push('Description trop longue (4 000 caractères au plus).')

  if (errors.length || !commune || !name) return { ok: false, kind, name, errors, matches }
  const data: EntryData = {
    name,
    categories,
    commune: commune.id,
    ...(siret ? { siret } : {}),
    ...(rna ? { rna } : {}),
    ...(kind === 'businesses' && get('activity') ? { activity: get('activity') } : {}),
    ...(description ? { description } : {}),
    ...(get('street') ? { street: get('street') } : {}),
    ...(postcode ? { postcode } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
  }
  return { ok: true, kind, data, matches }
}
