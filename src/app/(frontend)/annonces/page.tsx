import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { CommuneSelect } from '@/components/site/CommuneSelect'
import { EntryList } from '@/components/site/EntryCard'
import { HelpCallsToAction } from '@/components/site/HelpCallsToAction'
import { PageBeyondEnd, Pagination } from '@/components/site/Pagination'
import { hitToCard, lookupOf } from '@/site/cards'
import { getCategories, getCommunes } from '@/site/directory'
import { plural } from '@/i18n/plural'
import { ANNOUNCEMENT_LABELS, PRICE_LABELS } from '@/site/labels'
import { pageMetadata } from '@/site/metadata'
import { cardRadiusOf, resolveSearch, runSearch } from '@/site/search'
import { parseSiteSearch, type RawSearchParams } from '@/site/searchParams'
import { requireTerritory } from '@/site/territory'
import { ANNOUNCEMENT_SEGMENTS, PRICE_SEGMENTS, searchPath, searchQueryString } from '@/territories/urls'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<RawSearchParams> }

/** The board's heading, and the notices' own when only they are shown (« Toutes les informations municipales »). */
const BOARD = { title: 'Offres et besoins entre habitants', crumb: 'Offres et besoins' }
const NOTICES = { title: 'Informations municipales', crumb: 'Informations municipales' }
const headingOf = (annonce: string[] | undefined) => (annonce?.length === 1 && annonce[0] === ANNOUNCEMENT_SEGMENTS.notice ? NOTICES : BOARD)

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const search = parseSiteSearch(await searchParams)
  const { page: _page, ...rest } = search
  return pageMetadata({
    title: headingOf(rest.annonce).title,
    description: 'Coups de main entre voisins : je propose mon aide, j’ai besoin d’aide, et les informations des mairies.',
    path: `/annonces${searchQueryString({ annonce: rest.annonce, commune: rest.commune, tarif: rest.tarif })}`,
  })
}

/** The board of offers, needs and municipal notices, newest first, filtered by plain links and a GET form. */
export default async function BoardPage({ searchParams }: Props) {
  const territory = await requireTerritory()
  const raw = parseSiteSearch(await searchParams)
  const search = { annonce: raw.annonce, commune: raw.commune, tarif: raw.tarif, page: raw.page, type: ['annonces' as const], tri: 'date' as const }
  const [categories, communes] = await Promise.all([getCategories(territory.id), getCommunes(territory.id)])
  const resolved = resolveSearch(search, territory, categories, communes)
  const result = await runSearch(resolved.query)
  const lookup = lookupOf(communes, categories)
  const boardPath = (changes: Partial<typeof search>) => {
    const next = { ...search, ...changes }
    return `/annonces${searchQueryString({ annonce: next.annonce, commune: next.commune, tarif: next.tarif, page: next.page })}`
  }
  const kindLinks = [
    { label: 'Toutes', value: undefined },
    ...(Object.keys(ANNOUNCEMENT_SEGMENTS) as Array<keyof typeof ANNOUNCEMENT_SEGMENTS>).map((k) => ({ label: ANNOUNCEMENT_LABELS[k], value: ANNOUNCEMENT_SEGMENTS[k] })),
  ]
  const currentKind = search.annonce?.length === 1 ? search.annonce[0] : undefined
  const heading = headingOf(search.annonce)
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: heading.crumb }]} />
      <h1>{heading.title}</h1>
      {heading === NOTICES ? (
        <p className="lead">Travaux, fermetures, réunions publiques : ce que les mairies du territoire annoncent à leurs habitants.</p>
      ) : (
        <>
          <p className="lead">
            Un voisin propose de conduire à un rendez-vous, une personne âgée cherche quelqu’un pour tondre sa pelouse : les
            coups de main du territoire, gratuits, payants ou payables en CESU, et les informations des mairies.
          </p>
          <HelpCallsToAction communeId={resolved.commune?.id} />
        </>
      )}
      <nav aria-label="Type d’annonce" className="tabs">
        <ul>
          {kindLinks.map((link) => (
            <li key={link.label}>
              <a href={boardPath({ annonce: link.value ? [link.value] : [], page: undefined })} aria-current={currentKind === link.value ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form action="/annonces" method="get" className="inline-form notice-box" aria-label="Filtrer les annonces">
        {currentKind ? <input type="hidden" name="annonce" value={currentKind} /> : null}
        <div className="field">
          <label htmlFor="commune-annonces">Commune</label>
          <CommuneSelect id="commune-annonces" communes={communes} value={search.commune} />
        </div>
        <div className="field">
          <label htmlFor="tarif-annonces">Tarif</label>
          <select id="tarif-annonces" name="tarif" defaultValue={search.tarif?.[0] ?? ''}>
            <option value="">Tous les tarifs</option>
            {(Object.keys(PRICE_SEGMENTS) as Array<keyof typeof PRICE_SEGMENTS>).map((k) => (
              <option key={k} value={PRICE_SEGMENTS[k]}>
                {PRICE_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Filtrer
        </button>
      </form>
      <p className="result-count">{plural(result.total, 'annonce', 'annonces')}</p>
      {result.total && result.hits.length === 0 ? (
        <PageBeyondEnd page={search.page ?? 1} totalPages={result.totalPages} href={boardPath({ page: result.totalPages })} />
      ) : result.total ? (
        <>
          <EntryList entries={result.hits.map((hit) => hitToCard(hit, lookup, cardRadiusOf(resolved)))} headingLevel={2} />
          <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(n) => boardPath({ page: n })} />
        </>
      ) : (
        <p>
          Aucune annonce ne correspond.{' '}
          {search.commune ? <a href={boardPath({ commune: undefined, page: undefined })}>Voir les annonces de toutes les communes</a> : null}
        </p>
      )}
      <p>
        <a href={searchPath({ type: ['annonces'] })}>Chercher parmi les annonces par mots-clés ou par distance</a>
      </p>
    </div>
  )
}
