import type { Endpoint, PayloadRequest } from 'payload'

import type { AccessUser } from '@/access/roles'

import { buildBilan } from './bilan'
import { bilanCsv, bilanPdf } from './bilanPdf'
import { buildDirectoryBook, CommuneNotInTerritory } from './directory'
import { directoryPdf } from './directoryPdf'
import { periodSchema } from './period'
import { assertDirectoryPrinter, assertStatsReader, ReportError, statsScopeFor, territoryFor } from './scope'

const userOf = (req: PayloadRequest) => (req.user ?? null) as AccessUser | null
const query = (req: PayloadRequest, name: string) => {
  const value = new URL(req.url ?? '', 'http://localhost').searchParams.get(name)
  return value && value.trim() ? value.trim() : undefined
}

function fail(req: PayloadRequest, error: unknown): Response {
  if (error instanceof ReportError) return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
  req.payload.logger.error({ err: error, msg: 'Rapport impossible à produire' })
  return Response.json({ errors: [{ message: 'Le document n’a pas pu être produit à cause d’une erreur du serveur. Réessayez dans un instant.' }] }, { status: 500 })
}

const file = (body: Buffer | string, type: string, name: string) =>
  new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' },
  })

async function bilanFor(req: PayloadRequest) {
  const user = userOf(req)
  assertStatsReader(user)
  const parsed = periodSchema.safeParse({ from: query(req, 'from'), to: query(req, 'to') })
  if (!parsed.success) throw new ReportError(400, parsed.error.issues[0]?.message ?? 'Période invalide.')
  const territory = await territoryFor(req.payload, user, query(req, 'territory'))
  return buildBilan(req.payload, territory, parsed.data, statsScopeFor(user!))
}

/** GET /api/rapports/bilan.pdf?from=AAAA-MM&to=AAAA-MM — the six-month report (élus, administrators; secrétaires: their communes). */
export const bilanPdfEndpoint: Endpoint = {
  path: '/rapports/bilan.pdf',
  method: 'get',
  handler: async (req) => {
    try {
      const bilan = await bilanFor(req)
      return file(await bilanPdf(bilan), 'application/pdf', `bilan-${bilan.territory.slug}-${bilan.period.from}-${bilan.period.to}.pdf`)
    } catch (error) {
      return fail(req, error)
    }
  },
}

/** GET /api/rapports/bilan.csv — the same report as a spreadsheet. */
export const bilanCsvEndpoint: Endpoint = {
  path: '/rapports/bilan.csv',
  method: 'get',
  handler: async (req) => {
    try {
      const bilan = await bilanFor(req)
      return file(bilanCsv(bilan), 'text/csv; charset=utf-8', `bilan-${bilan.territory.slug}-${bilan.period.from}-${bilan.period.to}.csv`)
    } catch (error) {
      return fail(req, error)
    }
  },
}

/** GET /api/rapports/annuaire.pdf?commune=<id> — the printable directory (secrétaires: their communes). */
export const directoryPdfEndpoint: Endpoint = {
  path: '/rapports/annuaire.pdf',
  method: 'get',
  handler: async (req) => {
    try {
      const user = userOf(req)
      const commune = query(req, 'commune')
      assertDirectoryPrinter(user, commune)
      const territory = await territoryFor(req.payload, user, query(req, 'territory'))
      const book = await buildDirectoryBook(req.payload, territory, commune).catch((error: unknown) => {
        if (error instanceof CommuneNotInTerritory) throw new ReportError(404, 'Commune introuvable sur votre territoire.')
        throw error
      })
      const name = book.commune ? `annuaire-${book.commune.name}` : `annuaire-${book.territory.name}`
      return file(await directoryPdf(book), 'application/pdf', `${name.normalize('NFD').replace(/[^\w-]+/g, '-').toLowerCase()}.pdf`)
    } catch (error) {
      return fail(req, error)
    }
  },
}

// Under /api/rapports: /api/reports/* belongs to the abuse-report collection.
export const reportEndpoints: Endpoint[] = [bilanPdfEndpoint, bilanCsvEndpoint, directoryPdfEndpoint]
