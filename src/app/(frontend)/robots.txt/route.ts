import { currentOrigin } from '@/site/territory'

export const dynamic = 'force-dynamic'

export async function GET() {
  const origin = await currentOrigin()
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /recherche',
    'Disallow: /contacter/',
    'Disallow: /signaler/',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n')
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
}
