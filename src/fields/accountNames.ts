import type { Condition, Field, FieldHook, PayloadRequest } from 'payload'

import { staffReadFormField } from '@/access/fieldAccess'
import { isStaffOf } from '@/access/isStaffOf'
import { type AccessUser, idOf } from '@/access/roles'
import { hiddenFromDiff } from './hiddenFromDiff'
import { shownToTerritoryAdmins } from './territoryAdminsOnly'

type Id = number | string

/** The relationships to users that carry an account name for staff. */
type AccountRelation = 'author' | 'owners' | 'uploadedBy'

/** Per request, so that a list of entries by the same account asks for its name once. */
const CACHE = 'accountNamesCache'

async function namesOf(req: PayloadRequest, ids: Id[]): Promise<Map<string, string>> {
  const context = req.context as Record<string, unknown>
  const cache = (context[CACHE] ??= new Map<string, string>()) as Map<string, string>
  const missing = ids.filter((id) => !cache.has(String(id)))
  if (missing.length > 0) {
    // Users are readable by their own account and administrators only: the name (never the
    // e-mail or phone) is read here on the server, for staff of the entry's territory.
    const found = await req.payload.find({
      collection: 'users',
      where: { id: { in: missing } },
      select: { name: true },
      depth: 0,
      limit: missing.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const id of missing) cache.set(String(id), '')
    for (const user of found.docs) cache.set(String(user.id), String((user as { name?: unknown }).name ?? ''))
  }
  return cache
}

/** The ids held by a relationship to users, whether populated or not. */
function accountIds(value: unknown): Id[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map((v) => idOf(v as never)).filter((id): id is Id => id !== undefined && id !== null && id !== '')
}

const fillNames =
  (from: AccountRelation, none: string | null): FieldHook =>
  async ({ data, siblingData, req }) => {
    const doc = (data ?? siblingData) as { territory?: unknown } | undefined
    // Only the territory's staff get the name: nobody else pays for the look-up.
    if (!isStaffOf((req.user ?? null) as AccessUser | null, doc?.territory)) return undefined
    const ids = accountIds((siblingData as Record<string, unknown> | undefined)?.[from])
    if (ids.length === 0) return none
    const names = await namesOf(req, ids)
    const shown = ids.map((id) => names.get(String(id)) || 'Compte supprimé')
    return shown.join(', ')
  }

/** Shown to secrétaires and élus, who cannot read accounts; administrators edit the relationship. */
const shownToOtherStaff: Condition = (data, siblingData, context) => !shownToTerritoryAdmins(data, siblingData, context)

/** A stored document whose relationship holds no account (not a form being filled in). */
const storedWithoutAccount =
  (from: AccountRelation): Condition =>
  (_data, siblingData, { operation }) =>
    operation === 'update' && accountIds((siblingData as Record<string, unknown> | undefined)?.[from]).length === 0

/**
 * The display name of the account(s) of a relationship to users, read-only, for the staff of
 * the entry's territory (a secrétaire may read only her own account, so the relationship
 * looks empty to her). Never stored, never filterable, never the e-mail or the phone.
 * With `none`, a stored document without an account says so (« Aucun compte … ») to all its
 * staff, administrators included (the relationship is then hidden: see
 * `relationshipForAdminsUnlessEmpty`), instead of an empty field.
 */
export function accountNamesField(options: { name: string; from: AccountRelation; label: string; description?: string; none?: string }): Field {
  const withoutAccount = storedWithoutAccount(options.from)
  const condition: Condition = options.none
    ? (data, siblingData, context) => shownToOtherStaff(data, siblingData, context) || withoutAccount(data, siblingData, context)
    : shownToOtherStaff
  // Never stored: nothing to compare between versions.
  return hiddenFromDiff({
    name: options.name,
    type: 'text',
    virtual: true,
    label: options.label,
    admin: { position: 'sidebar', readOnly: true, condition, description: options.description },
    access: { read: staffReadFormField, create: () => false, update: () => false },
    hooks: { afterRead: [fillNames(options.from, options.none ?? null)] },
  })
}

/** The relationship itself: administrators only (it would look empty to anyone else). */
export const relationshipForAdmins = shownToTerritoryAdmins

/** Like `relationshipForAdmins`, but hidden on a stored document without an account: the names field says so. */
export const relationshipForAdminsUnlessEmpty =
  (from: AccountRelation): Condition =>
  (data, siblingData, context) =>
    relationshipForAdmins(data, siblingData, context) && !storedWithoutAccount(from)(data, siblingData, context)
