import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { FocusNotice, FocusReasonOnOpen } from './index.client'
import { moderationQueueModel } from './model'
import { ModifiedSection, PendingSection, QueueFilterForm, QueueSummary, ReportsSection } from './sections'
import { AdminFrame } from '../AdminFrame'

const NOTICE_ID = 'mq-notice'

/**
 * « File de modération » (/admin/moderation): what the logged-in moderator must decide on —
 * new entries, owners' edits of published ones and open reports, oldest first — with
 * one-click approval and two-click refusal. Everything is a plain form or link.
 */
export async function ModerationQueueView(view: AdminViewServerProps) {
  const { selfPath, filters, filtered, queue, communes, communesOnly, notice, form } = await moderationQueueModel(view)
  return (
    <AdminFrame view={view} viewType="moderation">
      {/*
        The site sends « Referrer-Policy: no-referrer », with which browsers post forms with
        « Origin: null », and Payload then ignores the login cookie. Same-origin requests may
        carry the origin; nothing is sent to other sites.
      */}
      <meta name="referrer" content="same-origin" />
      <Gutter className="mq">
        <h1 className="mq__title">File de modération</h1>
        {notice ? (
          <div id={NOTICE_ID} className={`mq-notice mq-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
            {notice.text}
          </div>
        ) : null}
        {notice ? <FocusNotice targetId={NOTICE_ID} /> : null}
        <FocusReasonOnOpen />
        {!queue ? (
          <p>La file de modération est réservée aux secrétaires de mairie et aux administrateurs du territoire.</p>
        ) : (
          <>
            <p className="mq__intro">
              {communesOnly
                ? 'Ce qui attend votre décision dans vos communes, du plus ancien au plus récent.'
                : 'Ce qui attend une décision sur le territoire, du plus ancien au plus récent.'}{' '}
              « Approuver » publie l’élément ; « Refuser » demande un motif, envoyé à l’auteur par e-mail.
            </p>
            <QueueFilterForm selfPath={selfPath} filters={filters} filtered={filtered} communes={communes} />
            <QueueSummary queue={queue} filtered={filtered} />
            {filters.collection !== 'reports' ? <PendingSection queue={queue} form={form} /> : null}
            {filters.collection !== 'reports' ? <ModifiedSection queue={queue} form={form} /> : null}
            {!filters.collection || filters.collection === 'reports' ? <ReportsSection queue={queue} form={form} /> : null}
          </>
        )}
      </Gutter>
    </AdminFrame>
  )
}
