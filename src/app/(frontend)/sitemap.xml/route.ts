import { DIRECTORY_SLUGS } from '@collections/slugs'
import { categoryTree, getCategories, getCommunes, notExpired } from '@/site/directory'
import { sitePayload } from '@/site/payload'
import { currentOrigin, getCurrentTerritory } from '@/site/territory'
import { categoryPath, communePath, entryPath, LEGAL_PATHS, OPEN_DATA_PATH } from '@/territories/urls'

export const dynamic = 'force-dynamic'

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Every public page of the territory, for search engines. */
export async function GET() {
  const territory = await getCurrentTerritory()
  const origin = await currentOrigin()
  const urls: Array<{ path: string; lastmod?: string }> = [
    { path: '/' },
    { path: '/categories' },
    { path: '/communes' },
    { path: '/annonces' },
    { path: '/carte' },
    { path: OPEN_DATA_PATH },
    ...Object.values(LEGAL_PATHS).map((path) => ({ path })),
  ]
  if (territory) {
    const payload = await sitePayload()
    const [categories, communes] = await Promise.all([getCategories(territory.id), getCommunes(territory.id)])
    for (const { category, children } of categoryTree(categories)) {
      for (const c of [category, ...children]) if (c.slug) urls.push({ path: categoryPath(c.slug) })
    }
    for (const c of communes) urls.push({ path: communePath(c.slug) })
    for (const kind of DIRECTORY_SLUGS) {
      const { docs } = await payload.find({
        collection: kind,
        where: { and: [{ territory: { equals: territory.id } }, ...notExpired(kind)] },
        select: { slug: true, updatedAt: true },
        pagination: false,
        depth: 0,
        overrideAccess: false,
      })
      for (const doc of docs) if (doc.slug) urls.push({ path: entryPath(kind, doc.slug), lastmod: doc.updatedAt })
    }
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls
  .map((u) => `  <url><loc>${escapeXml(origin + u.path)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`)
  .join('\n')}
</urlset>
`
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
}
