/**
 * Example entries of the demo territory (CC de la Picardie Verte). Every one is stored with
 * `isExample: true` and shown as « Exemple » on the site: they are not real businesses.
 * Communes are named by INSEE code, categories by name (see src/territories/defaultCategories.ts).
 */
export type ExampleHours = Array<[day: string, opens: string, closes: string]>

export type ExampleBusiness = {
  name: string
  commune: string
  categories: string[]
  description: string
  street?: string
  phone?: string
  website?: string
  activity?: string
  hours?: ExampleHours
  ownedByDemoOwner?: boolean
}

export type ExampleAssociation = Omit<ExampleBusiness, 'activity'> & { rna: string }

export type ExampleService = {
  title: string
  provider: string
  categories: string[]
  priceType: 'free' | 'paid' | 'cesu'
  description: string
  availability?: string
  communesServed?: string[]
}

export type ExampleAnnouncement = {
  kind: 'offer' | 'need' | 'notice'
  title: string
  body: string
  commune: string
  category?: string
  priceType: 'free' | 'paid' | 'cesu'
  byResident?: boolean
  onBehalfOf?: string
  /** A notice about one day: that day, in days from the seeding (« {jour} » in its text). */
  aboutDayIn?: number
}

const weekdays = (opens: string, closes: string, days = ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday']): ExampleHours =>
  days.map((day) => [day, opens, closes])

export const EXAMPLE_BUSINESSES: ExampleBusiness[] = [
  {
    name: 'Boulangerie Martin',
    commune: '60286',
    categories: ['Boulangerie, pâtisserie'],
    description: 'Pain au levain cuit au feu de bois, viennoiseries et pâtisseries maison. Dépôt de pain le dimanche matin.',
    street: '12 place Barbier',
    phone: '03 44 46 10 20',
    activity: 'Boulangerie et boulangerie-pâtisserie',
    hours: [...weekdays('06:30', '13:00'), ...weekdays('15:30', '19:30'), ['sunday', '07:00', '12:30']],
    ownedByDemoOwner: true,
  },
  {
    name: 'Plomberie Chauffage Lemaire',
    commune: '60245',
    categories: ['Plomberie, chauffage'],
    description: 'Dépannage de fuites, entretien de chaudières fioul et gaz, installation de salles de bain. Intervention dans tout le canton.',
    street: '4 rue de la Gare',
    phone: '03 44 46 22 31',
    activity: 'Travaux de plomberie et installation de chauffage',
    hours: weekdays('08:00', '18:00', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
  },
  {
    name: 'Garage du Thérain',
    commune: '60623',
    categories: ['Garage, réparation automobile'],
    description: 'Mécanique toutes marques, pneus, contrôle avant contrôle technique, prêt de véhicule.',
    street: '2 route de Gerberoy',
    phone: '03 44 82 30 41',
    activity: 'Entretien et réparation de véhicules automobiles légers',
    hours: weekdays('08:30', '18:30', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
  },
  {
    name: 'Épicerie de Marseille-en-Beauvaisis',
    commune: '60387',
    categories: ['Épicerie, supérette', 'Producteurs locaux'],
    description: 'Épicerie de village : produits frais, fruits et légumes des fermes voisines, dépôt de gaz, point relais colis.',
    street: '1 rue Principale',
    phone: '03 44 46 31 02',
    hours: weekdays('08:00', '12:30', ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  },
  {
    name: 'Ferme des Trois Chênes',
    commune: '60611',
    categories: ['Producteurs locaux'],
    description: 'Vente directe à la ferme : lait cru, yaourts, fromage blanc, œufs de plein air et colis de viande de bœuf sur commande.',
    street: 'Hameau du Bois',
    phone: '06 12 34 56 78',
    hours: [['friday', '16:00', '19:00'], ['saturday', '09:00', '12:00']],
  },
  {
    name: 'Cabinet médical de Grandvilliers',
    commune: '60286',
    categories: ['Médecins'],
    description: 'Deux médecins généralistes, consultations sur rendez-vous et visites à domicile pour les personnes qui ne peuvent pas se déplacer.',
    street: '8 rue Saint-Denis',
    phone: '03 44 46 70 00',
    hours: weekdays('08:30', '19:00', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
  },
  {
    name: 'Pharmacie de Formerie',
    commune: '60245',
    categories: ['Pharmacies'],
    description: 'Pharmacie, orthopédie, matériel médical en location, livraison à domicile pour les personnes âgées.',
    street: '15 place du Marché',
    phone: '03 44 46 17 17',
    hours: [...weekdays('09:00', '12:30', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']), ...weekdays('14:00', '19:30', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])],
  },
  {
    name: 'Électricité Dubois',
    commune: '60233',
    categories: ['Électricité'],
    description: 'Mise aux normes, dépannage, installation de bornes de recharge et de chauffage électrique.',
    phone: '06 23 45 67 89',
    activity: "Travaux d’installation électrique",
  },
  {
    name: 'Taxi Picard',
    commune: '60405',
    categories: ['Taxi, transport à la demande'],
    description: 'Taxi conventionné : transports vers les hôpitaux de Beauvais et d’Amiens, gares, aéroport de Beauvais-Tillé.',
    phone: '06 34 56 78 90',
  },
  {
    name: 'Les Jardins de Hanvoile',
    commune: '60298',
    categories: ['Jardinage, espaces verts'],
    description: 'Tonte, taille de haies, entretien de jardins. Paiement en CESU accepté (50 % de crédit d’impôt).',
    phone: '06 45 67 89 01',
  },
]

export const EXAMPLE_ASSOCIATIONS: ExampleAssociation[] = [
  {
    name: 'Comité des fêtes de Songeons',
    rna: 'W602001234',
    commune: '60623',
    categories: ['Fêtes et comités'],
    description: 'Brocante de printemps, fête du village en juin et marché de Noël. Bénévoles bienvenus.',
  },
  {
    name: 'Aide à domicile en milieu rural de la Picardie Verte',
    rna: 'W602004567',
    commune: '60286',
    categories: ['Aide à domicile'],
    description: 'Aide à la toilette, aux repas et aux courses pour les personnes âgées ou handicapées, portage de repas.',
    phone: '03 44 46 55 00',
  },
  {
    name: 'Football Club de Formerie',
    rna: 'W602007890',
    commune: '60245',
    categories: ['Associations sportives'],
    description: 'Football pour les enfants dès 5 ans et les adultes, entraînements le mercredi et le vendredi.',
  },
]

export const EXAMPLE_SERVICES: ExampleService[] = [
  {
    title: 'Livraison de pain à domicile',
    provider: 'Boulangerie Martin',
    categories: ['Boulangerie, pâtisserie', 'Livraison de repas'],
    priceType: 'paid',
    description: 'Tournée de livraison du pain et des viennoiseries le mardi et le vendredi dans les villages autour de Grandvilliers.',
    availability: 'Mardi et vendredi matin',
    communesServed: ['60286', '60298', '60245', '60611'],
  },
  {
    title: 'Portage de repas',
    provider: 'Aide à domicile en milieu rural de la Picardie Verte',
    categories: ['Livraison de repas', 'Aide à domicile'],
    priceType: 'cesu',
    description: 'Repas équilibrés livrés chaque jour, adaptés aux régimes. Payable en CESU.',
    availability: 'Du lundi au samedi',
    communesServed: ['60286', '60245', '60623', '60387'],
  },
]

export const EXAMPLE_ANNOUNCEMENTS: ExampleAnnouncement[] = [
  {
    kind: 'offer',
    title: 'Je peux conduire à vos rendez-vous médicaux',
    body: 'Retraitée, je dispose d’une voiture et de temps libre en semaine. Je peux accompagner une personne à Beauvais ou à Grandvilliers pour un rendez-vous.',
    commune: '60286',
    category: 'Covoiturage, accompagnement',
    priceType: 'free',
    byResident: true,
  },
  {
    kind: 'need',
    title: 'Cherche quelqu’un pour tondre ma pelouse',
    body: 'Je ne peux plus passer la tondeuse. Jardin d’environ 400 m² à Hanvoile, tous les quinze jours d’avril à octobre. Paiement en CESU possible.',
    commune: '60298',
    category: 'Jardinage, espaces verts',
    priceType: 'cesu',
    byResident: true,
  },
  {
    kind: 'need',
    title: 'Garde de mon chat pendant les vacances',
    body: 'Besoin de quelqu’un pour nourrir mon chat deux fois par jour du 10 au 20 août à Formerie.',
    commune: '60245',
    category: 'Garde d’animaux',
    priceType: 'paid',
    onBehalfOf: 'Mme Lenoir',
  },
  {
    kind: 'notice',
    title: 'Fermeture exceptionnelle de la mairie',
    body: 'La mairie de Grandvilliers sera fermée le {jour}. Permanence téléphonique le matin.',
    commune: '60286',
    priceType: 'free',
    aboutDayIn: 10,
  },
]

/**
 * What the demo moderation queue holds, so that a secrétaire de Grandvilliers sees it at
 * work: a business and an announcement waiting for a decision, and a published profile its
 * owner has just edited (« modifié »). Kept apart from the lists above, which are published.
 */
export const PENDING_EXAMPLE_BUSINESSES: ExampleBusiness[] = [
  {
    name: 'Martin Traiteur',
    commune: '60286',
    categories: ['Livraison de repas'],
    description:
      'Plats cuisinés maison à emporter ou livrés le midi, buffets pour les fêtes de famille et les associations. Fiche envoyée par la boulangerie Martin, en attente de validation.',
    street: '14 place Barbier',
    phone: '03 44 46 10 21',
    activity: 'Services des traiteurs',
    ownedByDemoOwner: true,
  },
]

export const PENDING_EXAMPLE_ANNOUNCEMENTS: ExampleAnnouncement[] = [
  {
    kind: 'offer',
    title: 'J’aide à faire ses démarches en ligne',
    body: 'Ancienne employée de banque, je peux aider à remplir les démarches sur internet (impôts, retraite, carte grise) le mardi après-midi à Hanvoile ou à domicile.',
    commune: '60298',
    category: 'Aide numérique et administrative',
    priceType: 'free',
    byResident: true,
  },
]

/** A published example its owner edits after publication: it shows as « modifié » in the queue. */
export const MODIFIED_EXAMPLE = {
  business: 'Boulangerie Martin',
  description:
    'Pain au levain cuit au feu de bois, viennoiseries et pâtisseries maison. Dépôt de pain le dimanche matin. Nouveau : pain sans gluten le vendredi, sur commande la veille.',
}
