import { type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type CollectionBeforeValidateHook, type FieldHook, ValidationError } from 'payload'

import { type AccessUser, type Role, hasRole, idOf } from '@/access/roles'
import { passwordProblem } from '@/auth/passwordPolicy'

/**
 * Only a national administrator grants the national role; a territory administrator
 * manages the other roles of people in their own territory.
 */
export const guardRoleChanges: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const user = req.user as AccessUser | null
  const roles = (data?.roles ?? []) as Role[]
  if (roles.includes('superadmin') && user && !hasRole(user, 'superadmin')) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'roles', message: 'Seul un administrateur national peut donner ce rôle.' }] },
      req.t,
    )
  }
  return data
}

/**
 * The password policy (src/auth/passwordPolicy.ts) on every operation that sets a password:
 * sign-up and creation by an administrator, a change from the admin or REST, and the reset
 * by e-mail link, which runs no field validation of its own.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: { password?: unknown; email?: unknown; name?: unknown } }).data
  if (!data || data.password === undefined || data.password === null || data.password === '') return args
  const words = [data.email, data.name].filter((v): v is string => typeof v === 'string')
  const id = (args as { id?: number | string }).id
  if (operation === 'update' && id !== undefined) {
    const current = await req.payload.findByID({ collection: collection.slug as 'users', id, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (current) words.push(current.email, current.name)
  }
  const problem = passwordProblem(data.password, words)
  if (problem) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }] }, req.t)
  return args
}

/**
 * An e-mail that is not text (a number, an object) would crash Payload's own e-mail hook
 * (`toLowerCase`) into a 500: refuse it first, in French.
 */
export const requireTextEmail: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  if (data && 'email' in data && data.email !== undefined && data.email !== null && typeof data.email !== 'string') {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'email', message: 'L’adresse e-mail doit être un texte, par exemple « prenom.nom@exemple.fr ».' }] },
      req.t,
    )
  }
  return data
}

/**
 * A secrétaire's communes belong to her own territory: a territory administrator cannot hand
 * his staff (or himself) a commune of another territory. Runs after `assignTerritory`.
 */
export const guardCommunesTerritory: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  if (!data || data.communes === undefined || data.communes === null) return data
  // Payload also stores a bare id (`{"communes": 89}`) as a one-item list: check it the same.
  const list: unknown[] = Array.isArray(data.communes) ? data.communes : [data.communes]
  if (list.length === 0) return data
  const territory = idOf((data.territory ?? originalDoc?.territory ?? undefined) as never)
  const ids = list.map((c: unknown) => idOf(c as never)).filter((id: unknown) => id !== undefined && id !== null)
  const { docs } = await req.payload.find({
    collection: 'communes',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    select: { name: true, territory: true },
    overrideAccess: true,
    req,
  })
  const foreign = docs.find((commune) => territory === undefined || String(idOf(commune.territory as never)) !== String(territory))
  if (foreign) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'communes', message: `La commune « ${foreign.name} » n’appartient pas au territoire de ce compte : choisissez l’une de ses communes.` }],
      },
      req.t,
    )
  }
  return data
}

/** The date the account's current e-mail address was set: at creation, and at each change of address. */
export const stampEmailSetAt: FieldHook = ({ operation, siblingData, originalDoc, value }) => {
  const before = String((originalDoc as { email?: unknown } | undefined)?.email ?? '').toLowerCase()
  const now = typeof siblingData?.email === 'string' ? siblingData.email.toLowerCase() : before
  if (operation === 'create' || now !== before) return new Date().toISOString()
  return (originalDoc as { emailSetAt?: unknown } | undefined)?.emailSetAt ?? value
}

/**
 * Payload lets any signed-in account write `_verified` on the accounts it may update: a person
 * would lock themselves out by unticking their own. Only an administrator changes it.
 */
export const keepOwnVerification: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || !('_verified' in data)) return data
  if (hasRole(req.user as AccessUser | null, 'superadmin', 'admin')) return data
  return { ...data, _verified: originalDoc._verified }
}
