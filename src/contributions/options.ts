import type { Payload } from 'payload'

import type { Option } from '@/forms/components'

/** Choices of the public forms: the territory's categories (nested names) and communes. */
export async function categoryOptions(payload: Payload, territoryId: number | string | null | undefined): Promise<Option[]> {
  const { docs } = await payload.find({
    collection: 'categories',
    where: territoryId ? { or: [{ territory: { equals: territoryId } }, { territory: { exists: false } }] } : {},
    sort: 'order',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  const parentOf = (c: (typeof docs)[number]) => (typeof c.parent === 'object' ? c.parent?.id : c.parent) ?? null
  const options: Option[] = []
  for (const top of docs.filter((c) => parentOf(c) === null)) {
    options.push({ value: String(top.id), label: top.name })
    for (const child of docs.filter((c) => parentOf(c) === top.id)) options.push({ value: String(child.id), label: `${top.name} › ${child.name}` })
  }
  return options
}

export async function communeOptions(payload: Payload, territoryId: number | string | null | undefined, only?: Array<number | string>): Promise<Option[]> {
  const { docs } = await payload.find({
    collection: 'communes',
    where: territoryId ? { territory: { equals: territoryId } } : {},
    sort: 'name',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  return docs
    .filter((c) => !only || only.map(String).includes(String(c.id)))
    .map((c) => ({ value: String(c.id), label: `${c.name}${c.postcodes?.[0] ? ` (${c.postcodes[0]})` : ''}` }))
    // The database sorts by bytes (« Élencourt » after « Wambez »): French order instead.
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'))
}
