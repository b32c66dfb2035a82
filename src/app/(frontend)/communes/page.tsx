import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { getCommunes } from '@/site/directory'
import { pageMetadata } from '@/site/metadata'
import { runSearch } from '@/site/search'
import { requireTerritory } from '@/site/territory'
import { communePath } from '@/territories/urls'
import { ofTerritory } from '@/territories/names'

export const dynamic = 'force-dynamic'

export function generateMetadata(): Metadata {
  return pageMetadata({ title: 'Les communes', description: 'Les communes du territoire et leurs adresses utiles.', path: '/communes' })
}

/** Every commune with its number of entries: also the printable list handed out at the mairie. */
export default async function CommunesPage() {
  const territory = await requireTerritory()
  const [communes, all] = await Promise.all([getCommunes(territory.id), runSearch({ territory: territory.id, limit: 1 })])
  const counts = new Map(all.facets.communes.map((f) => [Number(f.value), f.count]))
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Communes' }]} />
      <h1>Les {communes.length} communes {ofTerritory(territory)}</h1>
      <p>
        Chaque commune a sa page avec ses commerces, artisans, associations, services et annonces. Ces pages
        s’impriment : la mairie peut remettre l’annuaire sur papier aux habitants qui n’ont pas internet.
      </p>
      <button type="button" className="button button-secondary no-print" data-print="" hidden>
        Imprimer cette liste
      </button>
      <table className="data-table">
        <caption>Communes, code postal et nombre de fiches</caption>
        <thead>
          <tr>
            <th scope="col">Commune</th>
            <th scope="col">Code postal</th>
            <th scope="col" className="wide-only">
              Population
            </th>
            <th scope="col">Fiches</th>
          </tr>
        </thead>
        <tbody>
          {communes.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={communePath(c.slug)}>{c.name}</a>
              </th>
              <td>{(c.postcodes ?? []).join(', ')}</td>
              <td className="wide-only">{c.population != null ? c.population.toLocaleString('fr-FR') : ''}</td>
              <td>{counts.get(c.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
