import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { EntryList } from '@/components/site/EntryCard'
import { ExampleBadge } from '@/components/site/ExampleBadge'
import { MapBlock } from '@/components/site/MapBlock'
import { NotFoundContent } from '@/components/site/NotFoundContent'
import { PhoneLink } from '@/components/site/PhoneLink'
import type { Association, Business, Category } from '@/payload-types'
import { docToCard, lookupOf } from '@/site/cards'
import { getCategories, getCommunes, listEntries, parentId, relationId } from '@/site/directory'
import { compactWeeklyHours, toOpeningHours } from '@/site/hours'
import { pageMetadata } from '@/site/metadata'
import { getCurrentTerritory, requireTerritory } from '@/site/territory'
import { communePath, entryPath, searchPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

async function load(slug: string) {
  const territory = await getCurrentTerritory()
  if (!territory) return null
  const communes = await getCommunes(territory.id)
  return communes.find((c) => c.slug === decodeURIComponent(slug)) ?? null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const commune = await load((await params).slug)
  if (!commune) return { title: 'Page introuvable', robots: { index: false } }
  return pageMetadata({
    title: `${commune.name} : commerces, artisans, associations`,
    description: `Les commerces, artisans, associations, services et annonces de ${commune.name}.`,
    path: communePath(commune.slug),
  })
}

type Profile = { kind: 'businesses' | 'associations'; doc: Business | Association }

/** Profiles grouped under their first category's top-level parent, groups in category order. */
function groupByCategory(profiles: Profile[], categories: Category[]) {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const topOf = (id: number | null): Category | undefined => {
    let c = id !== null ? byId.get(id) : undefined
    while (c && parentId(c) !== null && byId.get(parentId(c)!)) c = byId.get(parentId(c)!)
    return c
  }
  const groups = new Map<string, { order: number; items: Profile[] }>()
  for (const p of profiles) {
    const top = topOf(relationId((p.doc.categories as Array<number | { id: number }>)[0]))
    const name = top?.name ?? 'Autres'
    const group = groups.get(name) ?? { order: top?.order ?? 9999, items: [] }
    group.items.push(p)
    groups.set(name, group)
  }
  return [...groups.entries()].sort((a, b) => a[1].order - b[1].order)
}

/** A commune's directory; printed, it is the paper directory a mairie hands out. */
export default async function CommunePage({ params }: Props) {
  const territory = await requireTerritory()
  const commune = await load((await params).slug)
  if (!commune) return <NotFoundContent />
  const [categories, communes, businesses, associations, services, announcements] = await Promise.all([
    getCategories(territory.id),
    getCommunes(territory.id),
    listEntries('businesses', territory.id, [{ commune: { equals: commune.id } }], { limit: 500, sort: 'name' }),
    listEntries('associations', territory.id, [{ commune: { equals: commune.id } }], { limit: 500, sort: 'name' }),
    listEntries('services', territory.id, [{ or: [{ commune: { equals: commune.id } }, { communesServed: { in: [commune.id] } }] }], { limit: 200, sort: 'title' }),
    listEntries('announcements', territory.id, [{ commune: { equals: commune.id } }], { limit: 50 }),
  ])
  const lookup = lookupOf(communes, categories)
  const notices = announcements.docs.filter((doc) => doc.kind === 'notice')
  const exchanges = announcements.docs.filter((doc) => doc.kind !== 'notice')
  const profiles: Profile[] = [
    ...businesses.docs.map((doc) => ({ kind: 'businesses' as const, doc })),
    ...associations.docs.map((doc) => ({ kind: 'associations' as const, doc })),
  ]
  const groups = groupByCategory(profiles, categories)
  const markers = profiles
    .filter((p) => p.doc.latitude != null && p.doc.longitude != null)
    .map((p) => ({ lat: p.doc.latitude!, lng: p.doc.longitude!, title: p.doc.name, href: entryPath(p.kind, p.doc.slug ?? String(p.doc.id)) }))
  const printedOn = new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
  return (
    <div className="container commune-directory">
      <Breadcrumbs items={[{ href: '/communes', label: 'Communes' }, { label: commune.name }]} />
      <h1>{commune.name}</h1>
      <p className="lead">
        {[(commune.postcodes ?? []).join(', '), commune.population ? `${commune.population.toLocaleString('fr-FR')} habitants` : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="print-only">
        Annuaire de {commune.name} ({territory.name}), imprimé le {printedOn}. Version à jour sur internet ou à la mairie.
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" data-print="" hidden>
          Imprimer l’annuaire de la commune
        </button>
        <a href={`${communePath(commune.slug)}/annuaire.pdf`} type="application/pdf">
          Annuaire papier de {commune.name} (PDF à imprimer)
        </a>
        <a href={searchPath({ commune: commune.slug, rayon: territory.settings?.defaultRadiusKm ?? 10 })}>
          Voir aussi les adresses à moins de {territory.settings?.defaultRadiusKm ?? 10} km
        </a>
      </div>
      {notices.length ? (
        <section aria-labelledby="titre-infos-commune">
          <h2 id="titre-infos-commune">Informations municipales</h2>
          <EntryList entries={notices.map((doc) => docToCard('announcements', doc, lookup))} />
        </section>
      ) : null}
      <MapBlock label={`Carte des adresses de ${commune.name}`} markers={markers} cluster />

      <section aria-labelledby="titre-adresses">
        <h2 id="titre-adresses">Commerces, professionnels et associations</h2>
        {groups.length === 0 ? <p>Aucune fiche pour le moment dans cette commune.</p> : null}
        {groups.map(([name, group]) => (
          <section key={name} aria-label={name}>
            <h3>{name}</h3>
            <ul className="directory-list">
              {group.items.map(({ kind, doc }) => {
                const hours = toOpeningHours(doc.openingHours)
                return (
                  <li key={`${kind}-${doc.id}`}>
                    <a href={entryPath(kind, doc.slug ?? String(doc.id))}>
                      <strong>{doc.name}</strong>
                    </a>
                    {doc.isExample ? (
                      <>
                        {' '}
                        <ExampleBadge />
                      </>
                    ) : null}
                    <br />
                    {[doc.street, doc.phone ? `Tél. ${doc.phone}` : null].filter(Boolean).length ? (
                      <>
                        {doc.street ? <span>{doc.street}</span> : null}
                        {doc.street && doc.phone ? ' · ' : null}
                        {doc.phone ? (
                          <span>
                            Tél. <PhoneLink phone={doc.phone} />
                          </span>
                        ) : null}
                        <br />
                      </>
                    ) : null}
                    {hours ? <span className="hint">Horaires : {compactWeeklyHours(hours)}</span> : null}
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </section>

      {services.docs.length ? (
        <section aria-labelledby="titre-services">
          <h2 id="titre-services">Services disponibles à {commune.name}</h2>
          <EntryList entries={services.docs.map((doc) => docToCard('services', doc, lookup))} />
        </section>
      ) : null}

      <section aria-labelledby="titre-annonces-commune">
        <h2 id="titre-annonces-commune">Offres et demandes d’aide</h2>
        {exchanges.length ? (
          <EntryList entries={exchanges.map((doc) => docToCard('announcements', doc, lookup))} />
        ) : (
          <p>Aucune annonce en cours à {commune.name}.</p>
        )}
      </section>
    </div>
  )
}
