import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { categoryTree, getCategories, getCommunes } from '@/site/directory'
import { pageMetadata } from '@/site/metadata'
import { requireTerritory } from '@/site/territory'
import { categoryPath, communePath, LEGAL_PATHS, OPEN_DATA_PATH } from '@/territories/urls'

export const dynamic = 'force-dynamic'

export function generateMetadata(): Metadata {
  return pageMetadata({ title: 'Plan du site', path: '/plan-du-site' })
}

export default async function SiteMapPage() {
  const territory = await requireTerritory()
  const [categories, communes] = await Promise.all([getCategories(territory.id), getCommunes(territory.id)])
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Plan du site' }]} />
      <h1>Plan du site</h1>
      <ul>
        <li>
          <a href="/">Accueil</a>
        </li>
        <li>
          <a href="/recherche">Rechercher</a>
        </li>
        <li>
          <a href="/annonces">Offres et besoins entre habitants</a>
        </li>
        <li>
          <a href="/carte">Carte</a>
        </li>
        <li>
          <a href="/categories">Catégories</a>
          <ul>
            {categoryTree(categories).map(({ category }) => (
              <li key={category.id}>
                <a href={categoryPath(category.slug ?? '')}>{category.name}</a>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <a href="/communes">Communes</a> ({communes.length} pages, une par commune, par exemple{' '}
          {communes[0] ? <a href={communePath(communes[0].slug)}>{communes[0].name}</a> : null})
        </li>
        <li>
          <a href={LEGAL_PATHS['mentions-legales']}>Mentions légales</a>
        </li>
        <li>
          <a href={LEGAL_PATHS.confidentialite}>Politique de confidentialité</a>
        </li>
        <li>
          <a href={LEGAL_PATHS.accessibilite}>Déclaration d’accessibilité</a>
        </li>
        <li>
          <a href={LEGAL_PATHS['a-propos']}>À propos</a>
        </li>
        <li>
          <a href={OPEN_DATA_PATH}>Données ouvertes</a>
        </li>
      </ul>
    </div>
  )
}
