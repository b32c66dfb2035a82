import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { EntryList } from '@/components/site/EntryCard'
import { Facets } from '@/components/site/Facets'
import { HelpCallsToAction } from '@/components/site/HelpCallsToAction'
import { PageBeyondEnd, Pagination } from '@/components/site/Pagination'
import { SearchFilters } from '@/components/site/SearchFilters'
import { hitToCard, lookupOf } from '@/site/cards'
import { getCategories, getCommunes } from '@/site/directory'
import { plural } from '@/i18n/plural'
import { pageMetadata } from '@/site/metadata'
import { cardRadiusOf, type ResolvedSearch, resolveSearch, runSearch, zeroResultSuggestions } from '@/site/search'
import { parseSiteSearch, type RawSearchParams } from '@/site/searchParams'
import { requireTerritory } from '@/site/territory'
import { searchPath, searchQueryString, type SiteSearch } from '@/territories/urls'
import { trackSearch } from '@/stats/track'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<RawSearchParams> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const search = parseSiteSearch(await searchParams)
  return pageMetadata({
    title: search.q ? `Recherche « ${search.q} »` : 'Rechercher dans l’annuaire',
    path: `/recherche${searchQueryString(search)}`,
    noindex: true,
  })
}

function describeScope(resolved: ResolvedSearch): string {
  const parts: string[] = []
  if (resolved.category) parts.push(`dans « ${resolved.category.name} »`)
  // Around a commune, the entries that serve it are found too, wherever they are.
  if (resolved.centre && cardRadiusOf(resolved)) parts.push(`à moins de ${resolved.centre.radiusKm} km de ${resolved.centre.label} ou qui y interviennent`)
  else if (resolved.centre) parts.push(`à moins de ${resolved.centre.radiusKm} km de ${resolved.centre.label}`)
  else if (resolved.commune) parts.push(`à ${resolved.commune.name}`)
  return parts.join(' ')
}

const TYPE_NAMES = { entreprises: 'entreprises', associations: 'associations', services: 'services', annonces: 'annonces' } as const
const ANNOUNCEMENT_NAMES = { offre: 'offres', besoin: 'besoins', information: 'informations municipales' } as const
const PRICE_NAMES = { gratuit: 'gratuit', payant: 'payant', cesu: 'CESU' } as const

function ActiveFilters({ resolved, path }: { resolved: ResolvedSearch; path: (c: Partial<SiteSearch>) => string }) {
  const { search, category, commune, centre } = resolved
  const chips: Array<{ label: string; href: string }> = []
  if (search.q) chips.push({ label: `Mots : ${search.q}`, href: path({ q: undefined }) })
  if (category) chips.push({ label: `Catégorie : ${category.name}`, href: path({ categorie: undefined }) })
  if (commune && !(search.lat !== undefined)) chips.push({ label: `Commune : ${commune.name}`, href: path({ commune: undefined, rayon: undefined }) })
  if (centre?.radiusKm && search.rayon) chips.push({ label: `Rayon : ${centre.radiusKm} km`, href: path({ rayon: undefined }) })
  if (search.lat !== undefined) chips.push({ label: 'Autour de ma position', href: path({ lat: undefined, lng: undefined }) })
  const names = <T extends string>(values: T[] | undefined, labels: Record<T, string>) => (values ?? []).map((v) => labels[v]).join(', ')
  if (search.type?.length) chips.push({ label: `Type : ${names(search.type, TYPE_NAMES)}`, href: path({ type: [] }) })
  if (search.annonce?.length) chips.push({ label: `Annonces : ${names(search.annonce, ANNOUNCEMENT_NAMES)}`, href: path({ annonce: [] }) })
  if (search.tarif?.length) chips.push({ label: `Tarif : ${names(search.tarif, PRICE_NAMES)}`, href: path({ tarif: [] }) })
  if (!chips.length) return null
  return (
    <ul className="active-filters" aria-label="Filtres actifs">
      {chips.map((chip) => (
        <li key={chip.label}>
          <a href={chip.href} aria-label={`Retirer le filtre ${chip.label}`}>
            {chip.label} <span aria-hidden="true">✕</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

export default async function SearchPage({ searchParams }: Props) {
  const territory = await requireTerritory()
  const search = parseSiteSearch(await searchParams)
  const [categories, communes] = await Promise.all([getCategories(territory.id), getCommunes(territory.id)])
  const resolved = resolveSearch(search, territory, categories, communes)
  const result = await runSearch(resolved.query)
  // Counted when the visitor asked for something (words, category or commune), results or not.
  if (search.q || resolved.category || resolved.commune) {
    await trackSearch({
      territory: territory.id,
      text: search.q,
      categoryIds: resolved.category ? [resolved.category.id] : [],
      communeIds: resolved.commune ? [resolved.commune.id] : [],
      resultCount: result.total,
      page: search.page ?? 1,
    })
  }
  const lookup = lookupOf(communes, categories)
  const path = (changes: Partial<SiteSearch>) => searchPath(search, changes)
  const suggestions = result.total === 0 ? await zeroResultSuggestions(resolved, territory, categories, communes, path) : []
  const scope = describeScope(resolved)
  const heading = search.q ? `Résultats pour « ${search.q} »` : 'Rechercher dans l’annuaire'
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Recherche' }]} />
      <h1>{heading}</h1>
      <div className="search-layout">
        {/* On a phone the filters fold behind « Filtrer » so that results come first; open on a wide screen. */}
        <details className="filters filters-fold" data-open-wide="">
          <summary id="titre-filtres">Filtrer</summary>
          <SearchFilters search={search} categories={categories} communes={communes} centre={resolved.centre} defaultRadiusKm={territory.settings?.defaultRadiusKm ?? 10} />
          {result.total > 0 ? (
            <Facets facets={result.facets} search={search} categories={lookup.categories} communes={lookup.communes} path={path} />
          ) : null}
        </details>
        <div id="resultats" tabIndex={-1}>
          <div className="toolbar">
            <p className="result-count" id="nombre-resultats">
              {plural(result.total, 'résultat', 'résultats')}
              {scope ? ` ${scope}` : ''}
              {result.totalPages > 1 ? ` — page ${result.page} sur ${result.totalPages}` : ''}
            </p>
            {result.total > 0 ? (
              <p>
                <a href={searchPath(search, {}, '/carte')}>Voir ces résultats sur la carte</a>
              </p>
            ) : null}
          </div>
          <ActiveFilters resolved={resolved} path={path} />
          {result.total > 0 && result.hits.length === 0 ? (
            <PageBeyondEnd page={search.page ?? 1} totalPages={result.totalPages} href={searchPath(search, { page: result.totalPages })} />
          ) : result.total > 0 ? (
            <>
              <h2 className="sr-only">Liste des résultats</h2>
              <EntryList entries={result.hits.map((hit) => hitToCard(hit, lookup, cardRadiusOf(resolved)))} />
              <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(n) => searchPath(search, { page: n })} />
            </>
          ) : (
            <section className="suggestions" aria-labelledby="titre-suggestions">
              <h2 id="titre-suggestions">Aucun résultat{scope ? ` ${scope}` : ''}</h2>
              {suggestions.length ? (
                <>
                  <p>Essayez plutôt :</p>
                  <ul>
                    {suggestions.map((s) => (
                      <li key={s.href}>
                        <a href={s.href}>{s.label}</a> ({plural(s.count, 'résultat', 'résultats')})
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>
                  Vérifiez l’orthographe, utilisez un mot plus général (par exemple « garage » plutôt que « vidange »)
                  ou <a href="/categories">parcourez les catégories</a>.
                </p>
              )}
              <p>Personne ne propose encore ce que vous cherchez ? Demandez-le aux habitants, ou soyez prévenu dès que ça arrive.</p>
              <HelpCallsToAction words={search.q} categoryId={resolved.category?.id} communeId={resolved.commune?.id} radiusKm={search.rayon} />
            </section>
          )}
        </div>
      </div>
      <p className="sr-only" aria-live="polite" id="annonce-resultats" />
    </div>
  )
}
