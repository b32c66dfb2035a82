import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { CommuneSelect, RadiusSelect } from '@/components/site/CommuneSelect'
import { EntryList } from '@/components/site/EntryCard'
import { MapBlock } from '@/components/site/MapBlock'
import { hitToCard, lookupOf } from '@/site/cards'
import { categoryTree, getCategories, getCommunes } from '@/site/directory'
import { plural } from '@/i18n/plural'
import type { MapMarker } from '@/site/map'
import { pageMetadata } from '@/site/metadata'
import { cardRadiusOf, resolveSearch, runSearch } from '@/site/search'
import { parseSiteSearch, type RawSearchParams } from '@/site/searchParams'
import { requireTerritory } from '@/site/territory'
import { searchPath, searchQueryString } from '@/territories/urls'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<RawSearchParams> }

const MAP_LIMIT = 100

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const search = parseSiteSearch(await searchParams)
  return pageMetadata({ title: 'Carte de l’annuaire', path: `/carte${searchQueryString(search)}`, noindex: Object.keys(search).length > 0 })
}

/** The map view; the list under it holds the same places and is the accessible alternative. */
export default async function MapPage({ searchParams }: Props) {
  const territory = await requireTerritory()
  const search = { ...parseSiteSearch(await searchParams), page: undefined }
  const [categories, communes] = await Promise.all([getCategories(territory.id), getCommunes(territory.id)])
  const resolved = resolveSearch(search, territory, categories, communes, MAP_LIMIT)
  const result = await runSearch(resolved.query)
  const lookup = lookupOf(communes, categories)
  const cards = result.hits.map((hit) => hitToCard(hit, lookup, cardRadiusOf(resolved)))
  const markers: MapMarker[] = result.hits.flatMap((hit, i) => {
    // Announcements are placed at their commune's centre: a resident's street is never shown.
    const commune = hit.communeId !== null ? lookup.communes.get(Number(hit.communeId)) : undefined
    const point =
      hit.kind === 'announcements'
        ? commune?.latitude != null && commune.longitude != null
          ? { lat: commune.latitude, lng: commune.longitude }
          : null
        : hit.latitude !== null && hit.longitude !== null
          ? { lat: hit.latitude, lng: hit.longitude }
          : null
    return point ? [{ ...point, title: hit.title, href: cards[i]!.href, detail: cards[i]!.communeName ?? undefined }] : []
  })
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Carte' }]} />
      <h1>Carte de l’annuaire</h1>
      <form action="/carte" method="get" className="inline-form notice-box" aria-label="Choisir ce que montre la carte">
        <div className="field">
          <label htmlFor="q-carte">Mots recherchés</label>
          <input id="q-carte" name="q" type="search" defaultValue={search.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="categorie-carte">Catégorie</label>
          <select id="categorie-carte" name="categorie" defaultValue={search.categorie ?? ''}>
            <option value="">Toutes les catégories</option>
            {categoryTree(categories).map(({ category, children }) => (
              <optgroup key={category.id} label={category.name}>
                <option value={category.slug ?? ''}>{`${category.name} (tout)`}</option>
                {children.map((c) => (
                  <option key={c.id} value={c.slug ?? ''}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="commune-carte">Commune</label>
          <CommuneSelect id="commune-carte" communes={communes} value={search.commune} />
        </div>
        <div className="field">
          <label htmlFor="rayon-carte">Distance</label>
          <RadiusSelect id="rayon-carte" value={search.rayon} />
        </div>
        {/* Filters this form does not show (type, announcement kind, price, position, sort) are kept. */}
        {(['type', 'annonce', 'tarif'] as const).flatMap((name) =>
          (search[name] ?? []).map((value) => <input key={`${name}-${value}`} type="hidden" name={name} value={value} />),
        )}
        {search.lat !== undefined && search.lng !== undefined ? (
          <>
            <input type="hidden" name="lat" value={search.lat} />
            <input type="hidden" name="lng" value={search.lng} />
          </>
        ) : null}
        {search.tri ? <input type="hidden" name="tri" value={search.tri} /> : null}
        <button type="submit" className="button">
          Afficher
        </button>
        {search.type?.length || search.annonce?.length || search.tarif?.length ? (
          <p className="hint">
            Les autres filtres (type, tarif) sont gardés : <a href={searchPath(search)}>les modifier dans la recherche détaillée</a>.
          </p>
        ) : null}
      </form>
      <p className="result-count">
        {plural(result.total, 'lieu', 'lieux')}
        {result.total > MAP_LIMIT ? ` : les ${MAP_LIMIT} premiers sont affichés, précisez la recherche pour voir les autres.` : ''}{' '}
        <a href={searchPath(search)}>Voir en liste détaillée</a>
      </p>
      <MapBlock label="Carte des résultats" markers={markers} large cluster />
      <h2>Liste des lieux de la carte</h2>
      {cards.length ? <EntryList entries={cards} /> : <p>Aucun lieu ne correspond à cette recherche.</p>}
    </div>
  )
}
