import type { Territory } from '@/payload-types'

const NAV = [
  { href: '/', label: 'Accueil' },
  { href: '/recherche', label: 'Rechercher' },
  { href: '/categories', label: 'Catégories' },
  { href: '/communes', label: 'Communes' },
  { href: '/annonces', label: 'Offres et besoins' },
  { href: '/carte', label: 'Carte' },
]

export function SiteHeader({ territory, logo = '/logo.svg' }: { territory: Territory | null; logo?: string }) {
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
        <form action="/recherche" method="get" role="search" className="quick-search" aria-label="Recherche rapide">
          <label htmlFor="q-entete" className="sr-only">
            Rechercher dans l’annuaire
          </label>
          <input id="q-entete" name="q" type="search" placeholder="Boulangerie, plombier…" autoComplete="off" />
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
