/**
 * The seed territory's categories: the national set every territory starts with.
 * `keywords` feed search synonyms ("plombier" finds "Plomberie").
 */
export type CategorySeed = { name: string; icon: string; keywords?: string; children?: Array<{ name: string; keywords?: string }> }

export const DEFAULT_CATEGORIES: CategorySeed[] = [
  {
    name: 'Alimentation',
    icon: 'panier',
    keywords: 'courses, nourriture, manger',
    children: [
      { name: 'Boulangerie, pâtisserie', keywords: 'boulanger, pain, baguette, viennoiserie, pâtissier, gâteau' },
      { name: 'Boucherie, charcuterie', keywords: 'boucher, viande, charcutier, traiteur' },
      { name: 'Épicerie, supérette', keywords: 'épicier, alimentation générale, commerce de proximité, supermarché' },
      { name: 'Producteurs locaux', keywords: 'ferme, fermier, vente directe, maraîcher, légumes, fruits, œufs, lait, fromage, miel, circuit court' },
      { name: 'Marchés', keywords: 'marché, halle, forain' },
      { name: 'Livraison de repas', keywords: 'portage de repas, repas à domicile, traiteur' },
    ],
  },
  {
    name: 'Entretien de la maison',
    icon: 'maison',
    keywords: 'logement, travaux, bâtiment',
    children: [
      { name: 'Plomberie, chauffage', keywords: 'plombier, chauffagiste, fuite, chaudière, sanitaire' },
      { name: 'Électricité', keywords: 'électricien, dépannage électrique, installation électrique' },
      { name: 'Maçonnerie, couverture', keywords: 'maçon, couvreur, toiture, charpente, charpentier' },
      { name: 'Menuiserie', keywords: 'menuisier, fenêtres, portes, ébéniste' },
      { name: 'Peinture, décoration', keywords: 'peintre, papier peint, plâtrier' },
      { name: 'Jardinage, espaces verts', keywords: 'jardinier, paysagiste, tonte, taille de haies, élagage' },
      { name: 'Ménage, repassage', keywords: 'aide ménagère, femme de ménage, nettoyage, repassage' },
    ],
  },
  {
    name: 'Assistance et dépannage',
    icon: 'outil',
    keywords: 'aide, réparation, dépanneur',
    children: [
      { name: 'Garage, réparation automobile', keywords: 'garagiste, mécanicien, mécanique, carrosserie, voiture, pneus' },
      { name: 'Réparation électroménager, informatique', keywords: 'réparateur, ordinateur, informatique, électroménager, téléphone' },
      { name: 'Serrurerie', keywords: 'serrurier, clés, porte claquée' },
      { name: 'Aide numérique et administrative', keywords: 'démarches, France services, papiers, internet, ordinateur' },
      { name: 'Petits travaux et bricolage', keywords: 'bricoleur, homme toutes mains, montage de meubles' },
    ],
  },
  {
    name: 'Mobilité',
    icon: 'voiture',
    keywords: 'transport, déplacement',
    children: [
      { name: 'Taxi, transport à la demande', keywords: 'taxi, VSL, transport médical, navette' },
      { name: 'Covoiturage, accompagnement', keywords: 'covoiturage, conduire, accompagner, rendez-vous médical' },
      { name: 'Cycles', keywords: 'vélo, réparation de vélo, cycliste' },
      { name: 'Auto-école', keywords: 'permis de conduire, moniteur' },
    ],
  },
  {
    name: 'Loisirs et culture',
    icon: 'culture',
    keywords: 'sortir, activités',
    children: [
      { name: 'Associations sportives', keywords: 'sport, club, football, tennis, randonnée, gym' },
      { name: 'Culture et patrimoine', keywords: 'musique, théâtre, bibliothèque, médiathèque, patrimoine, musée' },
      { name: 'Fêtes et comités', keywords: 'comité des fêtes, brocante, fête de village' },
      { name: 'Cafés, restaurants', keywords: 'restaurant, café, bar, bistrot, auberge' },
    ],
  },
  {
    name: 'Enfants',
    icon: 'enfant',
    keywords: 'famille, jeunesse',
    children: [
      { name: 'Garde d’enfants', keywords: 'assistante maternelle, nounou, baby-sitting, crèche, garde' },
      { name: 'Soutien scolaire', keywords: 'cours particuliers, devoirs, aide aux devoirs' },
      { name: 'Accueil de loisirs', keywords: 'centre de loisirs, périscolaire, centre aéré, colonie' },
    ],
  },
  {
    name: 'Santé',
    icon: 'sante',
    keywords: 'soins, médical',
    children: [
      { name: 'Médecins', keywords: 'médecin, généraliste, docteur, cabinet médical, maison de santé' },
      { name: 'Pharmacies', keywords: 'pharmacie, pharmacien, médicaments' },
      { name: 'Infirmiers', keywords: 'infirmier, infirmière, soins à domicile, piqûre' },
      { name: 'Kinésithérapie et paramédical', keywords: 'kiné, kinésithérapeute, ostéopathe, orthophoniste, podologue' },
      { name: 'Aide à domicile', keywords: 'auxiliaire de vie, aide à la personne, personnes âgées, ADMR' },
    ],
  },
  {
    name: 'Services en cas d’absence',
    icon: 'clef',
    keywords: 'vacances, absence, surveillance',
    children: [
      { name: 'Garde d’animaux', keywords: 'pet-sitting, nourrir le chat, promener le chien, pension' },
      { name: 'Arrosage et surveillance', keywords: 'arroser, relever le courrier, surveiller la maison' },
      { name: 'Conciergerie', keywords: 'conciergerie rurale, clés, gardiennage' },
    ],
  },
]
