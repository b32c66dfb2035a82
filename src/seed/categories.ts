import type { Payload } from 'payload'

import { slugify } from '@/fields/slug'
import { DEFAULT_CATEGORIES } from '@/territories/defaultCategories'

/** Creates the national category set (territory left empty) unless it exists. Returns ids by name. */
export async function seedCategories(payload: Payload): Promise<Map<string, number | string>> {
  const ids = new Map<string, number | string>()
  let order = 0
  for (const parent of DEFAULT_CATEGORIES) {
    const parentId = await upsertCategory(payload, { name: parent.name, icon: parent.icon, keywords: parent.keywords, order: (order += 10) })
    ids.set(parent.name, parentId)
    let childOrder = 0
    for (const child of parent.children ?? []) {
      const childId = await upsertCategory(payload, {
        name: child.name,
        keywords: child.keywords,
        parent: parentId,
        order: (childOrder += 10),
      })
      ids.set(child.name, childId)
    }
  }
  return ids
}

async function upsertCategory(
  payload: Payload,
  data: { name: string; icon?: string; keywords?: string; parent?: number | string; order: number },
) {
  const slug = slugify(data.name)
  const found = await payload.find({
    collection: 'categories',
    where: { and: [{ slug: { equals: slug } }, { territory: { exists: false } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs[0]) return found.docs[0].id
  const created = await payload.create({
    collection: 'categories',
    data: { ...data, slug, parent: data.parent as number | undefined },
    overrideAccess: true,
  })
  return created.id
}
