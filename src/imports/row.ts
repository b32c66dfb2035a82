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

import { foldName, type Mapping } from './mapping'

export type EntryKind = 'businesses' | 'associations'
export type Lookup = {
  communes: Array<{ id: number | string; name: string; inseeCode: string; postcodes: string[] }>
  categories: Array<{ id: number | string; name: string; slug?: string | null }>
}

/** A spreadsheet row turned into the data of an entry, or the reasons it is refused. */
export type PreparedRow =
  | { ok: true; kind: EntryKind; data: EntryData }
  | { ok: false; kind?: EntryKind; name?: string; errors: string[] }

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
export function prepareRow(raw: Record<string, string>, mapping: Mapping, lookup: Lookup, defaultKind?: EntryKind): PreparedRow {
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

  if (!name) errors.push('Nom manquant.')
  if (siret) check('SIRET', validateSiret(siret))
  if (rna) {
    if (kind === 'businesses') errors.push('Numéro RNA sur une entreprise : indiquez « association » dans la colonne type.')
    else check('RNA', validateRna(rna))
  }

  const communeText = get('commune')
  let commune: Lookup['communes'][number] | undefined
  if (!communeText) errors.push('Commune manquante : indiquez son nom ou son code INSEE.')
  else {
    const folded = foldName(communeText)
    commune = lookup.communes.find((c) => c.inseeCode === communeText || foldName(c.name) === folded)
    if (!commune) errors.push(`Commune « ${communeText} » inconnue sur ce territoire : vérifiez l’orthographe ou donnez le code INSEE.`)
  }

  // Several categories are separated by « | » or « ; » (names may contain commas).
  const categoryNames = (get('categories') ?? '').split(/[|;]/).map((s) => s.trim()).filter(Boolean)
  const categories: Array<number | string> = []
  if (categoryNames.length === 0) errors.push('Catégorie manquante : indiquez au moins une catégorie de l’annuaire.')
  for (const wanted of categoryNames) {
    const folded = foldName(wanted)
    const found = lookup.categories.find((c) => foldName(c.name) === folded || (c.slug && c.slug === wanted))
    if (found) categories.push(found.id)
    else errors.push(`Catégorie « ${wanted} » inconnue : créez-la d’abord ou choisissez une catégorie existante.`)
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

  if (errors.length || !commune || !name) return { ok: false, kind, name, errors }
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
  return { ok: true, kind, data }
}
