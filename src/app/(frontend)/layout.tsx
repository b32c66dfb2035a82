import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'
import { getTerritoryLogo } from '@/site/logo'
import { currentOrigin, getCurrentTerritory } from '@/site/territory'
import { readablePrimary } from '@/site/theme'

import './styles.css'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const territory = await getCurrentTerritory()
  const origin = await currentOrigin()
  const siteName = territory ? `Annuaire local — ${territory.name}` : 'Annuaire local'
  return {
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: { default: siteName, template: `%s — ${siteName}` },
    description: 'Les commerces, artisans, associations et services près de chez vous, et l’entraide entre habitants.',
    icons: [{ rel: 'icon', url: '/favicon.svg', type: 'image/svg+xml' }],
    openGraph: { siteName, locale: 'fr_FR', type: 'website' },
    formatDetection: { telephone: false },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#ffffff' }

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const territory = await getCurrentTerritory()
  const accent = /^#[0-9a-f]{6}$/i.test(territory?.accentColor ?? '') ? territory!.accentColor! : undefined
  const style = { '--primary': readablePrimary(territory?.primaryColor), ...(accent ? { '--accent': accent } : {}) } as React.CSSProperties
  const logo = await getTerritoryLogo(territory)
  return (
    <html lang="fr">
      <body style={style}>
        <div className="skip-links">
          <a href="#contenu">Aller au contenu</a>
          <a href="#q-entete">Aller à la recherche</a>
          <a href="#pied">Aller au pied de page</a>
        </div>
        <SiteHeader territory={territory} logo={logo} />
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        <div id="pied">
          <SiteFooter territory={territory} />
        </div>
        <script src="/site/site.js" defer />
      </body>
    </html>
  )
}
