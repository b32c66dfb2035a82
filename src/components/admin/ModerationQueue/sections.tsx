import { MODERATED_SLUGS } from '@collections/slugs'
import { KIND_LABELS } from '@/moderation/labels'
import { type ModerationQueue, QUEUE_PAGE_SIZE } from '@/moderation/queue'

import { CommuneSelect } from '../CommuneSelect'
import { Entry, type FormContext } from './Entry'
import { plural } from '@/i18n/plural'
import type { CommuneOption, Filters } from './model'
import { Report } from './Report'

export function QueueFilterForm({ selfPath, filters, filtered, communes }: { selfPath: string; filters: Filters; filtered: boolean; communes: CommuneOption[] }) {
  return (
    <form method="get" action={selfPath} className="mq-filters" aria-label="Filtrer la file">
      <div className="mq-filters__field">
        <label htmlFor="mq-type">Type</label>
        <select id="mq-type" name="type" defaultValue={filters.collection ?? ''}>
          <option value="">Tout</option>
          {MODERATED_SLUGS.map((slug) => (
            <option key={slug} value={slug}>
              {KIND_LABELS[slug].plural}
            </option>
          ))}
          <option value="reports">Signalements</option>
        </select>
      </div>
      {communes.length > 1 ? (
        <div className="mq-filters__field">
          <CommuneSelect id="mq-commune" communes={communes} defaultValue={filters.communeParam ?? ''} allLabel="Toutes" />
        </div>
      ) : null}
      <button type="submit" className="btn btn--style-secondary btn--size-medium btn--no-margin">
        Filtrer
      </button>
      {filtered ? <a href={selfPath}>Tout afficher</a> : null}
    </form>
  )
}

export function QueueSummary({ queue, filtered }: { queue: ModerationQueue; filtered: boolean }) {
  return (
    <p className="mq__summary">
      {queue.counts.total === 0
        ? filtered
          ? 'Rien à modérer avec ces filtres.'
          : 'Rien à modérer pour le moment.'
        : `${plural(queue.counts.pending, 'nouvel élément', 'nouveaux éléments')} en attente, ${plural(queue.counts.modified, 'fiche modifiée', 'fiches modifiées')}, ${plural(queue.counts.reports, 'signalement')} à traiter.`}
    </p>
  )
}

export function PendingSection({ queue, form }: { queue: ModerationQueue; form: FormContext }) {
  return (
    <section aria-labelledby="mq-pending" className="mq-section">
      <h2 id="mq-pending">En attente de validation ({queue.counts.pending})</h2>
      {queue.pending.length === 0 ? (
        <p className="mq-empty">Aucun élément en attente.</p>
      ) : (
        <ul className="mq-list">
          {queue.pending.map((entry) => (
            <Entry key={`${entry.collection}-${entry.id}`} entry={entry} form={form} />
          ))}
        </ul>
      )}
      {queue.counts.pending > queue.pending.length ? (
        <p>Les {QUEUE_PAGE_SIZE} plus anciens par type sont affichés : décidez-en, la suite apparaîtra.</p>
      ) : null}
    </section>
  )
}

export function ModifiedSection({ queue, form }: { queue: ModerationQueue; form: FormContext }) {
  return (
    <section aria-labelledby="mq-modified" className="mq-section">
      <h2 id="mq-modified">Modifiées par leur propriétaire ({queue.counts.modified})</h2>
      <p className="mq-section__help">
        Leur propriétaire a modifié ces fiches publiées : ses changements ne sont pas en ligne tant que vous ne les
        avez pas gardés, et la version approuvée reste affichée. « Revenir à la version en ligne » demande un motif,
        envoyé au propriétaire par e-mail.
      </p>
      {queue.modified.length === 0 ? (
        <p className="mq-empty">Aucune modification à revoir.</p>
      ) : (
        <ul className="mq-list">
          {queue.modified.map((entry) => (
            <Entry key={`${entry.collection}-${entry.id}`} entry={entry} form={form} />
          ))}
        </ul>
      )}
    </section>
  )
}

export function ReportsSection({ queue, form }: { queue: ModerationQueue; form: FormContext }) {
  return (
    <section aria-labelledby="mq-reports" className="mq-section">
      <h2 id="mq-reports">Signalements à traiter ({queue.counts.reports})</h2>
      {queue.reports.length === 0 ? (
        <p className="mq-empty">Aucun signalement ouvert.</p>
      ) : (
        <ul className="mq-list">
          {queue.reports.map((report) => (
            <Report key={String(report.id)} report={report} form={form} />
          ))}
        </ul>
      )}
    </section>
  )
}
