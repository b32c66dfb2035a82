import type { Metadata } from 'next'
import { headers } from 'next/headers'

import { NotFoundContent } from '@/components/site/NotFoundContent'
import { capturedEmailsFor, devPagesEnabled } from '@/contributions/outbox'
import { viewerOf } from '@/contributions/session'
import { LOOPBACK_CLIENT_HEADER } from '@/server/loopbackClient'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'E-mails capturés (développement)', robots: { index: false } }

/**
 * Development and demo only: the e-mails the site would have sent, captured as .eml files.
 * They hold reset and confirmation links, so the page answers « Page introuvable » to
 * everyone but this machine in development and the administrators of this territory
 * (see capturedEmailsFor).
 */
export default async function CapturedEmailsPage() {
  if (!devPagesEnabled()) return <NotFoundContent />
  const list = await headers()
  const payload = await sitePayload()
  const emails = await capturedEmailsFor(payload, {
    viewer: await viewerOf(payload, list),
    territoryId: (await getCurrentTerritory())?.id ?? null,
    localDevelopment: process.env.NODE_ENV !== 'production' && list.get(LOOPBACK_CLIENT_HEADER) === '1',
  })
  if (!emails) return <NotFoundContent />
  return (
    <div className="container">
      <h1>E-mails capturés</h1>
      <p>
        En développement et en démonstration, aucun e-mail ne part : chacun est enregistré dans le dossier d’envoi. Les plus
        récents d’abord ({emails.length}).
      </p>
      {emails.length === 0 ? <p>Aucun e-mail pour le moment.</p> : null}
      {emails.map((mail) => (
        <details key={mail.file} className="card">
          <summary>
            <strong>{mail.subject || '(sans objet)'}</strong> — à {mail.to} — {mail.date}
          </summary>
          <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{mail.text.slice(0, 20000)}</pre>
        </details>
      ))}
    </div>
  )
}
