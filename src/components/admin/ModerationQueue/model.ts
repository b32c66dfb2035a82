import { redirect } from 'next/navigation'
import type { AdminViewServerProps, Payload, TypedUser, Where } from 'payload'

import { type AccessUser, communesOf, hasRole, territoryOf } from '@/access/roles'
import { DECIDE_PATH, QUEUE_VIEW_PATH } from '@/moderation/endpoint'
import { isModeratedSlug } from '@/moderation/labels'
import { noticeText } from '@/moderation/notices'
import { loadModerationQueue, type ModerationQueue, type QueueFilters } from '@/moderation/queue'
import { isModerator } from '@/moderation/scope'

import type { FormContext } from './Entry'
import { firstParam, queryString } from './format'

export type Filters = QueueFilters & { type?: string; communeParam?: string }
export type CommuneOption = { id: number | string; name: string }

/** What the « File de modération » shows; `queue` is null for a user who may not moderate. */
export type ModerationQueueModel = {
  selfPath: string
  filters: Filters
  filtered: boolean
  queue: ModerationQueue | null
  communes: CommuneOption[]
  /** The user sees only the communes they are editor of (the introduction says so). */
  communesOnly: boolean
  notice?: { text: string; tone: 'success' | 'error' }
  form: FormContext
}

async function communeOptions(payload: Payload, user: TypedUser): Promise<CommuneOption[]> {
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

function filtersFrom(searchParams: AdminViewServerProps['searchParams']): Filters {
  const type = firstParam(searchParams?.type)
  const commune = firstParam(searchParams?.commune)
  const filters: Filters = {}
  if (type === 'reports' || isModeratedSlug(type)) filters.collection = type
  if (commune && /^[\w-]{1,64}$/.test(commune)) {
    filters.commune = /^\d+$/.test(commune) ? Number(commune) : commune
    filters.communeParam = commune
  }
  return filters
}

/** Reads the filters and the notice from the address and loads what the user must decide on. */
export async function moderationQueueModel({ initPageResult, searchParams }: AdminViewServerProps): Promise<ModerationQueueModel> {
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
  return {
    selfPath,
    filters,
    filtered: Boolean(filters.collection || filters.commune !== undefined),
    queue,
    communes,
    communesOnly: hasRole(user as AccessUser, 'editor') && !hasRole(user as AccessUser, 'admin', 'superadmin'),
    notice: shown ?? undefined,
    form: {
      decideUrl: `${payload.config.routes.api}${DECIDE_PATH}`,
      returnPath,
      adminRoute,
      open: firstParam(searchParams?.open),
      reason: firstParam(searchParams?.reason),
    },
  }
}
