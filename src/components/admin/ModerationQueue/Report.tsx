import { KIND_LABELS } from '@/moderation/labels'
import type { ReportEntry } from '@/moderation/queue'

import type { FormContext } from './Entry'
import { frenchDateTime } from './format'

/** An open report: what is reported and why, a link to the entry, and the two ways to close it. */
export function Report({ report, form }: { report: ReportEntry; form: FormContext }) {
  const titleId = `mq-title-report-${report.id}`
  const values = { collection: 'reports', id: String(report.id), redirect: form.returnPath }
  const label = report.target ? `« ${report.target.title} »` : 'un élément supprimé'
  return (
    <li className="mq-entry" id={`mq-reports-${report.id}`}>
      <article aria-labelledby={titleId}>
        <h3 className="mq-entry__title" id={titleId}>
          {report.reason} : {report.target ? (
            <a href={`${form.adminRoute}/collections/${report.target.collection}/${report.target.id}`}>{label}</a>
          ) : (
            label
          )}
        </h3>
        <p className="mq-entry__meta">
          {report.target ? <span className="mq-entry__kind">{KIND_LABELS[report.target.collection].singular}</span> : null}
          {report.target ? ' · ' : null}
          signalé le {frenchDateTime(report.createdAt)}
          {' · '}
          <a href={`${form.adminRoute}/collections/reports/${report.id}`}>détail du signalement</a>
        </p>
        {report.message ? <p className="mq-entry__excerpt">{report.message}</p> : null}
        <div className="mq-entry__actions">
          <form method="post" action={form.decideUrl}>
            {Object.entries({ ...values, action: 'resolveReport' }).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
              Marquer comme traité<span className="annuaire-sr-only"> : signalement sur {label}</span>
            </button>
          </form>
          <form method="post" action={form.decideUrl}>
            {Object.entries({ ...values, action: 'dismissReport' }).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" className="btn btn--style-secondary btn--size-medium btn--no-margin">
              Classer sans suite<span className="annuaire-sr-only"> : signalement sur {label}</span>
            </button>
          </form>
        </div>
      </article>
    </li>
  )
}
