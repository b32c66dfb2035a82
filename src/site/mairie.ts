import type { Commune, Territory } from '@/payload-types'

/**
 * Where a resident turns to about a municipal notice: the mairie of its commune (address,
 * phone, e-mail, opening hours, as the paper booklet's contact box prints them), else the
 * intercommunalité's contact under its own name — never passed off as the mairie's.
 */
export type MairieContact = { title: string; isMairie: boolean; addressLines: string[]; phone?: string; email?: string; hoursLines: string[] }

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const lines = (value: unknown): string[] =>
  (text(value) ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)

type CommuneLike = Pick<Commune, 'name'> & { mairie?: Commune['mairie'] }
type TerritoryLike = Pick<Territory, 'name'> & Partial<Pick<Territory, 'address' | 'contactPhone' | 'contactEmail'>>

export function mairieContact(commune: CommuneLike | null | undefined, territory: TerritoryLike | null | undefined): MairieContact | null {
  const mairie = commune?.mairie
  if (commune && mairie && (text(mairie.address) || text(mairie.phone) || text(mairie.hours))) {
    return {
      title: `Mairie de ${commune.name}`,
      isMairie: true,
      addressLines: lines(mairie.address),
      phone: text(mairie.phone),
      email: text(mairie.email),
      hoursLines: lines(mairie.hours),
    }
  }
  if (!territory || !(text(territory.address) || text(territory.contactPhone) || text(territory.contactEmail))) return null
  return {
    title: territory.name,
    isMairie: false,
    addressLines: lines(territory.address),
    phone: text(territory.contactPhone),
    email: text(territory.contactEmail),
    hoursLines: [],
  }
}
