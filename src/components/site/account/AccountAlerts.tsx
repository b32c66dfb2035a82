import { unsubscribePath } from '@/contributions/alerts'
import type { Alert } from '@/payload-types'

import { dateFr } from './dates'

/** « Mots : pain · Formerie (10 km) · Boulangerie » */
function describeAlert(alert: Alert): string {
  const { words, commune, radiusKm, categories } = alert.query ?? {}
  const parts: string[] = []
  if (words) parts.push(`Mots : ${words}`)
  if (commune && typeof commune === 'object') parts.push(`${commune.name}${radiusKm ? ` (${radiusKm} km autour)` : ''}`)
  for (const c of categories ?? []) if (typeof c === 'object') parts.push(c.name)
  return parts.length ? parts.join(' · ') : 'Toutes les nouveautés du territoire'
}

/** « Mes alertes e-mail », each with its state and a way to stop it. */
export function AccountAlerts({ alerts }: { alerts: Alert[] }) {
  return (
    <>
      <h2>Mes alertes e-mail</h2>
      {alerts.length === 0 ? (
        <p>
          Aucune alerte. <a href="/alertes">Créer une alerte</a> pour recevoir les nouvelles annonces et fiches de votre commune.
        </p>
      ) : (
        <>
          <ul className="directory-list">
            {alerts.map((alert) => (
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
    </>
  )
}
