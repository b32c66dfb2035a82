import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { categoryTree, getCategories } from '@/site/directory'
import { pageMetadata } from '@/site/metadata'
import { runSearch } from '@/site/search'
import { requireTerritory } from '@/site/territory'
import { categoryPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: 'Toutes les catégories',
    description: 'Commerces, artisans, santé, services à la personne, associations : toutes les catégories de l’annuaire.',
    path: '/categories',
  })
}

export default async function CategoriesPage() {
  const territory = await requireTerritory()
  const [categories, all] = await Promise.all([getCategories(territory.id), runSearch({ territory: territory.id, limit: 1 })])
  const counts = new Map(all.facets.categories.map((f) => [Number(f.value), f.count]))
  const count = (id: number) => counts.get(id) ?? 0
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Catégories' }]} />
      <h1>Toutes les catégories</h1>
      <p>Le nombre entre parenthèses indique combien de fiches publiées chaque catégorie contient.</p>
      <div className="category-columns">
        {categoryTree(categories).map(({ category, children }) => (
          <section key={category.id} aria-labelledby={`cat-${category.id}`}>
            <h2 id={`cat-${category.id}`}>
              <a href={categoryPath(category.slug ?? String(category.id))}>{category.name}</a>{' '}
              <span className="hint">({count(category.id)})</span>
            </h2>
            {children.length ? (
              <ul>
                {children.map((c) => (
                  <li key={c.id}>
                    <a href={categoryPath(c.slug ?? String(c.id))}>{c.name}</a> <span className="hint">({count(c.id)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  )
}
