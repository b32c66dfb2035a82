import type { Association, Business, Commune, Service, Territory } from '@/payload-types'
import { toSchemaOrgOpeningHours, type OpeningHours } from '@/fields/openingHours'
import { formatFrenchPhone } from '@/fields/validators'

/**
 * schema.org JSON-LD of public pages, so that search engines show the address, phone and
 * hours of a business. Never carries an e-mail address.
 */
type JsonLd = Record<string, unknown>

function postalAddress(entry: { street?: string | null; postcode?: string | null }, commune: Commune | null) {
  return {
    '@type': 'PostalAddress',
    ...(entry.street ? { streetAddress: entry.street } : {}),
    ...(entry.postcode || commune?.postcodes?.[0] ? { postalCode: entry.postcode ?? commune?.postcodes?.[0] } : {}),
    ...(commune ? { addressLocality: commune.name } : {}),
    addressCountry: 'FR',
  }
}

function geo(entry: { latitude?: number | null; longitude?: number | null }) {
  return entry.latitude != null && entry.longitude != null
    ? { geo: { '@type': 'GeoCoordinates', latitude: entry.latitude, longitude: entry.longitude } }
    : {}
}

/** LocalBusiness for a business, Organization for an association. */
export function profileJsonLd(
  kind: 'businesses' | 'associations',
  entry: Business | Association,
  commune: Commune | null,
  url: string,
  hours: OpeningHours | null,
): JsonLd {
  const openingHoursSpecification = hours && hours.weekly.length ? toSchemaOrgOpeningHours(hours) : undefined
  return {
    '@context': 'https://schema.org',
    '@type': kind === 'businesses' ? 'LocalBusiness' : 'Organization',
    '@id': url,
    name: entry.name,
    url,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.phone ? { telephone: formatFrenchPhone(entry.phone) } : {}),
    ...(entry.website ? { sameAs: [entry.website] } : {}),
    address: postalAddress(entry, commune),
    ...geo(entry),
    ...(openingHoursSpecification ? { openingHoursSpecification } : {}),
  }
}

export function serviceJsonLd(
  service: Service,
  provider: { name: string; url: string; kind: 'businesses' | 'associations' } | null,
  areas: Commune[],
  url: string,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': url,
    name: service.title,
    url,
    ...(service.description ? { description: service.description } : {}),
    ...(provider
      ? { provider: { '@type': provider.kind === 'businesses' ? 'LocalBusiness' : 'Organization', name: provider.name, url: provider.url } }
      : {}),
    ...(areas.length ? { areaServed: areas.map((c) => ({ '@type': 'City', name: c.name })) } : {}),
    ...(service.priceType === 'free' ? { offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR' } } : {}),
  }
}

/** The territory as the publisher of the site (home page). */
export function territoryJsonLd(territory: Territory, origin: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: territory.name,
    url: origin || undefined,
    ...(territory.contactPhone ? { telephone: formatFrenchPhone(territory.contactPhone) } : {}),
    ...(territory.address ? { address: { '@type': 'PostalAddress', streetAddress: territory.address, addressCountry: 'FR' } } : {}),
  }
}

/** JSON for a <script type="application/ld+json">: "<" escaped so that no text can close the tag. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
