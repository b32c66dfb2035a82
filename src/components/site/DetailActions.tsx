import type { EntryKind } from '@/search/types'
import { contactPath, reportPath } from '@/territories/urls'

/** Contact through the relay (no address is ever shown), print, report a problem. */
export function DetailActions({
  kind,
  slug,
  contactLabel,
}: {
  kind: EntryKind
  slug: string
  contactLabel?: string | null
}) {
  return (
    <div className="actions">
      {contactLabel ? (
        <a className="button" href={contactPath(kind, slug)}>
          {contactLabel}
        </a>
      ) : null}
      <button type="button" className="button button-secondary" data-print="" hidden>
        Imprimer cette page
      </button>
      <a className="report-link" href={reportPath(kind, slug)}>
        Signaler un problème sur cette page
      </a>
    </div>
  )
}

export function ExampleNotice({ what, relaysNothing = false }: { what: string; relaysNothing?: boolean }) {
  return (
    <p className="notice-box">
      <strong>Fiche d’exemple.</strong> {what} n’existe pas : cette fiche sert à montrer le fonctionnement de
      l’annuaire.{relaysNothing ? ' Aucun message ne lui est transmis.' : ''}
    </p>
  )
}
