import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import type { AccessUser } from '@/access/roles'

import { importEpci, UnknownEpciError } from './importEpci'
import { NEW_TERRITORY_API_PATH, NEW_TERRITORY_VIEW_PATH } from './paths'
import { encodeSummary } from './summary'

const formSchema = z.object({
  epciCode: z.string().trim().min(1, 'Indiquez le code SIREN de l’intercommunalité (9 chiffres).').max(20),
  hostnames: z
    .string()
    .max(500)
    .transform((text) =>
      text
        .split(/[\s,;]+/)
        .map((h) => h.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/, 'Nom de domaine invalide : par exemple annuaire.ma-cc.fr.'))),
})

function back(req: PayloadRequest, params: Record<string, string>) {
  const location = `${req.payload.config.routes.admin}${NEW_TERRITORY_VIEW_PATH}?${new URLSearchParams(params)}`
  return new Response(null, { status: 303, headers: { Location: location } })
}

/**
 * POST /api/territoires/depuis-epci (form of « Nouveau territoire »): the national
 * administrator gives an EPCI SIREN code; the territory, its communes and their centres are
 * imported in one step (importEpci, idempotent), then the page shows the report.
 */
export const newTerritoryEndpoint: Endpoint = {
  path: NEW_TERRITORY_API_PATH,
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!isSuperAdmin((req.user ?? null) as AccessUser | null)) {
      return Response.json({ errors: [{ message: 'Seul l’administrateur national peut créer un territoire.' }] }, { status: 403 })
    }
    const form = await req.formData?.().catch(() => undefined)
    const parsed = formSchema.safeParse({ epciCode: String(form?.get('epciCode') ?? ''), hostnames: String(form?.get('hostnames') ?? '') })
    if (!parsed.success) return back(req, { erreur: parsed.error.issues[0]?.message ?? 'Formulaire invalide.' })
    try {
      const report = await importEpci(req.payload, parsed.data.epciCode)
      const territory = await req.payload.findByID({ collection: 'territories', id: report.territory.id, depth: 0, overrideAccess: true })
      if (parsed.data.hostnames.length) {
        const hostnames = [...new Set([...(territory.hostnames ?? []), ...parsed.data.hostnames])]
        await req.payload.update({ collection: 'territories', id: territory.id, data: { hostnames }, overrideAccess: true })
      }
      return back(req, { rapport: encodeSummary({ ...report, slug: territory.slug }) })
    } catch (error) {
      if (error instanceof UnknownEpciError) return back(req, { erreur: error.message, code: parsed.data.epciCode })
      req.payload.logger.error({ err: error }, 'création de territoire')
      return back(req, { erreur: 'L’import a échoué (voir le journal du serveur) : vous pouvez le relancer, il reprend sans rien créer en double.', code: parsed.data.epciCode })
    }
  },
}
