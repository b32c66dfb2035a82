import { replyPath } from '@/contributions/tokens'
import type { ContactRequest } from '@/payload-types'

import { dateFr } from './dates'

/** « Messages reçus » through the site, each with its reply link. */
export function AccountMessages({ requests }: { requests: ContactRequest[] }) {
  return (
    <>
      <h2>Messages reçus</h2>
      {requests.length === 0 ? (
        <p>Aucun message reçu pour le moment.</p>
      ) : (
        <ul className="directory-list">
          {requests.map((r) => (
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
    </>
  )
}
