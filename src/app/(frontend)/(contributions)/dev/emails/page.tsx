import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { devPagesEnabled, listCapturedEmails } from '@/contributions/outbox'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'E-mails capturés (développement)', robots: { index: false } }

/** Development and demo only: the e-mails the site would have sent, captured as .eml files. */
export default async function CapturedEmailsPage() {
  if (!devPagesEnabled()) notFound()
  const emails = listCapturedEmails()
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
