import type { Metadata } from 'next'

import { JsonLd } from '@/components/site/JsonLd'
import { NotFoundContent } from '@/components/site/NotFoundContent'
import { ProfileDetail } from '@/components/site/ProfileDetail'
import type { Commune } from '@/payload-types'
import { findEntry, servicesOf } from '@/site/directory'
import { toOpeningHours } from '@/site/hours'
import { profileJsonLd } from '@/site/jsonLd'
import { pageMetadata } from '@/site/metadata'
import { absoluteUrl } from '@/site/origin'
import { getCurrentTerritory } from '@/site/territory'
import { entryPath } from '@/site/urls'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

async function load(slug: string) {
  const territory = await getCurrentTerritory()
  return territory ? findEntry('associations', decodeURIComponent(slug), territory.id) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await load((await params).slug)
  if (!entry) return { title: 'Page introuvable', robots: { index: false } }
  const commune = typeof entry.commune === 'object' ? entry.commune.name : ''
  return pageMetadata({
    title: commune ? `${entry.name}, ${commune}` : entry.name,
    description: entry.description,
    path: entryPath('associations', entry.slug ?? String(entry.id)),
    type: 'profile',
  })
}

export default async function AssociationPage({ params }: Props) {
  const territory = await getCurrentTerritory()
  const entry = await load((await params).slug)
  if (!territory || !entry) return <NotFoundContent />
  const services = await servicesOf({ relationTo: 'associations', id: entry.id }, territory.id)
  const url = await absoluteUrl(entryPath('associations', entry.slug ?? String(entry.id)))
  const commune = typeof entry.commune === 'object' ? (entry.commune as Commune) : null
  return (
    <>
      <JsonLd data={profileJsonLd('associations', entry, commune, url, toOpeningHours(entry.openingHours))} />
      <ProfileDetail kind="associations" entry={entry} services={services} now={new Date()} />
    </>
  )
}
