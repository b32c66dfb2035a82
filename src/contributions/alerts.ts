import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Payload, Where } from 'payload'

import { currentAnnouncementWhere, notShownAtWhere } from '@collections/Announcements/current'
import { queueEmail, sendSoon } from '@/email/send'
import { alertConfirmEmail, alertDigestEmail, type DigestItem } from '@/email/templates/contrib/alerts'
import { siteLink } from '@/email/templates/links'
import type { AlertInput } from '@/forms/schemas'
import type { Alert, Commune } from '@/payload-types'
import { resolveSecret } from '@/secret'
import { entryPath } from '@/territories/urls'
import type { EntryKind } from '@/search/types'

import { distanceKm } from './matching'
import { territoryNameOf } from './territory'
import { hashToken, looksLikeToken, newToken } from './tokens'

/**
 * E-mail alerts on a search: double opt-in (nothing is sent before the address is
 * confirmed), one digest a day with the new entries, one-click unsubscribe (a link and the
 * List-Unsubscribe header, signed so that nobody can unsubscribe someone else).
 */

export const ALERT_CONFIRM_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000
const KIND_LABELS: Record<EntryKind, string> = {
  businesses: 'Entreprise',
  associations: 'Association',
  services: 'Service',
  announcements: 'Annonce',
}

export async function describeAlert(payload: Payload, query: Alert['query'] | AlertInput): Promise<string> {
  const parts: string[] = []
  const q = query as { words?: string | null; category?: unknown; categories?: unknown[] | null; commune?: unknown; radiusKm?: number | null }
  if (q.words) parts.push(`« ${q.words} »`)
  const categoryId = q.category ?? q.categories?.[0]
  if (categoryId != null) {
    const id = typeof categoryId === 'object' ? (categoryId as { id: number }).id : (categoryId as number)
    const category = await payload.findByID({ collection: 'categories', id, depth: 0, overrideAccess: true }).catch(() => null)
    if (category) parts.push(`catégorie ${category.name}`)
  }
  if (q.commune != null) {
    const id = typeof q.commune === 'object' ? (q.commune as { id: number }).id : (q.commune as number)
    const commune = await payload.findByID({ collection: 'communes', id, depth: 0, overrideAccess: true }).catch(() => null)
    if (commune) parts.push(q.radiusKm ? `à moins de ${q.radiusKm} km de ${commune.name}` : `à ${commune.name}`)
  }
  return parts.length ? parts.join(', ') : 'toutes les nouveautés'
}

export async function subscribeAlert(
  payload: Payload,
  input: AlertInput,
  options: { origin: string; territoryId: number | string | null },
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const token = newToken()
  await payload.create({
    collection: 'alerts',
    data: {
      email: input.email,
      query: {
        words: input.words,
        categories: input.category != null ? [input.category as number] : [],
        commune: input.commune as number | undefined,
        radiusKm: input.radiusKm,
      },
      confirmed: false,
      token: token.hash,
      territory: (options.territoryId ?? undefined) as number | undefined,
    },
    overrideAccess: true,
  })
  const mail = alertConfirmEmail({
    summary: await describeAlert(payload, input),
    confirmUrl: `${options.origin}/alertes/confirmer?jeton=${token.token}`,
    territoryName: await territoryNameOf(payload, options.territoryId),
  })
  // The visitor waits for this one: sent at once (after the answer), queued only if that fails.
  sendSoon(payload, { to: input.email, ...mail })
  return { ok: true }
}

export async function confirmAlert(payload: Payload, token: unknown): Promise<'confirmed' | 'already-confirmed' | 'expired' | 'unknown'> {
  if (!looksLikeToken(token)) return 'unknown'
  const { docs } = await payload.find({ collection: 'alerts', where: { token: { equals: hashToken(token) } }, limit: 1, depth: 0, overrideAccess: true })
  const alert = docs[0]
  if (!alert) return 'unknown'
  if (alert.confirmed) return 'already-confirmed'
  if (Date.now() - Date.parse(alert.createdAt) > ALERT_CONFIRM_LIFETIME_MS) return 'expired'
  // From now on, only new entries: the digest starts at the confirmation.
  await payload.update({ collection: 'alerts', id: alert.id, data: { confirmed: true, lastSentAt: new Date().toISOString() }, overrideAccess: true })
  return 'confirmed'
}

function unsubscribeSignature(id: number | string): string {
  return createHmac('sha256', `${resolveSecret()}:alerts`).update(String(id)).digest('base64url').slice(0, 32)
}

export function unsubscribePath(id: number | string): string {
  return `/alertes/desinscription?alerte=${encodeURIComponent(String(id))}&signature=${unsubscribeSignature(id)}`
}

export async function unsubscribeAlert(payload: Payload, id: unknown, signature: unknown): Promise<'done' | 'invalid'> {
  if (typeof id !== 'string' || typeof signature !== 'string' || !/^[\w-]{1,40}$/.test(id)) return 'invalid'
  const expected = Buffer.from(unsubscribeSignature(id))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid'
  // Deleting twice (a second click) is the same success.
  await payload.delete({ collection: 'alerts', where: { id: { equals: /^\d+$/.test(id) ? Number(id) : id } }, overrideAccess: true })
  return 'done'
}

type Entry = { id: number | string; slug?: string | null; title?: string; name?: string; commune?: unknown; latitude?: number | null; longitude?: number | null; categories?: unknown; category?: unknown }

/**
 * New published entries since the last digest that match an alert's search. « New » is
 * what the public could not see at `since`: changed since, or a municipal notice whose
 * « Afficher à partir du » day came since (mailed on that day, not when it was written).
 */
export async function entriesForAlert(payload: Payload, alert: Alert, since: Date, now = new Date()): Promise<Array<{ kind: EntryKind; doc: Entry }>> {
  const q = alert.query ?? {}
  const categoryIds = (q.categories ?? []).map((c) => (typeof c === 'object' ? c.id : c))
  const communeRef = q.commune
  const commune = communeRef == null ? null : typeof communeRef === 'object' ? (communeRef as Commune) : await payload.findByID({ collection: 'communes', id: communeRef, depth: 0, overrideAccess: true }).catch(() => null)
  const territory = typeof alert.territory === 'object' ? alert.territory?.id : alert.territory
  const words = (q.words ?? '').trim()
  const results: Array<{ kind: EntryKind; doc: Entry }> = []
  for (const kind of ['businesses', 'associations', 'services', 'announcements'] as const) {
    const titleField = kind === 'businesses' || kind === 'associations' ? 'name' : 'title'
    const textField = kind === 'announcements' ? 'body' : 'description'
    const changed: Where = { updatedAt: { greater_than: since.toISOString() } }
    const and: Where[] = [{ status: { equals: 'published' } }]
    if (territory != null) and.push({ territory: { equals: territory } })
    if (kind === 'announcements') and.push(...currentAnnouncementWhere(now), { or: [changed, notShownAtWhere(since)] })
    else and.push(changed)
    if (categoryIds.length) and.push({ [kind === 'announcements' ? 'category' : 'categories']: { in: categoryIds } })
    if (words) and.push({ or: [{ [titleField]: { like: words } }, { [textField]: { like: words } }] })
    if (commune && !q.radiusKm && kind !== 'services') and.push({ commune: { equals: commune.id } })
    const { docs } = await payload.find({ collection: kind, where: { and }, limit: 50, depth: 0, overrideAccess: true })
    for (const doc of docs as Entry[]) {
      if (commune && q.radiusKm) {
        const d = distanceKm(commune, doc)
        if (d !== null && d > q.radiusKm) continue
      }
      results.push({ kind, doc })
    }
  }
  return results
}

/** The daily digest: one e-mail per confirmed alert that has something new. */
export async function sendAlertDigests(payload: Payload, now = new Date()): Promise<{ sent: number }> {
  let sent = 0
  let page = 1
  for (;;) {
    const { docs, hasNextPage } = await payload.find({ collection: 'alerts', where: { confirmed: { equals: true } }, limit: 100, page, depth: 0, overrideAccess: true })
    for (const alert of docs) {
      const since = new Date(alert.lastSentAt ?? alert.createdAt)
      const entries = await entriesForAlert(payload, alert, since, now)
      if (entries.length === 0) continue
      const territoryId = typeof alert.territory === 'object' ? alert.territory?.id : alert.territory
      const territory = territoryId ? await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true }).catch(() => null) : null
      const items: DigestItem[] = entries.map(({ kind, doc }) => ({
        title: doc.name ?? doc.title ?? '',
        url: siteLink(territory, entryPath(kind, doc.slug ?? String(doc.id))),
        kindLabel: KIND_LABELS[kind],
      }))
      const unsubscribeUrl = siteLink(territory, unsubscribePath(alert.id))
      const mail = alertDigestEmail({ summary: await describeAlert(payload, alert.query), items, unsubscribeUrl, territoryName: territory?.name ?? null })
      await queueEmail(payload, {
        to: alert.email,
        ...mail,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })
      await payload.update({ collection: 'alerts', id: alert.id, data: { lastSentAt: now.toISOString() }, overrideAccess: true })
      sent++
    }
    if (!hasNextPage) break
    page++
  }
  return { sent }
}
