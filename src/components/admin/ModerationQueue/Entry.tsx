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
 * An owner's proposal, field by field: what is online now and what would replace it. Nothing
 * of the right-hand column is public until « Accepter les modifications ».
 */
function Changes({ entry }: { entry: QueueEntry }) {
  if (entry.changes.length === 0) {
    return <p className="mq-entry__changes-none">Modification déjà en ligne (enregistrée avant la validation obligatoire des modifications) : consultez l’historique des versions, puis acceptez-la pour la marquer comme revue.</p>
  }
  return (
    <table className="mq-changes">
      <caption className="annuaire-sr-only">Modifications proposées pour « {entry.title} »</caption>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          <th scope="col">En ligne</th>
          <th scope="col">Proposé (pas encore en ligne)</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={change.name}>
            <th scope="row">{change.label}</th>
            <td>
              <del>{change.before}</del>
            </td>
            <td>
              <ins>{change.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * One entry of the queue, with its decisions as plain forms (they work without
 * JavaScript): « Approuver » is one click; « Refuser » opens the reason field, and
 * « Confirmer le refus » is the second click. An owner's edit shows its changes and is
 * accepted or refused the same way. Buttons name the entry for screen readers.
 */
export function Entry({ entry, form }: { entry: QueueEntry; form: FormContext }) {
  const key = `${entry.collection}-${entry.id}`
  const titleId = `mq-title-${key}`
  const reasonId = `mq-reason-${key}`
  const kind = KIND_LABELS[entry.collection]
  const editUrl = `${form.adminRoute}/collections/${entry.collection}/${entry.id}`
  const target = { collection: entry.collection, id: String(entry.id), redirect: form.returnPath }
  const reopen = form.open === key
  const words =
    entry.state === 'pending'
      ? { approve: 'Approuver', reject: 'Refuser', of: '' }
      : { approve: 'Accepter les modifications', reject: 'Refuser les modifications', of: 'de ' }
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
        {entry.state === 'modified' ? <Changes entry={entry} /> : null}
        <div className="mq-entry__actions">
          <form method="post" action={form.decideUrl}>
            <Hidden values={{ ...target, action: 'approve' }} />
            <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
              {words.approve}
              <SrOnly> {words.of}« {entry.title} »</SrOnly>
            </button>
          </form>
          <details className="mq-reject" open={reopen}>
            <summary className="btn btn--style-secondary btn--size-medium btn--no-margin">
              {words.reject}
              <SrOnly> {words.of}« {entry.title} »</SrOnly>
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
          {entry.state === 'modified' ? (
            <a className="mq-entry__history" href={`${editUrl}/versions`}>
              Historique des versions<SrOnly> de « {entry.title} »</SrOnly>
            </a>
          ) : null}
        </div>
      </article>
    </li>
  )
}
