import type { Payload } from 'payload'

import { MODIFIED_EXAMPLE, PENDING_EXAMPLE_ANNOUNCEMENTS, PENDING_EXAMPLE_BUSINESSES } from './examples'
import { demoSiret } from './luhn'

type Ids = Map<string, number | string>

function pick(ids: Ids, key: string, what: string) {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Données d'exemple : ${what} « ${key} » introuvable.`)
  return id as number
}

/**
 * Fills the demo moderation queue: entries waiting for a decision, and an owner's edit of a
 * published profile made through the local API as that owner (so that it is flagged
 * « modifié » and kept in the versions, exactly as a real edit).
 */
export async function seedModerationExamples(payload: Payload, ids: { categories: Ids; communes: Ids; users: Ids }) {
  const context = { skipAudit: true }
  let n = 900
  for (const b of PENDING_EXAMPLE_BUSINESSES) {
    await payload.create({
      collection: 'businesses',
      overrideAccess: true,
      context,
      data: {
        name: b.name,
        siret: demoSiret(++n),
        activity: b.activity,
        categories: b.categories.map((c) => pick(ids.categories, c, 'catégorie')),
        description: b.description,
        commune: pick(ids.communes, b.commune, 'commune'),
        street: b.street,
        phone: b.phone,
        email: `contact+${n}@annuaire.example`,
        owners: b.ownedByDemoOwner ? [ids.users.get('owner') as number] : [],
        status: 'pending',
        isExample: true,
      },
    })
  }
  for (const a of PENDING_EXAMPLE_ANNOUNCEMENTS) {
    await payload.create({
      collection: 'announcements',
      overrideAccess: true,
      context,
      data: {
        kind: a.kind,
        title: a.title,
        body: a.body,
        commune: pick(ids.communes, a.commune, 'commune'),
        category: a.category ? pick(ids.categories, a.category, 'catégorie') : undefined,
        priceType: a.priceType,
        author: (a.byResident ? ids.users.get('resident') : ids.users.get('editor')) as number,
        status: 'pending',
        isExample: true,
      },
    })
  }
  const ownerId = ids.users.get('owner')
  const target = await payload.find({
    collection: 'businesses',
    where: { name: { equals: MODIFIED_EXAMPLE.business } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const business = target.docs[0]
  if (ownerId === undefined || !business) return
  const owner = await payload.findByID({ collection: 'users', id: ownerId, depth: 0, overrideAccess: true })
  await payload.update({
    collection: 'businesses',
    id: business.id,
    data: { description: MODIFIED_EXAMPLE.description },
    user: { ...owner, collection: 'users' },
    overrideAccess: false,
  })
}
