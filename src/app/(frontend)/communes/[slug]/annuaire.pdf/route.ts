import { publicBooklet } from '@/reports/publicBooklet'
import { getCommunes } from '@/site/directory'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

/** GET /communes/<slug>/annuaire.pdf — the commune's paper booklet, for anyone to print. */
export async function GET(_request: Request, { params }: Context) {
  const territory = await getCurrentTerritory()
  const slug = decodeURIComponent((await params).slug)
  const commune = territory ? (await getCommunes(territory.id)).find((c) => c.slug === slug) : undefined
  if (!territory || !commune) {
    return new Response('Commune introuvable sur ce territoire.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const pdf = await publicBooklet(await sitePayload(), territory.id, commune.id)
  const file = `annuaire-${commune.slug}.pdf`
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${file}"`,
      'Cache-Control': 'public, max-age=600',
    },
  })
}
