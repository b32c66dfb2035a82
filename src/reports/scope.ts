import type { Payload, Where } from 'payload'

import { isEditor, editsCommune } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { isStatsReader, statsCommunes } from '@/access/isStatsReader'
import { type AccessUser, territoryOf } from '@/access/roles'

export class ReportError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The territory a user's statistics and reports are about: their own, or for the national
 * administrator the one asked for (id or slug), else the first one.
 */
export async function territoryFor(payload: Payload, user: AccessUser | null, asked?: string | null): Promise<number | string> {
  if (!user) throw new ReportError(401, 'Connectez-vous pour consulter les statistiques.')
  if (isSuperAdmin(user)) {
    const where: Where = asked ? { or: [{ slug: { equals: asked } }, ...(/^\d+$|^[a-f0-9]{24}$/.test(asked) ? [{ id: { equals: asked } }] : [])] } : {}
    const { docs } = await payload.find({ collection: 'territories', where, limit: 1, depth: 0, overrideAccess: true, sort: 'name' })
    if (!docs[0]) throw new ReportError(404, 'Territoire introuvable : vérifiez son identifiant court.')
    return docs[0].id
  }
  const own = territoryOf(user)
  if (own === undefined) throw new ReportError(403, 'Votre compte n’est rattaché à aucun territoire : demandez-le à l’intercommunalité.')
  return own
}

/**
 * Statistics and the six-month report: élus and administrators of the territory, the national
 * administrator, and secrétaires for their own communes (see statsCommunes).
 */
export function assertStatsReader(user: AccessUser | null): void {
  if (!user) throw new ReportError(401, 'Connectez-vous pour consulter les statistiques.')
  if (!isStatsReader(user)) throw new ReportError(403, 'Les statistiques sont réservées aux mairies, aux élus et aux administrateurs du territoire.')
}

/** The communes a report is limited to (a secrétaire's), `null` for the whole territory. */
export function statsScopeFor(user: AccessUser): Array<number | string> | null {
  const communes = statsCommunes(user)
  if (communes && communes.length === 0) throw new ReportError(403, 'Votre compte n’est rattaché à aucune commune : demandez-le à l’intercommunalité.')
  return communes
}

/**
 * The paper directory: administrators for any commune or the whole territory; secrétaires
 * for their own communes only.
 */
export function assertDirectoryPrinter(user: AccessUser | null, commune: string | undefined): void {
  if (!user) throw new ReportError(401, 'Connectez-vous pour imprimer l’annuaire.')
  if (isSuperAdmin(user) || isTerritoryAdmin(user)) return
  if (isEditor(user)) {
    if (!commune) throw new ReportError(400, 'Choisissez une de vos communes pour imprimer son annuaire.')
    if (!editsCommune(user, commune)) throw new ReportError(403, 'Vous ne pouvez imprimer que l’annuaire de vos communes.')
    return
  }
  throw new ReportError(403, 'L’annuaire imprimable est réservé aux mairies et aux administrateurs du territoire.')
}
