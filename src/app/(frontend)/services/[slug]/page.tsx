import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DetailActions, ExampleNotice } from '@/components/site/DetailActions'
import { ExampleBadge } from '@/components/site/ExampleBadge'
import { JsonLd } from '@/components/site/JsonLd'
import { NotFoundContent } from '@/components/site/NotFoundContent'
import { OpeningHours } from '@/components/site/OpeningHours'
import type { Association, Business, Category, Commune } from '@/payload-types'
import { findEntry, relationId } from '@/site/directory'
import { toOpeningHours } from '@/site/hours'
import { serviceJsonLd } from '@/site/jsonLd'
import { KIND_LABELS, PRICE_LABELS } from '@/site/labels'
import { pageMetadata } from '@/site/metadata'
import { absoluteUrl, getCurrentTerritory } from '@/site/territory'
import { categoryPath, communePath, entryPath } from '@/territories/urls'
import { trackView } from '@/stats/track'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

async function load(slug: string) {
  const territory = await getCurrentTerritory()
  return territory ? findEntry('services', decodeURIComponent(slug), territory.id) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await load((await params).slug)
  if (!entry) return { title: 'Page introuvable', robots: { index: false } }
  return pageMetadata({ title: entry.title, description: entry.description, path: entryPath('services', entry.slug ?? String(entry.id)) })
}

const objects = <T,>(values: unknown[] | null | undefined): T[] =>
  (values ?? []).filter((v): v is T => typeof v === 'object' && v !== null)

export default async function ServicePage({ params }: Props) {
  const territory = await getCurrentTerritory()
  const entry = await load((await params).slug)
  if (!territory || !entry) return <NotFoundContent />
  await trackView({ territory: territory.id, kind: 'services', id: entry.id, communeId: relationId(entry.commune), categoryIds: entry.categories })
  const providerDoc = typeof entry.provider.value === 'object' ? (entry.provider.value as Business | Association) : null
  // The provider is shown only when it is itself public (published).
  const provider =
    providerDoc && providerDoc.status === 'published'
      ? { kind: entry.provider.relationTo, name: providerDoc.name, path: entryPath(entry.provider.relationTo, providerDoc.slug ?? String(providerDoc.id)) }
      : null
  const categories = objects<Category>(entry.categories)
  const served = objects<Commune>(entry.communesServed).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const commune = typeof entry.commune === 'object' ? entry.commune : null
  const slug = entry.slug ?? String(entry.id)
  const url = await absoluteUrl(entryPath('services', slug))
  const first = categories[0]
  const hours = toOpeningHours(entry.openingHours)
  return (
    <div className="container">
      <JsonLd
        data={serviceJsonLd(entry, provider ? { kind: provider.kind, name: provider.name, url: await absoluteUrl(provider.path) } : null, served, url)}
      />
      <Breadcrumbs
        items={[
          first ? { href: categoryPath(first.slug ?? String(first.id)), label: first.name } : { href: '/recherche', label: 'Recherche' },
          { label: entry.title },
        ]}
      />
      <header className="profile-header">
        <p className="card-kind">
          <span className="tag">{KIND_LABELS.services.one}</span>
          {entry.isExample ? <ExampleBadge /> : null}
        </p>
        <h1>{entry.title}</h1>
        {provider ? (
          <p className="card-meta">
            Proposé par <a href={provider.path}>{provider.name}</a>
          </p>
        ) : null}
      </header>
      {entry.isExample ? <ExampleNotice what="Ce service" /> : null}
      <div className="profile-layout">
        <div>
          <dl className="meta-list">
            <dt>Tarif</dt>
            <dd>{PRICE_LABELS[entry.priceType]}</dd>
            {entry.availability ? (
              <>
                <dt>Disponibilité</dt>
                <dd>{entry.availability}</dd>
              </>
            ) : null}
            {categories.length ? (
              <>
                <dt>Catégories</dt>
                <dd>
                  {categories.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 ? ', ' : ''}
                      <a href={categoryPath(c.slug ?? String(c.id))}>{c.name}</a>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {commune ? (
              <>
                <dt>Commune</dt>
                <dd>
                  <a href={communePath(commune.slug)}>{commune.name}</a>
                </dd>
              </>
            ) : null}
          </dl>
          {entry.description ? (
            <section aria-labelledby="presentation">
              <h2 id="presentation">Présentation</h2>
              <p className="description">{entry.description}</p>
            </section>
          ) : null}
          {hours ? <OpeningHours hours={hours} now={new Date()} /> : null}
          {served.length ? (
            <section aria-labelledby="communes-desservies">
              <h2 id="communes-desservies">Communes desservies</h2>
              <ul className="commune-list" role="list">
                {served.map((c) => (
                  <li key={c.id}>
                    <a href={communePath(c.slug)}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="profile-aside" aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          {provider ? (
            <p>
              Ce service est proposé par <a href={provider.path}>{provider.name}</a> : son téléphone
              {hours ? ' est' : ' et ses horaires sont'} sur sa fiche.
            </p>
          ) : null}
          <DetailActions kind="services" slug={slug} contactLabel="Demander ce service" />
        </aside>
      </div>
    </div>
  )
}
