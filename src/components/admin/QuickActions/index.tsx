import type { ServerProps, TypedUser } from 'payload'

import { isEditor } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { isStatsReader } from '@/access/isStatsReader'
import type { AccessUser } from '@/access/roles'
import { QUEUE_VIEW_PATH } from '@/moderation/endpoint'
import { defaultPeriod, periodLabel } from '@/reports/period'

import { cachedQueueCounts } from '../ModerationSummary'
import { PRINT_VIEW_PATH } from '../Statistics/PrintDirectory'
import { STATISTICS_VIEW_PATH } from '../Statistics'

export type QuickAction = { key: string; label: string; hint: string; href: string; primary?: boolean }

const CSS = `
.quick-actions { margin: 0 0 2rem; }
.quick-actions h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
.quick-actions ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .75rem; margin: 0; padding: 0; list-style: none; }
.quick-actions a { display: flex; flex-direction: column; gap: .25rem; height: 100%; padding: .9rem 1rem; border: 1px solid var(--theme-elevation-150); border-radius: 6px;
  color: inherit; text-decoration: none; background: var(--theme-elevation-0); }
.quick-actions a:hover { border-color: var(--theme-elevation-400); background: var(--theme-elevation-50); }
.quick-actions a:focus-visible { outline: 3px solid var(--theme-success-500, #2b6cb0); outline-offset: 2px; }
.quick-actions a.quick-actions--primary { border-left: 6px solid var(--theme-success-500, #2b6cb0); }
.quick-actions strong { font-size: 1.05rem; }
.quick-actions span { font-size: .9rem; color: var(--theme-elevation-700); }
`

/** The actions offered to a staff member, in the order of her day. */
export async function quickActionsFor(
  user: AccessUser,
  routes: { admin: string; api: string },
  queueTotal: () => Promise<number>,
): Promise<QuickAction[]> {
  const admin = isSuperAdmin(user) || isTerritoryAdmin(user)
  const moderator = admin || isEditor(user)
  const statsReader = isStatsReader(user)
  const actions: QuickAction[] = []
  const url = (path: string) => `${routes.admin}${path}`
  if (moderator) {
    const waiting = await queueTotal()
    actions.push(
      {
        key: 'notice',
        label: 'Publier une information municipale',
        hint: 'Travaux, fermeture de la mairie, fête du village… visible sur le site et dans l’annuaire papier.',
        href: url('/collections/announcements/create?kind=notice'),
        primary: true,
      },
      {
        key: 'resident',
        label: 'Déposer une annonce pour un habitant',
        hint: 'Pour un habitant sans internet : les réponses arrivent à la mairie.',
        href: url('/collections/announcements/create?kind=offer&pourHabitant=1'),
      },
      {
        key: 'entry',
        label: 'Ajouter une fiche',
        hint: 'Un commerce, un artisan, un producteur. Pour une association : menu « Associations ».',
        href: url('/collections/businesses/create'),
      },
      {
        key: 'moderation',
        label: `À modérer (${waiting})`,
        hint: waiting ? 'Nouvelles fiches, modifications et signalements qui attendent votre décision.' : 'Rien n’attend votre décision.',
        href: url(QUEUE_VIEW_PATH),
        primary: waiting > 0,
      },
      { key: 'print', label: 'Annuaire papier', hint: 'Le livret A4 d’une commune, à imprimer ou à glisser dans le bulletin.', href: url(PRINT_VIEW_PATH) },
    )
  }
  if (statsReader) {
    const period = defaultPeriod()
    actions.push(
      moderator
        ? { key: 'stats', label: 'Statistiques', hint: isEditor(user) && !admin ? 'Recherches, consultations et demandes de contact dans vos communes, bilan à six mois.' : 'Recherches, consultations, demandes de contact, bilan à six mois.', href: url(STATISTICS_VIEW_PATH) }
        : {
            key: 'stats',
            label: 'Statistiques et bilan',
            hint: `Ce que cherchent les habitants, ce qu’ils ne trouvent pas, et le bilan ${periodLabel(period)} à présenter en conseil.`,
            href: url(STATISTICS_VIEW_PATH),
            primary: true,
          },
    )
    if (!moderator)
      actions.push({
        key: 'bilan',
        label: 'Télécharger le bilan (PDF)',
        hint: 'Le bilan des six derniers mois, une page de synthèse puis le détail.',
        href: `${routes.api}/rapports/bilan.pdf?from=${period.from}&to=${period.to}`,
      })
  }
  return actions
}

/**
 * « Raccourcis » at the top of the admin home: what a secrétaire de mairie or an élu comes to
 * do, one click away, instead of hunting through the menu.
 */
export async function QuickActions({ payload, user }: ServerProps) {
  if (!payload || !user) return null
  const u = user as AccessUser
  const actions = await quickActionsFor(u, payload.config.routes, async () => (await cachedQueueCounts(payload, user as TypedUser)).total)
  if (actions.length === 0) return null
  return (
    <section className="quick-actions" aria-labelledby="quick-actions-title">
      <style>{CSS}</style>
      <h2 id="quick-actions-title">Raccourcis</h2>
      <ul>
        {actions.map((a) => (
          <li key={a.key}>
            <a href={a.href} className={a.primary ? 'quick-actions--primary' : undefined} data-action={a.key}>
              <strong>{a.label}</strong>
              <span>{a.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
