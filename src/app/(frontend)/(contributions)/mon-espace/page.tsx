import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { canOpenAdmin } from '@/access/canOpenAdmin'
import type { AccessUser } from '@/access/roles'
import { unsubscribePath } from '@/contributions/alerts'
import { replyPath } from '@/contributions/tokens'
import { getViewer } from '@/site/viewer'
import { STATUS_LABELS, type Status } from '@/fields/status'
import { Form, FormGuardFields } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { pendingChangesState } from '@/moderation/pendingChanges'
import type { Alert } from '@/payload-types'
import { sitePayload } from '@/site/payload'
import { entryPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Mon espace', robots: { index: false } }

const dateFr = (value?: string | null) =>
  value ? new Date(value).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }) : '—'

const NOTICES: Record<string, string> = {
  modifiee: 'Votre annonce est enregistrée.',
  renouvelee: 'Votre annonce est prolongée de 60 jours.',
  cloturee: 'Votre annonce est close : elle n’est plus affichée.',
  inscrite: 'Votre fiche est enregistrée : la mairie la vérifie avant de la publier. Vous recevrez un e-mail.',
  fiche: 'Votre fiche est enregistrée. Si elle est déjà publiée, vos modifications y apparaîtront dès que la mairie les aura vérifiées : vous recevrez un e-mail.',
}

/** « Mots : pain · Formerie (10 km) · Boulangerie » */
function describeAlert(alert: Alert): string {
  const { words, commune, radiusKm, categories } = alert.query ?? {}
  const parts: string[] = []
  if (words) parts.push(`Mots : ${words}`)
  if (commune && typeof commune === 'object') parts.push(`${commune.name}${radiusKm ? ` (${radiusKm} km autour)` : ''}`)
  for (const c of categories ?? []) if (typeof c === 'object') parts.push(c.name)
  return parts.length ? parts.join(' · ') : 'Toutes les nouveautés du territoire'
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect('/connexion?suite=/mon-espace')
  const payload = await sitePayload()
  // Owner and author fields are private (field access): each query filters on the viewer itself.
  const asViewer = { overrideAccess: true, depth: 0 } as const
  const [announcements, businesses, associations, requests, alerts] = await Promise.all([
    payload.find({ collection: 'announcements', where: { author: { equals: viewer.id } }, sort: '-createdAt', limit: 100, ...asViewer }),
    payload.find({ collection: 'businesses', where: { owners: { equals: viewer.id } }, limit: 50, ...asViewer }),
    payload.find({ collection: 'associations', where: { owners: { equals: viewer.id } }, limit: 50, ...asViewer }),
    payload.find({
      collection: 'contact-requests',
      where: { and: [{ recipients: { equals: viewer.id } }, { status: { equals: 'sent' } }] },
      sort: '-createdAt',
      limit: 50,
      ...asViewer,
    }),
    // Alerts belong to an e-mail address, not an account: the viewer's own address.
    payload.find({ collection: 'alerts', where: { or: [{ email: { equals: viewer.email } }, { email: { equals: viewer.email.toLowerCase() } }] }, sort: '-createdAt', limit: 50, overrideAccess: true, depth: 1 }),
  ])
  const profiles = [
    ...businesses.docs.map((d) => ({ kind: 'businesses' as const, doc: d })),
    ...associations.docs.map((d) => ({ kind: 'associations' as const, doc: d })),
  ]
  const notice = typeof query.ok === 'string' ? NOTICES[query.ok] : undefined
  return (
    <div className="container">
      <h1>Mon espace</h1>
      <p>Bonjour {viewer.name}.</p>
      {notice ? (
        <div className="success-box" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <ul className="account-nav">
        {canOpenAdmin(viewer as AccessUser) ? (
          <li>
            <a href="/admin">Espace de gestion</a>
          </li>
        ) : null}
        <li>
          <a href="/annonces/nouvelle">Déposer une annonce</a>
        </li>
        <li>
          <a href="/inscrire-mon-activite">Inscrire mon entreprise ou mon association</a>
        </li>
        <li>
          <a href="/alertes">Créer une alerte e-mail</a>
        </li>
      </ul>

      <h2>Mes annonces</h2>
      {announcements.docs.length === 0 ? (
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
            {announcements.docs.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.status === 'published' && a.slug ? <a href={entryPath('announcements', a.slug)}>{a.title}</a> : a.title}
                  <br />
                  <span className="hint">{a.kind === 'need' ? 'J’ai besoin d’aide' : a.kind === 'offer' ? 'Je propose mon aide' : 'Information'}</span>
                </td>
                <td data-label="État">
                  {STATUS_LABELS[a.status as Status]}
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
                        <FormGuardFields token={issueFormToken('announcement-action', viewer.id)} />
                        <button type="submit" className="button button-secondary">
                          Prolonger<span className="sr-only"> « {a.title} »</span>
                        </button>
                      </Form>
                    ) : null}
                    {a.status !== 'archived' ? (
                      <Form action={`/mon-espace/annonces/${a.id}/cloturer`}>
                        <FormGuardFields token={issueFormToken('announcement-action', viewer.id)} />
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

      <h2>Mes fiches (entreprise, association)</h2>
      {profiles.length === 0 ? (
        <p>
          Aucune fiche. <a href="/inscrire-mon-activite">Inscrire mon entreprise ou mon association</a>
        </p>
      ) : (
        <ul>
          {profiles.map(({ kind, doc }) => (
            <li key={`${kind}-${doc.id}`}>
              {doc.name} — {STATUS_LABELS[doc.status as Status]}
              {pendingChangesState(doc).label ? ` (${pendingChangesState(doc).label})` : ''}{' '}
              {doc.status === 'published' && doc.slug ? <a href={entryPath(kind, doc.slug)}>Voir la fiche</a> : null}{' '}
              <a href={`/mon-espace/fiches/${kind === 'businesses' ? 'entreprises' : 'associations'}/${doc.id}`}>
                Modifier<span className="sr-only"> « {doc.name} »</span>
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>Mes alertes e-mail</h2>
      {alerts.docs.length === 0 ? (
        <p>
          Aucune alerte. <a href="/alertes">Créer une alerte</a> pour recevoir les nouvelles annonces et fiches de votre commune.
        </p>
      ) : (
        <>
          <ul className="directory-list">
            {alerts.docs.map((alert) => (
              <li key={alert.id} className="card">
                <p>{describeAlert(alert)}</p>
                <p className="hint">
                  {alert.confirmed
                    ? `Active${alert.lastSentAt ? `, dernier envoi le ${dateFr(alert.lastSentAt)}` : ''}.`
                    : 'En attente : cliquez sur le lien de l’e-mail de confirmation pour l’activer.'}
                </p>
                <p>
                  <a className="button button-secondary" href={unsubscribePath(alert.id)}>
                    Arrêter cette alerte<span className="sr-only"> ({describeAlert(alert)})</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <a href="/alertes">Créer une autre alerte</a>
          </p>
        </>
      )}

      <h2>Messages reçus</h2>
      {requests.docs.length === 0 ? (
        <p>Aucun message reçu pour le moment.</p>
      ) : (
        <ul className="directory-list">
          {requests.docs.map((r) => (
            <li key={r.id} className="card">
              <p className="card-meta">
                De {r.senderName}, le {dateFr(r.createdAt)}
              </p>
              <p className="message-text">{r.message}</p>
              <p>
                <a className="button" href={replyPath(r.id)}>
                  Répondre à {r.senderName}
                </a>
              </p>
              <p className="hint">Votre réponse passe par le site : votre adresse e-mail n’est pas communiquée.</p>
            </li>
          ))}
        </ul>
      )}

      <h2>Mes données personnelles</h2>
      <ul>
        <li>
          <a href="/mon-espace/mes-donnees" download>
            Télécharger toutes mes données (fichier JSON)
          </a>
        </li>
        <li>
          <a href="/mon-espace/supprimer-mon-compte">Supprimer mon compte</a>
        </li>
        <li>
          <a href="/confidentialite">Comment mes données sont traitées</a>
        </li>
      </ul>
    </div>
  )
}
