import type { AnnouncementKind, EntryKind, PriceType, SearchSort } from '@/search/types'

/** What each kind of entry is called on the site, singular and plural. */
export const KIND_LABELS: Record<EntryKind, { one: string; many: string }> = {
  businesses: { one: 'Entreprise', many: 'Entreprises' },
  associations: { one: 'Association', many: 'Associations' },
  services: { one: 'Service', many: 'Services' },
  announcements: { one: 'Annonce', many: 'Offres et besoins' },
}

export const ANNOUNCEMENT_LABELS: Record<AnnouncementKind, string> = {
  offer: 'Propose son aide',
  need: 'Cherche de l’aide',
  notice: 'Information municipale',
}

export const PRICE_LABELS: Record<PriceType, string> = {
  free: 'Gratuit',
  paid: 'Payant',
  cesu: 'Payable en CESU',
}

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Pertinence',
  distance: 'Distance',
  date: 'Date (plus récent d’abord)',
}


/**
 * A text to show between brackets, without brackets of its own: « Sophie Lefèvre (mairie de
 * Grandvilliers) » becomes « Sophie Lefèvre, mairie de Grandvilliers ».
 */
export function withoutBrackets(text: string): string {
  return text
    .replace(/\s*\(([^()]*)\)/g, ', $1')
    .replace(/[()]/g, '')
    .replace(/^[\s,]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** "2,4 km", "800 m". */
export function formatDistance(km: number): string {
  // Most entries sit at their commune's centre: below 1 km the figure would be falsely precise.
  if (km < 1) return 'moins de 1 km'
  return `${km.toLocaleString('fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 })} km`
}

/** "12 mars 2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
}
