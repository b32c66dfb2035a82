import type { Payload } from 'payload'

/** A territory's name, for e-mails (« Annuaire local — CC de la Picardie Verte »). */
export async function territoryNameOf(payload: Payload, id: number | string | null | undefined): Promise<string | null> {
  if (id === null || id === undefined) return null
  const territory = await payload.findByID({ collection: 'territories', id, depth: 0, overrideAccess: true }).catch(() => null)
  return territory?.name ?? null
}
