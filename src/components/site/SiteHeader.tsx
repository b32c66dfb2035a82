import { FormTokenField } from '@/forms/components'
import type { Territory } from '@/payload-types'
import { withoutBrackets } from '@/site/labels'

const NAV = [
  { href: '/', label: 'Accueil' },
  { href: '/recherche', label: 'Rechercher' },
  { href: '/categories', label: 'Catégories' },
  { href: '/communes', label: 'Communes' },
  { href: '/annonces', label: 'Offres et besoins' },
  { href: '/carte', label: 'Carte' },
]

/** Who is logged in, as the header needs it: a name, a logout form token, whether staff. */
export type HeaderViewer = { name: string; logoutToken: string; canOpenAdmin: boolean }

/**
 * The header of every public page: brand, quick search, the account doors (« Se connecter »,
 * or « Mon espace » and « Se déconnecter » once logged in, rendered on the server: no
 * JavaScript), « Espace de gestion » for the staff of the mairies and the intercommunalité,
 * and the « Déposer une annonce » button. A page showing a viewer is never shared
 * between visitors: src/server/htmlDelivery.ts marks it private.
 */
export function SiteHeader({
  territory,
  logo = '/logo.svg',
  viewer = null,
}: {
  territory: Territory | null
  logo?: string
  viewer?: HeaderViewer | null
}) {
  return (
    <header className="site-header">
      <div className="container header-body">
        <a href="/" className="brand">
          <img src={logo} alt="" width={44} height={44} />
          <span className="brand-text">
            <span className="brand-name">{territory?.name ?? 'Annuaire local'}</span>
            <span className="brand-tagline">L’annuaire local : commerces, artisans, associations, services et entraide</span>
          </span>
        </a>
        <div className="account-doors">
          {viewer ? (
            <>
              <a href="/mon-espace" className="door-link" data-session="">
                Mon espace<span className="sr-only"> ({withoutBrackets(viewer.name)})</span>
              </a>
              {viewer.canOpenAdmin ? (
                <a href="/admin" className="door-link">
                  Espace de gestion
                </a>
              ) : null}
              {/* A button in every page's header: no honeypot, which a page without the form styles would show. */}
              <form method="post" action="/deconnexion/envoyer" className="door-form">
                <FormTokenField token={viewer.logoutToken} />
                <button type="submit" className="button-link door-link">
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <a href="/connexion" className="door-link">
              Se connecter
            </a>
          )}
          <a href="/annonces/nouvelle" className="button door-post">
            Déposer une annonce
          </a>
        </div>
        <form action="/recherche" method="get" role="search" className="quick-search" aria-label="Recherche rapide">
          <label htmlFor="q-entete" className="sr-only">
            Rechercher dans l’annuaire
          </label>
          {/* Short: beside « Rechercher » on a 390 px phone, « Boulangerie, plombier… » was cut. */}
          <input id="q-entete" name="q" type="search" placeholder="Plombier, garage…" autoComplete="off" />
          <button type="submit" className="button">
            Rechercher
          </button>
        </form>
      </div>
      <nav aria-label="Menu principal" className="main-nav">
        <ul className="container">
          {NAV.map((item) => (
            <li key={item.href}>
              <a href={item.href}>{item.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
