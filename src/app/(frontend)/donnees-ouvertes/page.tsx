import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { FORMAT_LABELS, openDataCatalogue } from '@/opendata/catalogue'
import { LICENSE } from '@/opendata/schema'
import { pageMetadata } from '@/site/metadata'
import { sitePayload } from '@/site/payload'
import { requireTerritory } from '@/site/territory'
import { OPEN_DATA_PATH } from '@/territories/urls'
import { ofTerritory } from '@/territories/names'

export const dynamic = 'force-dynamic'

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: 'Données ouvertes',
    description: 'Les entreprises, associations et services de l’annuaire en CSV, JSON et GeoJSON, sous Licence Ouverte 2.0 (Etalab).',
    path: OPEN_DATA_PATH,
  })
}

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })

export default async function OpenDataPage() {
  const territory = await requireTerritory()
  const catalogue = await openDataCatalogue(await sitePayload(), territory)
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Données ouvertes' }]} />
      <h1>Données ouvertes</h1>
      <div className="prose">
        <p>
          Les fiches publiées dans l’annuaire {ofTerritory(territory)} sont libres de réutilisation : téléchargez-les, croisez-les, publiez-les
          sur <a href="https://www.data.gouv.fr/">data.gouv.fr</a>. Les fichiers sont produits à chaque demande : ils sont toujours à jour.
        </p>
        <p>
          <strong>Licence :</strong> <a href={LICENSE.path}>{LICENSE.title}</a> (Etalab). Vous pouvez les réutiliser librement, y compris à
          des fins commerciales, en mentionnant la source : « Annuaire local — {territory.name} » et la date de mise à jour.
        </p>
        <p>
          Aucune donnée personnelle : ni adresse e-mail, ni compte, ni annonce entre habitants. Seul ce qui est déjà affiché sur le site est
          publié.
        </p>
      </div>
      <table className="data-table open-data-table">
        <caption>Fichiers disponibles ({catalogue.length})</caption>
        <thead>
          <tr>
            <th scope="col">Fichier</th>
            <th scope="col">Fiches</th>
            <th scope="col">Mise à jour</th>
            <th scope="col">Télécharger</th>
            <th scope="col">Description des colonnes</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.map((entry) => (
            <tr key={entry.resource}>
              <th scope="row">{entry.title}</th>
              <td>{entry.count}</td>
              <td>{entry.updatedAt ? <time dateTime={entry.updatedAt}>{longDate(entry.updatedAt)}</time> : 'aucune fiche publiée'}</td>
              <td>
                <ul className="inline-list">
                  {entry.files.map((file) => (
                    <li key={file.format}>
                      <a href={file.path} type={FORMAT_LABELS[file.format].mediatype}>
                        {FORMAT_LABELS[file.format].name}
                        <span className="sr-only"> : {entry.title}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <a href={entry.schemaPath} type="application/json">
                  Schéma<span className="sr-only"> : {entry.title}</span>
                </a>{' '}
                (Table Schema)
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="prose">
        <h2>Formats</h2>
        <ul>
          {Object.values(FORMAT_LABELS).map((format) => (
            <li key={format.name}>
              <strong>{format.name}</strong> : {format.use}.
            </li>
          ))}
        </ul>
        <h2>Publier sur data.gouv.fr</h2>
        <p>
          Les adresses des fichiers ne changent pas : sur data.gouv.fr, ajoutez chaque fichier comme « ressource distante » avec son lien
          ci-dessus, choisissez la licence « Licence Ouverte / Open Licence version 2.0 » et la fréquence de mise à jour « quotidienne ».
          La description complète (licence, colonnes, types) est au format <a href="/api/open-data/schema">Data Package</a>.
        </p>
      </div>
    </div>
  )
}
