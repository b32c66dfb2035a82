import type { Payload, ServerProps, TypedUser } from 'payload'
import { cache } from 'react'

import type { AccessUser } from '@/access/roles'
import { QUEUE_VIEW_PATH } from '@/moderation/endpoint'
import { countModerationQueue } from '@/moderation/queue'
import { isModerator } from '@/moderation/scope'

import { plural } from '@/i18n/plural'

/** One count per request, shared by the dashboard and the navigation. */
export const cachedQueueCounts = cache((payload: Payload, user: TypedUser) => countModerationQueue(payload, user))

/**
 * The first thing a moderator sees on the dashboard: how much waits for a decision, and the
 * way to the queue.
 */
export async function ModerationSummary({ payload, user }: ServerProps) {
  if (!payload || !user || !isModerator(user as AccessUser)) return null
  const counts = await cachedQueueCounts(payload, user as TypedUser)
  const href = `${payload.config.routes.admin}${QUEUE_VIEW_PATH}`
  return (
    <section className="mq-summary" aria-labelledby="mq-summary-title">
      <h2 id="mq-summary-title" className="mq-summary__title">
        Modération
      </h2>
      {counts.total === 0 ? (
        <p>Rien à modérer pour le moment.</p>
      ) : (
        <ul className="mq-summary__counts">
          <li>
            <strong>{counts.pending}</strong> {counts.pending > 1 ? 'nouveaux éléments en attente' : 'nouvel élément en attente'}
          </li>
          <li>
            <strong>{counts.modified}</strong> {counts.modified > 1 ? 'fiches modifiées par leur propriétaire' : 'fiche modifiée par son propriétaire'}
          </li>
          <li>
            <strong>{counts.reports}</strong> {counts.reports > 1 ? 'signalements à traiter' : 'signalement à traiter'}
          </li>
        </ul>
      )}
      <p>
        <a className="btn btn--style-primary btn--size-medium btn--no-margin" href={href}>
          Ouvrir la file de modération{counts.total ? ` (${plural(counts.total, 'élément')})` : ''}
        </a>
      </p>
    </section>
  )
}
