import { Breadcrumbs } from '@/components/site/Breadcrumbs'

export default function NotFound() {
  return (
    <div className="container">
      <Breadcrumbs items={[{ label: 'Page introuvable' }]} />
      <h1>Page introuvable</h1>
      <p>
        Cette page n’existe pas ou plus : la fiche a peut-être été retirée, ou l’annonce a expiré.
      </p>
      <ul>
        <li>
          <a href="/recherche">Rechercher dans l’annuaire</a>
        </li>
        <li>
          <a href="/categories">Parcourir les catégories</a>
        </li>
        <li>
          <a href="/communes">Voir les communes</a>
        </li>
      </ul>
    </div>
  )
}
