import type { Endpoint } from 'payload'

import { isContributor } from '@/access/isContributor'
import type { AccessUser } from '@/access/roles'
import { validateSiret } from '@/fields/validators'

import { lookupSiret, SireneUnavailable } from './client'

/**
 * GET /api/sirene/<siret> — pre-fill for a business form (logged-in contributors): name,
 * address, activity and the commune of the directory when it is one of ours.
 */
export const sireneEndpoint: Endpoint = {
  path: '/sirene/:siret',
  method: 'get',
  handler: async (req) => {
    if (!isContributor(req.user as AccessUser | null)) return Response.json({ errors: [{ message: 'Connectez-vous pour utiliser le pré-remplissage.' }] }, { status: 401 })
    const siret = String(req.routeParams?.siret ?? '').replace(/\s/g, '')
    const invalid = validateSiret(siret)
    if (invalid !== true) return Response.json({ errors: [{ message: invalid }] }, { status: 400 })
    try {
      const found = await lookupSiret(siret)
      if (!found) return Response.json({ errors: [{ message: 'Aucun établissement trouvé pour ce SIRET : vérifiez-le, ou remplissez la fiche à la main.' }] }, { status: 404 })
      const { docs } = found.inseeCode
        ? await req.payload.find({ collection: 'communes', where: { inseeCode: { equals: found.inseeCode } }, limit: 1, depth: 0 })
        : { docs: [] }
      return Response.json({ ...found, commune: docs[0]?.id ?? null })
    } catch (error) {
      if (error instanceof SireneUnavailable) return Response.json({ errors: [{ message: error.message }] }, { status: 503 })
      throw error
    }
  },
}
