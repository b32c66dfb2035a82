/**
 * A deterministic, realistic data set for the benchmark: entries spread over the demo
 * territory's communes (more in the larger ones), named and described like the businesses,
 * associations, services and announcements of a rural intercommunalité. Same seed, same data.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  }
}
export type Random = ReturnType<typeof random>

export const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefèvre',
  'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc',
  'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez',
  'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly',
  'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand', 'Dufour', 'Blanchard',
  'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Fernandez', 'Pierre', 'Renard', 'Arnaud',
  'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois', 'Renaud', 'Lemoine', 'Picard', 'Gaillard',
  'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier', 'Rodriguez', 'Da Silva', 'Hubert', 'Louis', 'Charles',
  'Vasseur', 'Delattre', 'Prévost', 'Bertin', 'Carpentier', 'Delahaye', 'Lecomte', 'Poulain', 'Boulanger', 'Devaux',
]

/** For each sub-category: name heads and description fragments (real trades of the area). */
export const TRADES: Record<string, { heads: string[]; words: string[] }> = {
  'Boulangerie, pâtisserie': { heads: ['Boulangerie', 'Boulangerie-pâtisserie', 'Au Fournil', 'Pâtisserie'], words: ['pain au levain', 'baguettes tradition', 'viennoiseries', 'gâteaux sur commande', 'tartes aux fruits', 'dépôt de pain'] },
  'Boucherie, charcuterie': { heads: ['Boucherie', 'Boucherie-charcuterie', 'Charcuterie'], words: ['viande de la région', 'bœuf et agneau', 'charcuterie maison', 'plats cuisinés', 'volailles fermières'] },
  'Épicerie, supérette': { heads: ['Épicerie', 'Supérette', 'Le Panier', 'Alimentation générale'], words: ['produits frais', 'relais colis', 'dépôt de gaz', 'presse', 'fruits et légumes'] },
  'Producteurs locaux': { heads: ['Ferme', 'La Ferme', 'Les Vergers', 'Le Rucher', 'Maraîcher'], words: ['vente directe', 'œufs de plein air', 'lait cru', 'fromages fermiers', 'miel de colza', 'cidre fermier', 'légumes de saison'] },
  Marchés: { heads: ['Marché de', 'Halle de'], words: ['marché hebdomadaire', 'producteurs', 'forains', 'le samedi matin'] },
  'Livraison de repas': { heads: ['Repas à domicile', 'Portage de repas', 'Traiteur'], words: ['repas livrés', 'menus équilibrés', 'régimes adaptés', 'personnes âgées'] },
  'Plomberie, chauffage': { heads: ['Plomberie', 'Plomberie-chauffage', 'Chauffage', 'Sanitaire'], words: ['dépannage de fuites', 'chaudières fioul et gaz', 'pompes à chaleur', 'salles de bain', 'ramonage'] },
  Électricité: { heads: ['Électricité', 'Électricité générale', 'Elec'], words: ['mise aux normes', 'dépannage électrique', 'bornes de recharge', 'chauffage électrique', 'domotique'] },
  'Maçonnerie, couverture': { heads: ['Maçonnerie', 'Couverture', 'Charpente-couverture', 'Bâtiment'], words: ['toitures en ardoise', 'murs en brique', 'ravalement', 'extensions', 'zinguerie', 'démoussage'] },
  Menuiserie: { heads: ['Menuiserie', 'Ébénisterie', 'Atelier bois'], words: ['fenêtres bois et PVC', 'escaliers', 'portes', 'placards sur mesure', 'volets'] },
  'Peinture, décoration': { heads: ['Peinture', 'Peinture-décoration', 'Déco'], words: ['peinture intérieure', 'papier peint', 'ravalement de façades', 'revêtements de sol'] },
  'Jardinage, espaces verts': { heads: ['Jardins', 'Paysages', 'Espaces verts', 'Le Jardinier'], words: ['tonte', 'taille de haies', 'élagage', 'entretien de jardins', 'paiement en CESU'] },
  'Ménage, repassage': { heads: ['Services à domicile', 'Ménage', 'Net Services'], words: ['ménage', 'repassage', 'nettoyage', 'vitres', 'paiement en CESU'] },
  'Garage, réparation automobile': { heads: ['Garage', 'Carrosserie', 'Auto Services', 'Mécanique'], words: ['mécanique toutes marques', 'pneus', 'carrosserie', 'pare-brise', 'contrôle technique', 'véhicule de prêt'] },
  'Réparation électroménager, informatique': { heads: ['Dépann', 'Réparation', 'Informatique'], words: ['réparation d’ordinateurs', 'téléphones', 'électroménager', 'box internet', 'récupération de données'] },
  Serrurerie: { heads: ['Serrurerie', 'Serrurier'], words: ['porte claquée', 'changement de serrure', 'reproduction de clés', 'blindage'] },
  'Aide numérique et administrative': { heads: ['Point numérique', 'France services', 'Écrivain public'], words: ['démarches en ligne', 'impôts', 'carte grise', 'CAF', 'courriels'] },
  'Petits travaux et bricolage': { heads: ['Multi-services', 'Bricolage', 'Homme toutes mains'], words: ['montage de meubles', 'petites réparations', 'étagères', 'joints'] },
  'Taxi, transport à la demande': { heads: ['Taxi', 'Ambulances', 'Transport'], words: ['taxi conventionné', 'gares', 'hôpitaux', 'aéroport de Beauvais', 'transport médical'] },
  'Covoiturage, accompagnement': { heads: ['Covoiturage', 'Accompagnement'], words: ['covoiturage', 'rendez-vous médicaux', 'courses', 'conduire'] },
  Cycles: { heads: ['Cycles', 'Vélos', 'Atelier vélo'], words: ['réparation de vélos', 'vélos électriques', 'location', 'entretien'] },
  'Auto-école': { heads: ['Auto-école', 'École de conduite'], words: ['permis B', 'conduite accompagnée', 'code de la route', 'permis moto'] },
  'Associations sportives': { heads: ['Football Club', 'Tennis Club', 'Judo Club', 'Gym', 'Randonneurs', 'Tennis de table'], words: ['entraînements', 'compétitions', 'dès 6 ans', 'loisir', 'randonnée'] },
  'Culture et patrimoine': { heads: ['Bibliothèque', 'Harmonie', 'Théâtre', 'Les Amis du patrimoine', 'École de musique'], words: ['prêt de livres', 'cours de musique', 'spectacles', 'visites guidées', 'patrimoine'] },
  'Fêtes et comités': { heads: ['Comité des fêtes', 'Amicale', 'Foyer rural'], words: ['brocante', 'fête du village', 'marché de Noël', 'bénévoles', 'repas des aînés'] },
  'Cafés, restaurants': { heads: ['Café', 'Restaurant', 'Auberge', 'Bar-tabac', 'Le Relais'], words: ['menu du jour', 'cuisine du terroir', 'ficelle picarde', 'terrasse', 'soirées à thème'] },
  'Garde d’enfants': { heads: ['Micro-crèche', 'Assistante maternelle', 'Crèche'], words: ['accueil des enfants', 'nounou', 'de 10 semaines à 3 ans', 'baby-sitting'] },
  'Soutien scolaire': { heads: ['Soutien scolaire', 'Aide aux devoirs', 'Cours particuliers'], words: ['aide aux devoirs', 'mathématiques', 'français', 'du CP au lycée'] },
  'Accueil de loisirs': { heads: ['Accueil de loisirs', 'Centre de loisirs'], words: ['mercredis', 'vacances scolaires', 'périscolaire', 'activités'] },
  Médecins: { heads: ['Cabinet médical', 'Maison de santé', 'Docteur'], words: ['médecins généralistes', 'consultations sur rendez-vous', 'visites à domicile'] },
  Pharmacies: { heads: ['Pharmacie'], words: ['médicaments', 'orthopédie', 'matériel médical', 'vaccination', 'livraison à domicile'] },
  Infirmiers: { heads: ['Cabinet infirmier', 'Infirmière'], words: ['soins à domicile', 'prises de sang', 'pansements', 'injections'] },
  'Kinésithérapie et paramédical': { heads: ['Kinésithérapie', 'Ostéopathe', 'Orthophoniste', 'Podologue'], words: ['rééducation', 'ostéopathie', 'à domicile', 'sur prescription'] },
  'Aide à domicile': { heads: ['Aide à domicile', 'Auxiliaire de vie', 'ADMR'], words: ['aide à la toilette', 'courses', 'repas', 'personnes âgées', 'paiement en CESU'] },
  'Garde d’animaux': { heads: ['Pension', 'Pet-sitting', 'Garde d’animaux'], words: ['garde de chats', 'promenade de chiens', 'pension canine', 'vacances'] },
  'Arrosage et surveillance': { heads: ['Surveillance', 'Veille maison'], words: ['arrosage', 'relève du courrier', 'surveillance de la maison', 'vacances'] },
  Conciergerie: { heads: ['Conciergerie', 'Conciergerie rurale'], words: ['remise de clés', 'gardiennage', 'locations de vacances', 'ménage'] },
}

export const ANNOUNCEMENT_TEMPLATES: Array<{ kind: 'offer' | 'need'; title: string; body: string; category: string; priceType: 'free' | 'paid' | 'cesu' }> = [
  { kind: 'offer', title: 'Je peux conduire à vos rendez-vous', body: 'Retraité avec une voiture, j’accompagne aux rendez-vous médicaux et aux courses.', category: 'Covoiturage, accompagnement', priceType: 'free' },
  { kind: 'need', title: 'Cherche quelqu’un pour tondre la pelouse', body: 'Jardin d’environ 500 m², tous les quinze jours. Paiement en CESU possible.', category: 'Jardinage, espaces verts', priceType: 'cesu' },
  { kind: 'need', title: 'Garde de mon chat pendant les vacances', body: 'Nourrir le chat deux fois par jour pendant une semaine en août.', category: 'Garde d’animaux', priceType: 'paid' },
  { kind: 'offer', title: 'Aide au montage de meubles', body: 'Bricoleur, je monte vos meubles en kit et pose vos étagères.', category: 'Petits travaux et bricolage', priceType: 'free' },
  { kind: 'offer', title: 'Cours de guitare pour débutants', body: 'Cours de guitare aux enfants et aux adultes, le samedi.', category: 'Culture et patrimoine', priceType: 'paid' },
  { kind: 'need', title: 'Recherche covoiturage vers Beauvais', body: 'Trajet le matin vers Beauvais pour le travail, participation aux frais.', category: 'Covoiturage, accompagnement', priceType: 'paid' },
  { kind: 'offer', title: 'Baby-sitting le soir et le week-end', body: 'Étudiante avec BAFA, je garde vos enfants le soir.', category: 'Garde d’enfants', priceType: 'cesu' },
  { kind: 'need', title: 'Aide aux devoirs pour mon fils', body: 'Cherche une aide aux devoirs en mathématiques, niveau collège, deux soirs par semaine.', category: 'Soutien scolaire', priceType: 'paid' },
  { kind: 'offer', title: 'Je relève votre courrier pendant vos absences', body: 'Voisine disponible pour relever le courrier et arroser les plantes.', category: 'Arrosage et surveillance', priceType: 'free' },
  { kind: 'need', title: 'Besoin d’aide pour remplir mes papiers', body: 'Je ne sais pas utiliser internet, qui peut m’aider pour ma déclaration d’impôts ?', category: 'Aide numérique et administrative', priceType: 'free' },
]

export type GeneratedEntry = {
  kind: 'businesses' | 'associations' | 'services' | 'announcements'
  title: string
  description: string
  category: string
  commune: string
  latitude: number
  longitude: number
  priceType: 'free' | 'paid' | 'cesu'
  announcementKind: 'offer' | 'need' | null
  status: 'published' | 'pending' | 'rejected' | 'archived'
  expiresAt: string | null
  updatedAt: string
}

export type CommuneInfo = { inseeCode: string; name: string; latitude: number; longitude: number; population: number }

const ASSOCIATION_TRADES = ['Associations sportives', 'Culture et patrimoine', 'Fêtes et comités', 'Aide à domicile', 'Accueil de loisirs', 'Soutien scolaire']

/** Picks communes in proportion to population (bigger villages have more entries). */
function communePicker(rng: Random, communes: CommuneInfo[]) {
  const cumulative: number[] = []
  let sum = 0
  for (const c of communes) cumulative.push((sum += Math.max(30, c.population)))
  return () => {
    const x = rng.next() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return communes[lo]!
  }
}

/** `count` entries; ~88 % published, a few pending/rejected/archived, some announcements expired. */
export function generateEntries(count: number, communes: CommuneInfo[], seed = 20261125): GeneratedEntry[] {
  const rng = random(seed)
  const pickCommune = communePicker(rng, communes)
  const trades = Object.keys(TRADES)
  const now = Date.UTC(2026, 10, 25)
  const out: GeneratedEntry[] = []
  for (let i = 0; i < count; i++) {
    const commune = pickCommune()
    const roll = rng.next()
    const kind = roll < 0.5 ? 'businesses' : roll < 0.65 ? 'associations' : roll < 0.8 ? 'services' : 'announcements'
    const status = rng.chance(0.88) ? 'published' : rng.pick(['pending', 'rejected', 'archived'] as const)
    // Within ~2 km of the commune centre.
    const latitude = commune.latitude + (rng.next() - 0.5) * 0.036
    const longitude = commune.longitude + (rng.next() - 0.5) * 0.054
    const updatedAt = new Date(now - rng.int(730) * 86_400_000).toISOString()
    if (kind === 'announcements') {
      const t = rng.pick(ANNOUNCEMENT_TEMPLATES)
      out.push({
        kind, title: `${t.title} à ${commune.name}`, description: t.body, category: t.category, commune: commune.inseeCode,
        latitude, longitude, priceType: t.priceType, announcementKind: t.kind, status,
        expiresAt: new Date(now + (rng.int(120) - 30) * 86_400_000).toISOString(), updatedAt,
      })
      continue
    }
    const category = kind === 'associations' ? rng.pick(ASSOCIATION_TRADES) : rng.pick(trades)
    const trade = TRADES[category]!
    const head = rng.pick(trade.heads)
    const who = rng.chance(0.5) ? rng.pick(SURNAMES) : `de ${commune.name}`
    const title =
      kind === 'services'
        ? `${rng.pick(['Service', 'Intervention', 'Livraison', 'Atelier', 'Permanence'])} ${rng.pick(trade.words)} — ${head} ${rng.pick(SURNAMES)}`
        : `${head} ${who}`
    const fragments = [rng.pick(trade.words), rng.pick(trade.words), rng.pick(trade.words)]
    const description = `${fragments[0]![0]!.toUpperCase()}${fragments[0]!.slice(1)}, ${fragments[1]}, ${fragments[2]}. ${rng.pick([
      'Intervention dans tout le canton.',
      `Sur rendez-vous à ${commune.name}.`,
      'Devis gratuit.',
      'Ouvert du mardi au samedi.',
      'Accueil chaleureux, parking devant.',
      'Paiement par carte accepté.',
    ])}`
    out.push({
      kind, title, description, category, commune: commune.inseeCode, latitude, longitude,
      priceType: kind === 'services' ? rng.pick(['free', 'paid', 'paid', 'cesu'] as const) : 'free',
      announcementKind: null, status, expiresAt: null, updatedAt,
    })
  }
  return out
}

/** One edit (swap, deletion, doubling or substitution) in the middle of a word. */
export function typo(rng: Random, word: string): string {
  const i = 1 + rng.int(Math.max(1, word.length - 3))
  switch (rng.int(4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    case 1:
      return word.slice(0, i) + word.slice(i + 1)
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i)
    default:
      return word.slice(0, i) + 'aeiou'[rng.int(5)] + word.slice(i + 1)
  }
}
