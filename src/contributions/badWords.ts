/**
 * A short French list of insults and spam words. A message that contains one is not sent:
 * it is kept « retenue pour modération » for the mairie to read. Matching ignores case,
 * accents and simple letter substitutions (0→o, 1→i, 3→e, 4→a, @→a, $→s).
 */
export const BAD_WORDS_FR = [
  'connard', 'connasse', 'conasse', 'salope', 'salaud', 'encule', 'enculee', 'enculer', 'pute', 'putain',
  'batard', 'fdp', 'ntm', 'nique', 'niquer', 'ta gueule', 'ferme ta gueule', 'pd', 'pede', 'tapette',
  'gouine', 'negro', 'bougnoule', 'youpin', 'bicot', 'raton', 'sale arabe', 'sale noir', 'sale juif',
  'abruti', 'debile', 'cretin', 'attarde', 'mongol', 'triso', 'grognasse', 'poufiasse', 'pouffiasse',
  'trou du cul', 'fils de pute', 'va te faire', 'creve', 'je vais te tuer', 'je vais te buter', 'suicide toi',
  'viagra', 'cialis', 'casino en ligne', 'bitcoin garanti', 'crypto garanti', 'gagnez de l argent', 'escort',
] as const

export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[0]/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[4@]/g, 'a')
    .replace(/\$/g, 's')
    .replace(/[^a-z]+/g, ' ')
    .trim()
}

const PATTERNS = BAD_WORDS_FR.map((word) => new RegExp(`(^| )${normalizeForMatching(word).replace(/ /g, ' ?')}s?( |$)`))

/** The first bad word found in the texts, or null. */
export function findBadWord(...texts: Array<string | null | undefined>): string | null {
  const normalized = ` ${normalizeForMatching(texts.filter(Boolean).join(' '))} `
  for (let i = 0; i < PATTERNS.length; i++) if (PATTERNS[i]!.test(normalized)) return BAD_WORDS_FR[i]!
  return null
}
