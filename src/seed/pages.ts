import type { Payload } from 'payload'

import { fillLegalText, LEGAL_TEXTS, type LegalSlug, type LegalText, toLexical } from '@collections/Pages/defaults'

/**
 * Creates the territory's legal pages (mentions légales, confidentialité, accessibilité,
 * à propos) from the default texts, unless the territory already has them. Administrators
 * edit them afterwards in the admin (Site public › Pages).
 */
export async function seedPages(payload: Payload, territoryId: number | string, texts: Record<LegalSlug, LegalText> = LEGAL_TEXTS): Promise<number> {
  const territory = await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true })
  let created = 0
  for (const slug of Object.keys(texts) as LegalSlug[]) {
    const existing = await payload.count({
      collection: 'pages',
      where: { and: [{ slug: { equals: slug } }, { territory: { equals: territory.id } }] },
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) continue
    const text = fillLegalText(texts[slug], territory)
    await payload.create({
      collection: 'pages',
      overrideAccess: true,
      context: { skipAudit: true },
      data: { title: text.title, slug, territory: territory.id as number, content: toLexical(text.blocks) as never },
    })
    created++
  }
  return created
}
