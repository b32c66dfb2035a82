import type { Payload } from 'payload'

/**
 * The mairies of the demo communes that have entries, so that the paper booklet's contact
 * box is filled. Addresses follow the usual « place de la Mairie » pattern; the phone
 * numbers are in the range ARCEP reserves for fiction (03 53 01 xx xx): they ring nobody.
 */
export const DEMO_MAIRIES: Record<string, { address: string; phone: string; hours: string }> = {
  '60286': {
    address: '1 place Barbier\n60210 Grandvilliers',
    phone: '03 53 01 60 21',
    hours: 'Lundi au vendredi : 9 h – 12 h et 14 h – 17 h 30\nSamedi : 9 h – 12 h',
  },
  '60245': {
    address: '2 place de l’Hôtel de Ville\n60220 Formerie',
    phone: '03 53 01 60 22',
    hours: 'Lundi, mardi, jeudi, vendredi : 9 h – 12 h et 14 h – 17 h\nMercredi : 9 h – 12 h',
  },
  '60623': {
    address: '3 place de la Mairie\n60380 Songeons',
    phone: '03 53 01 60 23',
    hours: 'Lundi au vendredi : 9 h – 12 h\nMardi et jeudi : 14 h – 18 h',
  },
  '60387': {
    address: '5 rue de la Mairie\n60690 Marseille-en-Beauvaisis',
    phone: '03 53 01 60 24',
    hours: 'Lundi, mercredi, vendredi : 14 h – 18 h\nSamedi : 10 h – 12 h',
  },
  '60611': {
    address: '1 rue de l’Église\n60650 Senantes',
    phone: '03 53 01 60 25',
    hours: 'Mardi : 17 h – 19 h\nVendredi : 9 h – 12 h',
  },
  '60298': {
    address: '4 rue de la Mairie\n60650 Hanvoile',
    phone: '03 53 01 60 26',
    hours: 'Lundi : 14 h – 18 h\nJeudi : 9 h – 12 h',
  },
  '45146': {
    address: '1 rue du Général Leclerc\n45240 La Ferté-Saint-Aubin',
    phone: '02 61 91 45 46',
    hours: 'Lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h 30\nSamedi : 9 h – 12 h',
  },
}

/** Fills the `mairie` group of the demo communes found in `communes` (INSEE code → id). */
export async function seedMairies(payload: Payload, communes: Map<string, number | string>): Promise<number> {
  let count = 0
  for (const [code, mairie] of Object.entries(DEMO_MAIRIES)) {
    const id = communes.get(code)
    if (id === undefined) continue
    await payload.update({ collection: 'communes', id, data: { mairie }, overrideAccess: true, context: { skipAudit: true } })
    count += 1
  }
  return count
}
