import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { CommuneSelect, RadiusSelect } from '@/components/site/CommuneSelect'
import { EntryList } from '@/components/site/EntryCard'
import { NotFoundContent } from '@/components/site/NotFoundContent'
import { Pagination } from '@/components/site/Pagination'
import { hitToCard, lookupOf } from '@/site/cards'
import { getCategories, getCommunes, parentId } from '@/site/directory'
import { plural } from '@/i18n/plural'
import { pageMetadata } from '@/site/metadata'
import { runSearch } from '@/site/search'
import type { RawSearchParams } from '@/site/searchParams'
import { getCurrentTerritory, requireTerritory } from '@/site/territory'
import { categoryPath, searchPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> }

async function load(slug: string) {
  const territory = await getCurrentTerritory()
  if (!territory) return null
  const categories = await getCategories(territory.id)
  const category = categories.find((c) => c.slug === decodeURIComponent(slug))
  return category ? { category, categories } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).slug)
  if (!found) return { title: 'Page introuvable', robots: { index: false } }
  return pageMetadata({
    title: found.category.name,
    description: found.category.description ?? `${found.category.name} : les adresses et services du territoire.`,
    path: categoryPath(found.category.slug ?? ''),
  })
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const territory = await requireTerritory()
  const found = await load((await params).slug)
  if (!found) return <NotFoundContent />
  const { category, categories } = found
  const raw = await searchParams
  const page = Math.max(1, Math.min(500, Number(raw.page) || 1))
  const communes = await getCommunes(territory.id)
  const result = await runSearch({ territory: territory.id, categories: [category.id], sort: 'date', page, limit: 20 })
  const lookup = lookupOf(communes, categories)
  const parent = parentId(category) !== null ? categories.find((c) => c.id === parentId(category)) : undefined
  const children = categories.filter((c) => parentId(c) === category.id)
  const slug = category.slug ?? ''
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          { href: '/categories', label: 'Catégories' },
          ...(parent ? [{ href: categoryPath(parent.slug ?? ''), label: parent.name }] : []),
          { label: category.name },
        ]}
      />
      <h1>{category.name}</h1>
      {category.description ? <p className="lead">{category.description}</p> : null}
      {children.length ? (
        <nav aria-labelledby="sous-categories">
          <h2 id="sous-categories">Sous-catégories</h2>
          <ul className="commune-list" role="list">
            {children.map((c) => (
              <li key={c.id}>
                <a href={categoryPath(c.slug ?? '')}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form action="/recherche" method="get" className="notice-box inline-form" aria-label={`Chercher dans ${category.name} près de chez vous`}>
        <input type="hidden" name="categorie" value={slug} />
        <div className="field">
          <label htmlFor="commune-categorie">Près de quelle commune ?</label>
          <CommuneSelect id="commune-categorie" communes={communes} emptyLabel="Choisissez une commune" />
        </div>
        <div className="field">
          <label htmlFor="rayon-categorie">Distance</label>
          <RadiusSelect id="rayon-categorie" value={territory.settings?.defaultRadiusKm ?? 10} />
        </div>
        <button type="submit" className="button">
          Chercher
        </button>
      </form>
      <h2>{plural(result.total, 'fiche', 'fiches')}</h2>
      {result.total ? (
        <>
          <EntryList entries={result.hits.map((hit) => hitToCard(hit, lookup))} />
          <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(n) => `${categoryPath(slug)}${n > 1 ? `?page=${n}` : ''}`} />
        </>
      ) : (
        <p>
          Aucune fiche dans cette catégorie pour le moment.{' '}
          {parent ? (
            <>
              Voyez la catégorie <a href={categoryPath(parent.slug ?? '')}>{parent.name}</a> ou{' '}
            </>
          ) : null}
          <a href={searchPath({ q: category.name })}>cherchez « {category.name} » dans tout l’annuaire</a>.
        </p>
      )}
    </div>
  )
}
