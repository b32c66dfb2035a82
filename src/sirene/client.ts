import { z } from 'zod'

/** Public company register search (API Recherche d'entreprises, DINUM), free and without key. */
export const DEFAULT_SIRENE_API_URL = 'https://recherche-entreprises.api.gouv.fr'

export const sireneBaseUrl = () => (process.env.SIRENE_API_URL || DEFAULT_SIRENE_API_URL).replace(/\/+$/, '')

const text = z.string().nullish()
const establishment = z.object({
  siret: z.string(),
  activite_principale: text,
  adresse: text,
  code_postal: text,
  commune: text,
  libelle_commune: text,
  numero_voie: text,
  indice_repetition: text,
  type_voie: text,
  libelle_voie: text,
  complement_adresse: text,
  latitude: z.union([z.string(), z.number()]).nullish(),
  longitude: z.union([z.string(), z.number()]).nullish(),
  nom_commercial: text,
  liste_enseignes: z.array(z.string()).nullish(),
  etat_administratif: text,
})
const responseSchema = z.object({
  results: z.array(
    z.object({
      siren: z.string(),
      nom_complet: text,
      nom_raison_sociale: text,
      activite_principale: text,
      siege: establishment.partial().nullish(),
      matching_etablissements: z.array(establishment).nullish(),
    }),
  ),
})

/** What the form can fill from the register; the person checks and completes it. */
export type SirenePrefill = {
  siret: string
  name: string
  activity?: string
  street?: string
  postcode?: string
  inseeCode?: string
  communeName?: string
  latitude?: number
  longitude?: number
  closed: boolean
}

export class SireneUnavailable extends Error {}

const TYPES_VOIE: Record<string, string> = { RUE: 'rue', AV: 'avenue', BD: 'boulevard', PL: 'place', CHE: 'chemin', RTE: 'route', IMP: 'impasse', ALL: 'allée', QUA: 'quai', SQ: 'square', CRS: 'cours', PAS: 'passage', LD: 'lieu-dit', HAM: 'hameau', RLE: 'ruelle', SEN: 'sentier', FG: 'faubourg' }

const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au', 'a'])

/** "BOULANGERIE DU MARCHE" → "Boulangerie du Marche" (the register writes in capitals, without accents). */
function titleCase(s: string) {
  return s
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|['’-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())))
    .join(' ')
}

function streetOf(e: z.infer<typeof establishment>): string | undefined {
  const parts = [e.numero_voie, e.indice_repetition, e.type_voie ? (TYPES_VOIE[e.type_voie] ?? e.type_voie.toLowerCase()) : '', e.libelle_voie ? titleCase(`x ${e.libelle_voie}`).slice(2) : '']
  const street = parts.filter(Boolean).join(' ').trim()
  return street || undefined
}

const numberOf = (v: string | number | null | undefined) => {
  const n = typeof v === 'number' ? v : v ? Number(v) : NaN
  return Number.isFinite(n) ? n : undefined
}

/**
 * Looks a SIRET up in the register. `null` when unknown; throws `SireneUnavailable` when the
 * service cannot be reached or answers oddly (the form then works by hand).
 */
export async function lookupSiret(
  siret: string,
  options: { baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<SirenePrefill | null> {
  const clean = siret.replace(/\s/g, '')
  if (!/^\d{14}$/.test(clean)) return null
  const url = `${options.baseUrl ?? sireneBaseUrl()}/search?q=${clean}&page=1&per_page=1`
  let body: unknown
  try {
    const res = await (options.fetch ?? fetch)(url, {
      headers: { Accept: 'application/json', 'User-Agent': 'annuaire-local' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
    if (res.status === 404) return null
    if (!res.ok) throw new SireneUnavailable(`Répertoire des entreprises indisponible (HTTP ${res.status}).`)
    body = await res.json()
  } catch (error) {
    if (error instanceof SireneUnavailable) throw error
    throw new SireneUnavailable('Répertoire des entreprises injoignable : remplissez la fiche à la main.')
  }
  const parsed = responseSchema.safeParse(body)
  if (!parsed.success) throw new SireneUnavailable('Réponse inattendue du répertoire des entreprises.')
  for (const company of parsed.data.results) {
    const e = company.matching_etablissements?.find((m) => m.siret === clean) ?? (company.siege?.siret === clean ? (company.siege as z.infer<typeof establishment>) : undefined)
    if (!e) continue
    const brand = e.nom_commercial || e.liste_enseignes?.[0]
    return {
      siret: clean,
      name: titleCase(brand || company.nom_raison_sociale || company.nom_complet || ''),
      activity: e.activite_principale ?? company.activite_principale ?? undefined,
      street: streetOf(e),
      postcode: e.code_postal ?? undefined,
      inseeCode: e.commune ?? undefined,
      communeName: e.libelle_commune ? titleCase(e.libelle_commune) : undefined,
      latitude: numberOf(e.latitude),
      longitude: numberOf(e.longitude),
      closed: e.etat_administratif === 'F',
    }
  }
  return null
}
