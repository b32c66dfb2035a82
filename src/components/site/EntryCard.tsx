import type { CardEntry } from '@/site/cards'
import { ANNOUNCEMENT_LABELS, formatDate, formatDistance, KIND_LABELS, PRICE_LABELS } from '@/site/labels'

import { ofPlace } from '@/territories/names'

import { ExampleBadge } from './ExampleBadge'

function kindLabel(entry: CardEntry): string {
  if (entry.kind === 'announcements' && entry.announcementKind) return ANNOUNCEMENT_LABELS[entry.announcementKind]
  return KIND_LABELS[entry.kind].one
}

const SUMMARY_LENGTH = 180

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= SUMMARY_LENGTH) return clean
  return `${clean.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')}…`
}

/** One entry in a list of results: what it is, where, and a link to its page. */
export function EntryCard({ entry, headingLevel = 3 }: { entry: CardEntry; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const details = [
    entry.communeName,
    entry.servesCommuneName ? `intervient à ${entry.servesCommuneName}` : null,
    entry.distanceKm != null ? `à ${formatDistance(entry.distanceKm)}${entry.distanceFrom ? ` ${ofPlace(entry.distanceFrom)}` : ''}` : null,
    entry.priceType && entry.kind !== 'businesses' && entry.kind !== 'associations' && entry.announcementKind !== 'notice'
      ? PRICE_LABELS[entry.priceType]
      : null,
    entry.kind === 'announcements' && entry.date ? `publiée le ${formatDate(entry.date)}` : null,
  ].filter(Boolean)
  return (
    <article className={`card card-${entry.kind}${entry.announcementKind ? ` card-${entry.announcementKind}` : ''}`}>
      <p className="card-kind">
        <span className="tag">{kindLabel(entry)}</span>
        {entry.isExample ? <ExampleBadge /> : null}
      </p>
      <Heading className="card-title">
        <a href={entry.href}>{entry.title}</a>
      </Heading>
      {details.length ? <p className="card-meta">{details.join(' · ')}</p> : null}
      {entry.categoryNames?.length ? <p className="card-categories">{entry.categoryNames.join(', ')}</p> : null}
      {entry.summary ? <p className="card-summary">{shorten(entry.summary)}</p> : null}
    </article>
  )
}

/** A list of cards, or nothing when empty. */
export function EntryList({ entries, headingLevel }: { entries: CardEntry[]; headingLevel?: 2 | 3 }) {
  if (!entries.length) return null
  return (
    <ul className="cards" role="list">
      {entries.map((entry) => (
        <li key={entry.href}>
          <EntryCard entry={entry} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
