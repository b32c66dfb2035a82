import type { Metadata } from 'next'

import type { Commune } from '@/payload-types'
import { findEntry, relationId, servicesOf } from '@/site/directory'
import { toOpeningHours } from '@/site/hours'
import { profileJsonLd } from '@/site/jsonLd'
import { pageMetadata } from '@/site/metadata'
import { absoluteUrl, getCurrentTerritory } from '@/site/territory'
import { entryPath } from '@/territories/urls'
import { trackView } from '@/stats/track'

import { JsonLd } from './JsonLd'
import { NotFoundContent } from './NotFoundContent'
import { ProfileDetail } from './ProfileDetail'

type ProfileKind = 'businesses' | 'associations'
type Props = { params: Promise<{ slug: string }> }

/**
 * The public page of a business (/entreprises/…) or an association (/associations/…):
 * metadata and page for one route, which re-exports them.
 */
export function profilePage(kind: ProfileKind) {
  async function load(slug: string) {
    const territory = await getCurrentTerritory()
    return territory ? findEntry(kind, decodeURIComponent(slug), territory.id) : null
  }

  async function generateMetadata({ params }: Props): Promise<Metadata> {
    const entry = await load((await params).slug)
    if (!entry) return { title: 'Page introuvable', robots: { index: false } }
    const commune = typeof entry.commune === 'object' ? entry.commune.name : ''
    return pageMetadata({
      title: commune ? `${entry.name}, ${commune}` : entry.name,
      description: entry.description,
      path: entryPath(kind, entry.slug ?? String(entry.id)),
      type: 'profile',
    })
  }

  async function ProfilePage({ params }: Props) {
    const territory = await getCurrentTerritory()
    const entry = await load((await params).slug)
    if (!territory || !entry) return <NotFoundContent />
    const services = await servicesOf({ relationTo: kind, id: entry.id }, territory.id)
    const url = await absoluteUrl(entryPath(kind, entry.slug ?? String(entry.id)))
    const commune = typeof entry.commune === 'object' ? (entry.commune as Commune) : null
    await trackView({ territory: territory.id, kind, id: entry.id, communeId: relationId(entry.commune), categoryIds: entry.categories })
    return (
      <>
        <JsonLd data={profileJsonLd(kind, entry, commune, url, toOpeningHours(entry.openingHours))} />
        <ProfileDetail kind={kind} entry={entry} services={services} now={new Date()} />
      </>
    )
  }

  return { generateMetadata, ProfilePage }
}
