import type { Payload } from 'payload'
import sharp from 'sharp'

import { importEpci } from '@/territories/importEpci'
import { ofTerritory } from '@/territories/names'

import { createAccount, type DemoAccount, generatePassword } from './accounts'
import { demoSiret } from './luhn'
import { seedMairies } from './mairies'
import { DEMO_LEGAL_TEXTS } from './demoLegal'
import { seedPages } from './pages'

/** The second pilot territory of the demo: CC des Portes de Sologne (Loiret, 7 communes). */
export const SECOND_EPCI = '200005932'

/** Host names that reach each demo territory on one machine (Chromium resolves *.localhost to 127.0.0.1). */
export const DEMO_HOSTNAMES = { first: 'picardie-verte.localhost', second: 'sologne.localhost' } as const

type Ids = Map<string, number | string>

/** A category that only the Sologne site shows, on top of the national set. */
export const SECOND_TERRITORY_CATEGORY = {
  name: 'Forêt et bois de chauffage',
  icon: 'outil',
  keywords: 'bûcheron, bois, stère, élagage, forestier, sologne',
}

const RESIDENT_ANNOUNCEMENTS = [
  {
    kind: 'offer' as const,
    title: 'Je garde vos poules pendant les vacances',
    body: 'Habitante d’Ardon, je peux nourrir vos poules et ramasser les œufs pendant vos absences, à Ardon et dans les communes voisines.',
    commune: '45006',
    category: 'Garde d’animaux',
    priceType: 'free' as const,
  },
  {
    kind: 'need' as const,
    title: 'Cherche covoiturage vers Orléans le matin',
    body: 'Je travaille à Orléans et cherche un covoiturage depuis Ménestreau-en-Villette, du lundi au vendredi, départ vers 7 h 30.',
    commune: '45200',
    category: 'Covoiturage, accompagnement',
    priceType: 'free' as const,
  },
]

/** The staff of the second territory: its own administrator, one secrétaire de mairie and one élu. */
export function secondTerritoryAccounts(): DemoAccount[] {
  const password = () => process.env.DEMO_PASSWORD || generatePassword()
  return [
    { role: 'admin', email: 'admin.sologne@annuaire.example', name: 'Nathalie Girard (Portes de Sologne)', password: password() },
    {
      role: 'editor',
      email: 'mairie.laferte@annuaire.example',
      name: 'Pascal Renard (mairie de La Ferté-Saint-Aubin)',
      password: password(),
      communes: ['45146'],
    },
    { role: 'viewer', email: 'elu.sologne@annuaire.example', name: 'Martine Robin (élue)', password: password() },
    { role: 'resident', email: 'habitant.sologne@annuaire.example', name: 'Hugo Moreau', password: password() },
  ]
}

/** A square PNG logo drawn from the territory's colour and initials (the demo has no real logos). */
async function logoPng(color: string, initials: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><rect width="128" height="128" rx="24" fill="${color}"/><text x="64" y="80" font-family="sans-serif" font-size="48" font-weight="700" text-anchor="middle" fill="#ffffff">${initials}</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** Gives a territory its demo look: host name, colours and a logo. */
export async function brandTerritory(
  payload: Payload,
  territory: number | string,
  look: { hostname: string; primaryColor: string; accentColor: string; initials: string; name: string },
) {
  const data = await logoPng(look.primaryColor, look.initials)
  const logo = await payload.create({
    collection: 'media',
    overrideAccess: true,
    context: { skipAudit: true },
    data: { alt: `Logo ${ofTerritory({ name: look.name })}`, territory: territory as number },
    file: { data, mimetype: 'image/png', name: `logo-${look.initials.toLowerCase()}.png`, size: data.length },
  })
  await payload.update({
    collection: 'territories',
    id: territory,
    overrideAccess: true,
    data: { hostnames: [look.hostname], primaryColor: look.primaryColor, accentColor: look.accentColor, logo: logo.id as number },
  })
}

/**
 * Imports CC des Portes de Sologne beside the first demo territory: its communes, its own
 * category on top of the national ones, its staff, example entries (one named like an entry
 * of the first territory, on purpose) and its legal pages. Returns the accounts to print.
 */
export async function seedSecondTerritory(payload: Payload, categories: Ids, log: (line: string) => void): Promise<DemoAccount[]> {
  const report = await importEpci(payload, SECOND_EPCI)
  const territory = report.territory.id
  log(`  ${report.territory.name} : ${report.communes.total} communes importées.`)
  await brandTerritory(payload, territory, {
    hostname: DEMO_HOSTNAMES.second,
    primaryColor: '#2b6a35',
    accentColor: '#a0522d',
    initials: 'PS',
    name: report.territory.name,
  })
  const { docs } = await payload.find({ collection: 'communes', where: { territory: { equals: territory } }, pagination: false, depth: 0, overrideAccess: true })
  const communes = new Map(docs.map((c) => [c.inseeCode, c.id as number]))
  const commune = (code: string) => communes.get(code)!
  await seedMairies(payload, communes)
  const category = (name: string) => {
    const id = categories.get(name)
    if (id === undefined) throw new Error(`Données d'exemple : catégorie « ${name} » introuvable.`)
    return id as number
  }
  const own = await payload.create({
    collection: 'categories',
    overrideAccess: true,
    data: { ...SECOND_TERRITORY_CATEGORY, order: 85, territory: territory as number },
  })

  const accounts = secondTerritoryAccounts()
  const users = new Map<string, number>()
  for (const account of accounts) users.set(account.role, (await createAccount(payload, account, territory, communes)).id as number)

  const context = { skipAudit: true }
  const businesses = [
    {
      name: 'Boulangerie Martin',
      commune: '45146',
      categories: [category('Boulangerie, pâtisserie')],
      description: 'Pains de campagne, brioches et galettes solognotes. Ouvert le dimanche matin.',
      street: '3 rue du Général Leclerc',
      phone: '02 38 76 50 10',
    },
    {
      name: 'Garage de la Sologne',
      commune: '45193',
      categories: [category('Garage, réparation automobile')],
      description: 'Entretien et réparation toutes marques, pneus, climatisation. Véhicule de prêt sur réservation.',
      street: '8 route d’Orléans',
      phone: '02 38 76 11 22',
    },
    {
      name: 'Bois de Sologne Lefort',
      commune: '45175',
      categories: [own.id as number],
      description: 'Bois de chauffage sec (chêne, charme) livré au stère, élagage et abattage.',
      street: 'Lieu-dit Les Brosses',
      phone: '02 38 45 80 90',
    },
  ]
  const providers = new Map<string, number>()
  let n = 500
  for (const b of businesses) {
    const doc = await payload.create({
      collection: 'businesses',
      overrideAccess: true,
      context,
      data: { ...b, commune: commune(b.commune), siret: demoSiret(++n), email: `contact+${n}@annuaire.example`, status: 'published', isExample: true },
    })
    providers.set(b.name, doc.id as number)
  }
  await payload.create({
    collection: 'associations',
    overrideAccess: true,
    context,
    data: {
      name: 'Comité des fêtes de Sennely',
      rna: 'W451000123',
      categories: [category('Fêtes et comités')],
      description: 'Fête de la Saint-Jean, brocante de septembre et repas des anciens.',
      commune: commune('45309'),
      email: `association+${++n}@annuaire.example`,
      status: 'published',
      isExample: true,
    },
  })
  await payload.create({
    collection: 'services',
    overrideAccess: true,
    context,
    data: {
      title: 'Livraison de bois de chauffage',
      provider: { relationTo: 'businesses', value: providers.get('Bois de Sologne Lefort')! },
      categories: [own.id as number],
      priceType: 'paid',
      description: 'Livraison au stère dans les sept communes, bois sec de deux ans, rangement possible.',
      availability: 'D’octobre à mars',
      communesServed: [...communes.values()],
      status: 'published',
      isExample: true,
    } as never,
  })
  for (const a of RESIDENT_ANNOUNCEMENTS) {
    await payload.create({
      collection: 'announcements',
      overrideAccess: true,
      context,
      data: { ...a, commune: commune(a.commune), category: category(a.category), author: users.get('resident')!, status: 'published', isExample: true },
    })
  }
  log(`  ${await seedPages(payload, territory, DEMO_LEGAL_TEXTS)} pages légales, une catégorie propre (« ${SECOND_TERRITORY_CATEGORY.name} ») et des exemples.`)
  return accounts
}
