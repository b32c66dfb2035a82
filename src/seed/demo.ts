import type { Payload } from 'payload'

import { importEpci } from '@/territories/importEpci'

import { createAccount, demoAccounts } from './accounts'
import { seedCategories } from './categories'
import {
  EXAMPLE_ANNOUNCEMENTS,
  EXAMPLE_ASSOCIATIONS,
  EXAMPLE_BUSINESSES,
  EXAMPLE_SERVICES,
  type ExampleHours,
} from './examples'
import { demoSiret } from './luhn'
import { seedMairies } from './mairies'
import { seedModerationExamples } from './moderationExamples'
import { DEMO_LEGAL_TEXTS } from './demoLegal'
import { seedPages } from './pages'
import { brandTerritory, DEMO_HOSTNAMES, seedSecondTerritory } from './secondTerritory'

export const DEMO_EPCI = '246000848'

type Ids = Map<string, number | string>

/**
 * On an empty database: imports CC de la Picardie Verte, the categories, one account per
 * role (credentials printed once) and the example entries, then the second pilot territory
 * (CC des Portes de Sologne, see secondTerritory.ts). Does nothing otherwise.
 */
export async function seedDemoIfEmpty(payload: Payload, log: (line: string) => void = console.log): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'territories', overrideAccess: true })
  if (totalDocs > 0) return false
  log('Base vide : installation du territoire de démonstration…')
  const report = await importEpci(payload, DEMO_EPCI)
  log(`  ${report.territory.name} : ${report.communes.total} communes importées.`)
  if (report.withoutCentre.length) {
    log(`  Sans centre connu : ${report.withoutCentre.map((c) => `${c.name} (${c.inseeCode})`).join(', ')}`)
  }
  const territory = report.territory.id
  const categories = await seedCategories(payload)
  log(`  ${categories.size} catégories.`)
  const communes = await communeIdsByCode(payload, territory)

  const accounts = demoAccounts()
  const users = new Map<string, number | string>()
  for (const account of accounts) {
    const user = await createAccount(payload, account, territory, communes)
    users.set(account.role, user.id)
  }
  await seedExamples(payload, { categories, communes, users })
  await seedMairies(payload, communes)
  await seedModerationExamples(payload, { categories, communes, users })
  log(`  ${await seedPages(payload, territory, DEMO_LEGAL_TEXTS)} pages légales (modifiables dans l’espace de gestion).`)
  await brandTerritory(payload, territory, {
    hostname: DEMO_HOSTNAMES.first,
    primaryColor: '#1d4f91',
    accentColor: '#2e7d32',
    initials: 'PV',
    name: report.territory.name,
  })
  log('  Exemples créés (marqués « Exemple » sur le site).')
  const secondAccounts = await seedSecondTerritory(payload, categories, log)

  log('\nComptes de démonstration (affichés une seule fois, notez-les) :')
  for (const account of accounts) {
    log(`  ${account.role.padEnd(10)} ${account.email.padEnd(40)} ${account.password}`)
  }
  log('  Portes de Sologne :')
  for (const account of secondAccounts) {
    log(`  ${account.role.padEnd(10)} ${account.email.padEnd(40)} ${account.password}`)
  }
  log('')
  return true
}

async function communeIdsByCode(payload: Payload, territory: number | string): Promise<Ids> {
  const { docs } = await payload.find({
    collection: 'communes',
    where: { territory: { equals: territory } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return new Map(docs.map((c) => [c.inseeCode, c.id]))
}

function hoursOf(hours: ExampleHours | undefined) {
  return { weekly: (hours ?? []).map(([day, opens, closes]) => ({ day, opens, closes })) }
}

function pick(ids: Ids, key: string, what: string) {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Données d'exemple : ${what} « ${key} » introuvable.`)
  return id as number
}

async function seedExamples(payload: Payload, ids: { categories: Ids; communes: Ids; users: Ids }) {
  const context = { skipAudit: true }
  const providers = new Map<string, { relationTo: 'businesses' | 'associations'; value: number }>()
  let n = 0
  for (const b of EXAMPLE_BUSINESSES) {
    const doc = await payload.create({
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
        website: b.website,
        email: `contact+${n}@annuaire.example`,
        openingHours: hoursOf(b.hours) as never,
        owners: b.ownedByDemoOwner ? [ids.users.get('owner') as number] : [],
        status: 'published',
        isExample: true,
      },
    })
    providers.set(b.name, { relationTo: 'businesses', value: doc.id })
  }
  for (const a of EXAMPLE_ASSOCIATIONS) {
    const doc = await payload.create({
      collection: 'associations',
      overrideAccess: true,
      context,
      data: {
        name: a.name,
        rna: a.rna,
        categories: a.categories.map((c) => pick(ids.categories, c, 'catégorie')),
        description: a.description,
        commune: pick(ids.communes, a.commune, 'commune'),
        street: a.street,
        phone: a.phone,
        email: `association+${++n}@annuaire.example`,
        openingHours: hoursOf(a.hours) as never,
        status: 'published',
        isExample: true,
      },
    })
    providers.set(a.name, { relationTo: 'associations', value: doc.id })
  }
  for (const s of EXAMPLE_SERVICES) {
    const provider = providers.get(s.provider)
    if (!provider) throw new Error(`Données d'exemple : prestataire « ${s.provider} » introuvable.`)
    await payload.create({
      collection: 'services',
      overrideAccess: true,
      context,
      data: {
        title: s.title,
        provider,
        categories: s.categories.map((c) => pick(ids.categories, c, 'catégorie')),
        priceType: s.priceType,
        description: s.description,
        availability: s.availability,
        communesServed: (s.communesServed ?? []).map((c) => pick(ids.communes, c, 'commune')),
        status: 'published',
        isExample: true,
      } as never,
    })
  }
  for (const a of EXAMPLE_ANNOUNCEMENTS) {
    const day = a.aboutDayIn === undefined ? null : new Date(Date.now() + a.aboutDayIn * 86_400_000)
    await payload.create({
      collection: 'announcements',
      overrideAccess: true,
      context,
      data: {
        kind: a.kind,
        title: a.title,
        body: day ? a.body.replace('{jour}', day.toLocaleDateString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Paris' })) : a.body,
        commune: pick(ids.communes, a.commune, 'commune'),
        category: a.category ? pick(ids.categories, a.category, 'catégorie') : undefined,
        priceType: a.priceType,
        author: (a.byResident ? ids.users.get('resident') : ids.users.get('editor')) as number,
        onBehalfOf: a.onBehalfOf ? { enabled: true, residentName: a.onBehalfOf } : undefined,
        status: 'published',
        isExample: true,
      },
    })
  }
}
