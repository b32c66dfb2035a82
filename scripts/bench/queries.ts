/**
 * The fixed mix of 200 benchmark queries: words, prefixes, typos, words with a commune,
 * facet filters and radius searches, drawn deterministically.
 */
import type { SearchQuery } from '@/search/types'

import { random, typo } from './data'

export type BenchQuery = { label: 'mot' | 'préfixe' | 'faute' | 'mot + commune' | 'facettes' | 'rayon'; query: Omit<SearchQuery, 'territory'> }

export const WORDS = [
  'boulangerie', 'boulanger', 'pain', 'boucherie', 'épicerie', 'ferme', 'miel', 'plombier', 'chauffage', 'électricien',
  'maçon', 'couvreur', 'menuisier', 'peintre', 'jardinier', 'tonte', 'ménage', 'repassage', 'garage', 'garagiste', 'pneus',
  'ordinateur', 'serrurier', 'taxi', 'vélo', 'permis', 'football', 'bibliothèque', 'brocante', 'restaurant', 'crèche',
  'nounou', 'devoirs', 'médecin', 'pharmacie', 'infirmière', 'kiné', 'aide à domicile', 'garde chat', 'covoiturage',
  'courrier', 'conciergerie', 'impôts', 'livraison repas', 'ramonage', 'carte grise', 'cidre', 'fromage', 'ostéopathe',
  'pizza',
]

const PREFIXES = ['boul', 'boulan', 'plomb', 'élec', 'jard', 'gara', 'pharm', 'méde', 'infir', 'menui', 'serru', 'covoit', 'bibli', 'resta', 'coiff']
const TYPO_WORDS = ['boulangerie', 'plombier', 'électricien', 'pharmacie', 'jardinier', 'menuisier', 'serrurier', 'restaurant', 'bibliothèque', 'conciergerie', 'covoiturage', 'infirmière', 'garagiste', 'médecin', 'couvreur']

export type BenchContext = {
  categories: Array<number | string>
  communes: Array<{ id: number | string; name: string; latitude: number; longitude: number }>
}

export function benchQueries(context: BenchContext, seed = 7): BenchQuery[] {
  const rng = random(seed)
  const out: BenchQuery[] = []
  for (const text of WORDS) out.push({ label: 'mot', query: { text } })
  for (let i = 0; i < 30; i++) out.push({ label: 'préfixe', query: { text: PREFIXES[i % PREFIXES.length] } })
  for (let i = 0; i < 30; i++) {
    const word = TYPO_WORDS[i % TYPO_WORDS.length]!
    out.push({ label: 'faute', query: { text: typo(rng, word) } })
  }
  for (let i = 0; i < 20; i++) out.push({ label: 'mot + commune', query: { text: `${rng.pick(WORDS)} ${rng.pick(context.communes).name}` } })
  for (let i = 0; i < 40; i++) {
    const query: BenchQuery['query'] = rng.chance(0.6) ? { text: rng.pick(WORDS) } : {}
    const facet = i % 4
    if (facet === 0) query.categories = [rng.pick(context.categories)]
    if (facet === 1) query.communes = [rng.pick(context.communes).id]
    if (facet === 2) query.kinds = [rng.pick(['businesses', 'associations', 'services', 'announcements'] as const)]
    if (facet === 3) query.priceTypes = [rng.pick(['free', 'paid', 'cesu'] as const)]
    if (rng.chance(0.3)) query.page = 2
    out.push({ label: 'facettes', query })
  }
  for (let i = 0; i < 30; i++) {
    const centre = rng.pick(context.communes)
    out.push({
      label: 'rayon',
      query: {
        ...(rng.chance(0.5) ? { text: rng.pick(WORDS) } : {}),
        near: { latitude: centre.latitude, longitude: centre.longitude, radiusKm: rng.pick([3, 5, 10, 15]) },
        sort: rng.chance(0.5) ? 'distance' : 'relevance',
      },
    })
  }
  return out
}
