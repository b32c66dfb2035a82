import type { Metadata, Viewport } from 'next'
import { cookies } from 'next/headers'
import type { ReactNode } from 'react'

import { canOpenAdmin } from '@/access/canOpenAdmin'
import type { AccessUser } from '@/access/roles'
import { SiteFooter } from '@/components/site/SiteFooter'
import { type HeaderViewer, SiteHeader } from '@/components/site/SiteHeader'
import { SESSION_COOKIE } from '@/contributions/session'
import { getViewer } from '@/site/viewer'
import { issueFormToken } from '@/forms/guard'
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

/** The logged-in visitor for the header; anonymous visits (no session cookie) skip the lookup. */
async function headerViewer(): Promise<HeaderViewer | null> {
  if (!(await cookies()).has(SESSION_COOKIE)) return null
  const viewer = await getViewer()
  if (!viewer) return null
  return { name: viewer.name ?? viewer.email, logoutToken: issueFormToken('logout', viewer.id), canOpenAdmin: canOpenAdmin(viewer as AccessUser) }
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const territory = await getCurrentTerritory()
  const accent = /^#[0-9a-f]{6}$/i.test(territory?.accentColor ?? '') ? territory!.accentColor! : undefined
  const style = { '--primary': readablePrimary(territory?.primaryColor), ...(accent ? { '--accent': accent } : {}) } as React.CSSProperties
  const [logo, viewer] = await Promise.all([getTerritoryLogo(territory), headerViewer()])
  return (
    <html lang="fr">
      <body style={style}>
        <div className="skip-links">
          <a href="#contenu">Aller au contenu</a>
          <a href="#q-entete">Aller à la recherche</a>
          <a href="#pied">Aller au pied de page</a>
        </div>
        <SiteHeader territory={territory} logo={logo} viewer={viewer} />
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
