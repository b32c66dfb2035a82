import type { FieldChange } from '@/moderation/changes'
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
 * A sentence on one side of the change: the words kept, and those this side alone has (struck
 * out before, highlighted after), so that each column reads as a whole text under its heading.
 */
function Words({ change, side }: { change: FieldChange; side: 'before' | 'after' }) {
  const own = side === 'before' ? 'removed' : 'added'
  const pieces = (change.words ?? []).filter((piece) => piece.change === 'same' || piece.change === own)
  return (
    <>
      {pieces.map((piece, i) => {
        const text = `${i > 0 ? ' ' : ''}${piece.text}`
        if (piece.change === 'removed') return <del key={i}>{text}<SrOnly> (retiré)</SrOnly></del>
        if (piece.change === 'added') return <ins key={i}>{text}<SrOnly> (ajouté)</SrOnly></ins>
        return <span key={i}>{text}</span>
      })}
    </>
  )
}

/**
 * An owner's proposal, field by field as a visitor would see it: the French label, what is
 * online now and what would replace it (for a sentence, the words removed and added). Nothing
 * of it is public until « Garder les modifications ».
 */
function Changes({ entry }: { entry: QueueEntry }) {
  if (entry.changes.length === 0) {
    return <p className="mq-entry__changes-none">Modification déjà en ligne (enregistrée avant la validation obligatoire des modifications) : consultez l’historique des versions, puis gardez-la pour la marquer comme revue.</p>
  }
  return (
    <table className="mq-changes">
      <caption className="annuaire-sr-only">Ce qui a changé dans « {entry.title} »</caption>
      <thead>
        <tr>
          <th scope="col">Ce qui change</th>
          <th scope="col">Avant (en ligne)</th>
          <th scope="col">Après (pas encore en ligne)</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={change.name}>
            <th scope="row">{change.label}</th>
            {change.words ? (
              <>
                <td className="mq-changes__words">
                  <Words change={change} side="before" />
                </td>
                <td className="mq-changes__words">
                  <Words change={change} side="after" />
                </td>
              </>
            ) : (
              <>
                <td>
                  <del>{change.before}</del>
                </td>
                <td>
                  <ins>{change.after}</ins>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * One entry of the queue, with its decisions as plain forms (they work without
 * JavaScript): « Approuver » is one click; « Refuser » opens the reason field (focused, see
 * FocusReasonOnOpen), and « Confirmer le refus » is the second click. An owner's edit shows
 * what changed, who changed it and when, with « Garder les modifications » and « Revenir à la
 * version en ligne » (which asks why, for the owner). Buttons name the entry for screen readers.
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
      ? { approve: 'Approuver', reject: 'Refuser', of: '', reason: 'Motif du refus', confirm: 'Confirmer le refus' }
      : { approve: 'Garder les modifications', reject: 'Revenir à la version en ligne', of: 'de ', reason: 'Pourquoi revenir à la version en ligne', confirm: 'Confirmer le retour' }
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
          {entry.state === 'pending' ? ` · déposé${kind.feminine ? 'e' : ''} le ${frenchDateTime(entry.createdAt)}` : null}
          {entry.submittedBy ? ` par ${entry.submittedBy}` : null}
        </p>
        {entry.state === 'modified' ? (
          <p className="mq-entry__author">
            {entry.changedBy
              ? `Modifié${kind.feminine ? 'e' : ''} par ${entry.changedBy.name}${entry.changedBy.role ? `, ${entry.changedBy.role},` : ''} le ${frenchDateTime(entry.changedBy.at)}`
              : `Modifié${kind.feminine ? 'e' : ''} le ${frenchDateTime(entry.updatedAt)}`}
          </p>
        ) : null}
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
                {words.reason} <span className="mq-hint">(obligatoire, envoyé à l’auteur par e-mail)</span>
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
                {words.confirm}<SrOnly> de « {entry.title} »</SrOnly>
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
