import type { Announcement } from '@/payload-types'
import { sitePayload } from '@/site/payload'
import { entryPath } from '@/territories/urls'

import { findMatches } from '@/contributions/matching'

/**
 * Beside an offer or a need: « déposée par la mairie de … » when a secrétaire posted it
 * for a resident (who stays anonymous), and, on a need, the published offers that match it.
 */
export async function AnnouncementExtras({ announcement }: { announcement: Announcement }) {
  if (announcement.kind !== 'offer' && announcement.kind !== 'need') return null
  const payload = await sitePayload()
  // `onBehalfOf` is private (staff only): only the fact that the mairie posted it is shown.
  const full = await payload.findByID({ collection: 'announcements', id: announcement.id, depth: 1, overrideAccess: true }).catch(() => null)
  if (!full) return null
  const commune = typeof full.commune === 'object' ? full.commune : null
  const byMairie = Boolean(full.onBehalfOf?.enabled)
  const offers = full.kind === 'need' ? await findMatches(payload, full, { limit: 5 }) : []
  return (
    <>
      {byMairie ? (
        <p className="notice-box">
          <strong>Déposée par la mairie pour un habitant</strong>
          {commune ? ` (mairie de ${commune.name})` : ''} qui n’a pas internet
          {/* An example relays nothing: no promise that answers reach anyone. */}
          {full.isExample ? '.' : ' : les réponses arrivent à la mairie, qui les transmet.'}
        </p>
      ) : null}
      {offers.length ? (
        <section aria-labelledby="offres-correspondantes">
          <h2 id="offres-correspondantes">Ces offres pourraient vous aider</h2>
          <ul className="directory-list">
            {offers.map((offer) => (
              <li key={offer.id}>
                <a href={entryPath('announcements', offer.slug ?? String(offer.id))}>{offer.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
