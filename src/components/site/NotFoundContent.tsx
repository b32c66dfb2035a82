import { Breadcrumbs } from './Breadcrumbs'

/** Marks a page as « not found »: the HTML delivery middleware turns it into an HTTP 404. */
export const NOT_FOUND_MARKER = 'data-http-status'

/**
 * The site's « Page introuvable ». Pages render it instead of calling Next's notFound():
 * without the Next client runtime (see src/server/htmlDelivery.ts) a notFound() thrown while
 * rendering leaves an empty page, since Next draws its not-found page in the browser.
 */
export function NotFoundContent() {
  return (
    <div className="container" {...{ [NOT_FOUND_MARKER]: '404' }}>
      <Breadcrumbs items={[{ label: 'Page introuvable' }]} />
      <h1>Page introuvable</h1>
      <p>Cette page n’existe pas ou plus : la fiche a peut-être été retirée, ou l’annonce a expiré.</p>
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
