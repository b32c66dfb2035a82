import { FEMININE_STATUS_LABELS, type Status } from '@/fields/status'
import { Form, FormGuardFields } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { pendingChangesState } from '@/moderation/pendingChanges'
import type { Announcement, User } from '@/payload-types'
import { entryPath } from '@/territories/urls'

import { dateFr } from './dates'

/** « Mes annonces »: each with its state, its end date, and edit / renew / close. */
export function AccountAnnouncements({ announcements, viewerId }: { announcements: Announcement[]; viewerId: User['id'] }) {
  return (
    <>
      <h2>Mes annonces</h2>
      {announcements.length === 0 ? (
        <p>Vous n’avez pas encore déposé d’annonce.</p>
      ) : (
        <table className="account-table">
          <caption className="sr-only">Mes annonces, avec leur état et leur date de fin</caption>
          <thead>
            <tr>
              <th scope="col">Annonce</th>
              <th scope="col">État</th>
              <th scope="col">Fin</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {announcements.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.status === 'published' && a.slug ? <a href={entryPath('announcements', a.slug)}>{a.title}</a> : a.title}
                  <br />
                  <span className="hint">{a.kind === 'need' ? 'J’ai besoin d’aide' : a.kind === 'offer' ? 'Je propose mon aide' : 'Information'}</span>
                </td>
                <td data-label="État">
                  {FEMININE_STATUS_LABELS[a.status as Status]}
                  {pendingChangesState(a).label ? <p className="hint">{pendingChangesState(a).label}</p> : null}
                  {a.status === 'rejected' && a.rejectionReason ? <p className="hint">Motif : {a.rejectionReason}</p> : null}
                </td>
                <td data-label="Fin">{dateFr(a.expiresAt)}</td>
                <td>
                  <div className="inline-actions">
                    <a className="button button-secondary" href={`/mon-espace/annonces/${a.id}`}>
                      Modifier<span className="sr-only"> « {a.title} »</span>
                    </a>
                    {a.status !== 'rejected' ? (
                      <Form action={`/mon-espace/annonces/${a.id}/renouveler`}>
                        <FormGuardFields token={issueFormToken('announcement-action', viewerId)} />
                        <button type="submit" className="button button-secondary">
                          Prolonger<span className="sr-only"> « {a.title} »</span>
                        </button>
                      </Form>
                    ) : null}
                    {a.status !== 'archived' ? (
                      <Form action={`/mon-espace/annonces/${a.id}/cloturer`}>
                        <FormGuardFields token={issueFormToken('announcement-action', viewerId)} />
                        <button type="submit" className="button button-secondary">
                          Clore<span className="sr-only"> « {a.title} »</span>
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
