import { FEMININE_STATUS_LABELS, type Status } from '@/fields/status'
import { pendingChangesState } from '@/moderation/pendingChanges'
import type { OwnProfile } from '@/site/account'
import { entryPath } from '@/territories/urls'

/** « Mes fiches »: the businesses and associations the account owns. */
export function AccountProfiles({ profiles }: { profiles: OwnProfile[] }) {
  return (
    <>
      <h2>Mes fiches (entreprise, association)</h2>
      {profiles.length === 0 ? (
        <p>
          Aucune fiche. <a href="/inscrire-mon-activite">Inscrire mon entreprise ou mon association</a>
        </p>
      ) : (
        <ul>
          {profiles.map(({ kind, doc }) => (
            <li key={`${kind}-${doc.id}`}>
              {doc.name} — {FEMININE_STATUS_LABELS[doc.status as Status]}
              {pendingChangesState(doc).label ? ` (${pendingChangesState(doc).label})` : ''}{' '}
              {doc.status === 'published' && doc.slug ? <a href={entryPath(kind, doc.slug)}>Voir la fiche</a> : null}{' '}
              <a href={`/mon-espace/fiches/${kind === 'businesses' ? 'entreprises' : 'associations'}/${doc.id}`}>
                Modifier<span className="sr-only"> « {doc.name} »</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
