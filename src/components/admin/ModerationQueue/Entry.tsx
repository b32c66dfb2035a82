import { KIND_LABELS } from '@/moderation/labels'
import type { QueueEntry } from '@/moderation/queue'
import { REASON_MAX, REASON_MIN } from '@/moderation/schema'

import { frenchDateTime } from './format'

export type FormContext = {
  /** POST target of decisions (the moderation endpoint). */
  decideUrl: string
  /** Where the endpoint sends the browser back, filters included. */
  returnPath: string
  adminRoute: string
  /** The entry whose refusal form reopens after an error, with what was typed. */
  open?: string
  reason?: string
}

function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  )
}

function SrOnly({ children }: { children: React.ReactNode }) {
  return <span className="annuaire-sr-only">{children}</span>
}

/**
 * One entry of the queue, with its decisions as plain forms (they work without
 * JavaScript): « Approuver » is one click; « Refuser » opens the reason field, and
 * « Confirmer le refus » is the second click. Buttons name the entry for screen readers.
 */
export function Entry({ entry, form }: { entry: QueueEntry; form: FormContext }) {
  const key = `${entry.collection}-${entry.id}`
  const titleId = `mq-title-${key}`
  const reasonId = `mq-reason-${key}`
  const kind = KIND_LABELS[entry.collection]
  const editUrl = `${form.adminRoute}/collections/${entry.collection}/${entry.id}`
  const target = { collection: entry.collection, id: String(entry.id), redirect: form.returnPath }
  const reopen = form.open === key
  return (
    <li className="mq-entry" id={`mq-${key}`}>
      <article aria-labelledby={titleId}>
        <h3 className="mq-entry__title" id={titleId}>
          <a href={editUrl}>{entry.title}</a>
        </h3>
        <p className="mq-entry__meta">
          <span className="mq-entry__kind">{kind.singular}</span>
          {entry.detail ? <> · {entry.detail}</> : null}
          {entry.communeName ? <> · {entry.communeName}</> : null}
          {' · '}
          {entry.state === 'pending' ? `déposé${kind.feminine ? 'e' : ''} le ${frenchDateTime(entry.createdAt)}` : `modifié${kind.feminine ? 'e' : ''} le ${frenchDateTime(entry.updatedAt)}`}
        </p>
        {entry.excerpt ? <p className="mq-entry__excerpt">{entry.excerpt}</p> : null}
        <div className="mq-entry__actions">
          {entry.state === 'pending' ? (
            <>
              <form method="post" action={form.decideUrl}>
                <Hidden values={{ ...target, action: 'approve' }} />
                <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                  Approuver<SrOnly> « {entry.title} »</SrOnly>
                </button>
              </form>
              <details className="mq-reject" open={reopen}>
                <summary className="btn btn--style-secondary btn--size-medium btn--no-margin">
                  Refuser<SrOnly> « {entry.title} »</SrOnly>
                </summary>
                <form method="post" action={form.decideUrl} className="mq-reject__form">
                  <Hidden values={{ ...target, action: 'reject' }} />
                  <label htmlFor={reasonId}>
                    Motif du refus <span className="mq-hint">(obligatoire, envoyé à l’auteur par e-mail)</span>
                  </label>
                  <textarea
                    id={reasonId}
                    name="reason"
                    required
                    minLength={REASON_MIN}
                    maxLength={REASON_MAX}
                    rows={3}
                    defaultValue={reopen ? form.reason : undefined}
                  />
                  <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin mq-danger">
                    Confirmer le refus<SrOnly> de « {entry.title} »</SrOnly>
                  </button>
                </form>
              </details>
            </>
          ) : (
            <>
              <a className="btn btn--style-secondary btn--size-medium btn--no-margin" href={`${editUrl}/versions`}>
                Voir les modifications<SrOnly> de « {entry.title} »</SrOnly>
              </a>
              <form method="post" action={form.decideUrl}>
                <Hidden values={{ ...target, action: 'reviewed' }} />
                <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                  Marquer comme revu<SrOnly> : « {entry.title} »</SrOnly>
                </button>
              </form>
            </>
          )}
        </div>
      </article>
    </li>
  )
}
