import type { ServerProps, TypedUser } from 'payload'

import type { AccessUser } from '@/access/roles'
import { QUEUE_VIEW_PATH } from '@/moderation/endpoint'
import { isModerator } from '@/moderation/scope'

import { cachedQueueCounts } from '../ModerationSummary'

/** « File de modération » at the top of the admin navigation, with the number waiting. */
export async function ModerationNavLink({ payload, user, params }: ServerProps) {
  if (!payload || !user || !isModerator(user as AccessUser)) return null
  const counts = await cachedQueueCounts(payload, user as TypedUser)
  const segments = (params as { segments?: string[] } | undefined)?.segments
  const current = Array.isArray(segments) && `/${segments[0]}` === QUEUE_VIEW_PATH
  return (
    <a
      className="nav__link mq-nav-link"
      href={`${payload.config.routes.admin}${QUEUE_VIEW_PATH}`}
      id="nav-moderation"
      aria-current={current ? 'page' : undefined}
    >
      <span className="nav__link-label">File de modération</span>
      {counts.total > 0 ? (
        <span className="mq-badge">
          {counts.total}
          <span className="annuaire-sr-only"> en attente</span>
        </span>
      ) : null}
    </a>
  )
}
