/**
 * How a territory's or a commune's name reads inside a French sentence: « de la CC de la
 * Picardie Verte », « du Pays de Bray », « d’Aumale ». A territory may give its name with its
 * article (« nom avec article »); otherwise the article is derived from the kind of
 * intercommunalité the name starts with.
 */
export type NamedTerritory = { name: string; nameWithArticle?: string | null }

/** Feminine kinds of intercommunalité (« la CC… », « l’Agglomération… »). */
const FEMININE = /^(CC|CA|CU|Communauté|Métropole|Agglomération|Agglo|Eurométropole)(?=[\s’'-]|$)/i
/** Masculine ones (« le Pays de Bray », « le PETR… »). */
const MASCULINE = /^(Pays|Syndicat|PETR|Pôle|SIVOM|SIVU|Établissement)(?=[\s’'-]|$)/i
// No « h »: aspirated or not depends on the word (« de Hardivillers », « d’Hornoy »).
/** A leading article: « les Sources », « le Hamel », « l’Agglomération ». */
const ARTICLE = /^(les|le|la|l’|l')(?:\s+|(?<=’|'))(.+)$/i
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœ]/i

/** Whether « de » / « le » elide before this word (« d’Aumale », « l’Agglomération »). */
function elides(word: string): boolean {
  // An acronym is spelt letter by letter: « de la CA », never « d’CA ».
  if (/^[A-Z]{2,}\b/.test(word)) return false
  return VOWEL.test(word)
}

/** « la CC de la Picardie Verte », « le Pays de Bray », or the name alone when no article applies. */
export function withArticle(territory: NamedTerritory): string {
  const own = territory.nameWithArticle?.trim()
  if (own) return own
  const name = territory.name.trim()
  if (FEMININE.test(name)) return /^(Agglomération|Agglo|Eurométropole)/i.test(name) ? `l’${name}` : `la ${name}`
  if (MASCULINE.test(name)) return elides(name) ? `l’${name}` : `le ${name}`
  return name
}

/** « de » before a name with or without its article: « du », « des », « de la », « de l’ », « d’ ». */
function contract(preposition: 'de' | 'à', phrase: string): string {
  const [, article, rest] = ARTICLE.exec(phrase) ?? []
  if (article && rest) {
    const a = article.toLowerCase()
    if (a === 'le') return `${preposition === 'de' ? 'du' : 'au'} ${rest}`
    if (a === 'les') return `${preposition === 'de' ? 'des' : 'aux'} ${rest}`
    // « de La Ferté-Saint-Aubin »: a commune's article keeps its capital.
    return `${preposition} ${a === 'la' ? `${article} ` : article.charAt(0) + '’'}${rest}`
  }
  if (preposition === 'de' && elides(phrase)) return `d’${phrase}`
  return `${preposition} ${phrase}`
}

/** « de la CC de la Picardie Verte », « du Pays de Bray ». */
export function ofTerritory(territory: NamedTerritory): string {
  return contract('de', withArticle(territory))
}

/** « à la CC de la Picardie Verte », « au Pays de Bray ». */
export function toTerritory(territory: NamedTerritory): string {
  return contract('à', withArticle(territory))
}

/** « dans la CC de la Picardie Verte »; « à » before a name without article. */
export function inTerritory(territory: NamedTerritory): string {
  const phrase = withArticle(territory)
  return ARTICLE.test(phrase) ? `dans ${phrase}` : `à ${phrase}`
}

/** « de Formerie », « d’Aumale »: a place name after « de ». */
export function ofPlace(name: string): string {
  return contract('de', name)
}

/** The first letter in capitals, for a phrase that starts a sentence. */
export function capitalized(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1)
}
