import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, Payload, TypedUser, Where } from 'payload'

import { MODERATED_SLUGS } from '@collections/slugs'
import { type AccessUser, communesOf, hasRole, territoryOf } from '@/access/roles'
import { DECIDE_PATH, QUEUE_VIEW_PATH } from '@/moderation/endpoint'
import { isModeratedSlug, KIND_LABELS } from '@/moderation/labels'
import { noticeText } from '@/moderation/notices'
import { loadModerationQueue, QUEUE_PAGE_SIZE, type QueueFilters } from '@/moderation/queue'
import { isModerator } from '@/moderation/scope'

import { Entry, type FormContext } from './Entry'
import { firstParam, plural, queryString } from './format'
import { FocusNotice, FocusReasonOnOpen } from './index.client'
import { Report } from './Report'
import { AdminFrame } from '../AdminFrame'

const NOTICE_ID = 'mq-notice'

async function communeOptions(payload: Payload, user: TypedUser): Promise<Array<{ id: number | string; name: string }>> {
  const u = user as AccessUser
  let where: Where | null = null
  if (hasRole(u, 'admin') && territoryOf(u) !== undefined) where = { territory: { equals: territoryOf(u) } }
  else if (hasRole(u, 'editor')) where = { id: { in: communesOf(u) } }
  if (!where) return []
  const { docs } = await payload.find({
    collection: 'communes',
    where,
    sort: 'name',
    pagination: false,
    depth: 0,
    select: { name: true },
    overrideAccess: true,
  })
  return docs.map((c) => ({ id: c.id, name: c.name }))
}

function filtersFrom(searchParams: AdminViewServerProps['searchParams']): QueueFilters & { type?: string; communeParam?: string } {
  const type = firstParam(searchParams?.type)
  const commune = firstParam(searchParams?.commune)
  const filters: QueueFilters & { type?: string; communeParam?: string } = {}
  if (type === 'reports' || isModeratedSlug(type)) filters.collection = type
  if (commune && /^[\w-]{1,64}$/.test(commune)) {
    filters.commune = /^\d+$/.test(commune) ? Number(commune) : commune
    filters.communeParam = commune
  }
  return filters
}

/**
 * « File de modération » (/admin/moderation): what the logged-in moderator must decide on —
 * new entries, owners' edits of published ones and open reports, oldest first — with
 * one-click approval and two-click refusal. Everything is a plain form or link.
 */
export async function ModerationQueueView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req, permissions } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const selfPath = `${adminRoute}${QUEUE_VIEW_PATH}`
  if (!user) redirect(`${adminRoute}/login${queryString({ redirect: selfPath })}`)
  if (!permissions.canAccessAdmin) redirect(`${adminRoute}/unauthorized`)

  const filters = filtersFrom(searchParams)
  const allowed = isModerator(user as AccessUser)
  const [queue, communes] = allowed ? await Promise.all([loadModerationQueue(payload, user, filters), communeOptions(payload, user)]) : [null, []]
  const returnPath = `${selfPath}${queryString({ type: filters.collection, commune: filters.communeParam })}`
  // Only known codes become a (fixed) sentence: the address is a link anyone can send.
  const shown = await noticeText(payload, user, {
    notice: firstParam(searchParams?.notice),
    item: firstParam(searchParams?.item),
    sent: firstParam(searchParams?.sent),
  })
  const notice = shown?.text
  const tone = shown?.tone ?? 'success'
  const form: FormContext = {
    decideUrl: `${payload.config.routes.api}${DECIDE_PATH}`,
    returnPath,
    adminRoute,
    open: firstParam(searchParams?.open),
    reason: firstParam(searchParams?.reason),
  }
  const filtered = Boolean(filters.collection || filters.commune !== undefined)

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
          <div id={NOTICE_ID} className={`mq-notice mq-notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
            {notice}
          </div>
        ) : null}
        {notice ? <FocusNotice targetId={NOTICE_ID} /> : null}
        <FocusReasonOnOpen />
        {!allowed || !queue ? (
          <p>La file de modération est réservée aux secrétaires de mairie et aux administrateurs du territoire.</p>
        ) : (
          <>
            <p className="mq__intro">
              {hasRole(user as AccessUser, 'editor') && !hasRole(user as AccessUser, 'admin', 'superadmin')
                ? 'Ce qui attend votre décision dans vos communes, du plus ancien au plus récent.'
                : 'Ce qui attend une décision sur le territoire, du plus ancien au plus récent.'}{' '}
              « Approuver » publie l’élément ; « Refuser » demande un motif, envoyé à l’auteur par e-mail.
            </p>
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
                  <label htmlFor="mq-commune">Commune</label>
                  <select id="mq-commune" name="commune" defaultValue={filters.communeParam ?? ''}>
                    <option value="">Toutes</option>
                    {communes.map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="btn btn--style-secondary btn--size-medium btn--no-margin">
                Filtrer
              </button>
              {filtered ? <a href={selfPath}>Tout afficher</a> : null}
            </form>

            <p className="mq__summary">
              {queue.counts.total === 0
                ? filtered
                  ? 'Rien à modérer avec ces filtres.'
                  : 'Rien à modérer pour le moment.'
                : `${plural(queue.counts.pending, 'nouvel élément', 'nouveaux éléments')} en attente, ${plural(queue.counts.modified, 'fiche modifiée', 'fiches modifiées')}, ${plural(queue.counts.reports, 'signalement')} à traiter.`}
            </p>

            {filters.collection !== 'reports' ? (
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
            ) : null}

            {filters.collection !== 'reports' ? (
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
            ) : null}

            {!filters.collection || filters.collection === 'reports' ? (
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
            ) : null}
          </>
        )}
      </Gutter>
    </AdminFrame>
  )
}
