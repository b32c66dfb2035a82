import { LEGAL_TEXTS, type LegalSlug, type LegalText } from '@collections/Pages/defaults'

/**
 * The legal pages of the demonstration: true for a demo installation (nothing left « à
 * compléter »), with the territory's name. A real territory starts from LEGAL_TEXTS instead
 * and writes its own publisher and host.
 */
export const DEMO_LEGAL_TEXTS: Record<LegalSlug, LegalText> = {
  'mentions-legales': {
    title: 'Mentions légales',
    blocks: [
      { h2: 'Site de démonstration' },
      {
        p: 'Ce site est une démonstration du logiciel libre « Annuaire local » avec les communes {du territoire}. Il n’est pas le site officiel {du territoire} et n’engage pas l’intercommunalité : les fiches marquées « Exemple » sont fictives.',
      },
      { h2: 'Éditeur et directeur de la publication' },
      {
        p: 'La personne ou l’organisme qui a installé cette démonstration (commande « npm run demo ») en est l’éditeur et le directeur de la publication. Une intercommunalité qui met l’annuaire en service remplace ce texte par le sien dans l’espace de gestion (Site public › Pages).',
      },
      { h2: 'Hébergement' },
      {
        p: 'La démonstration est hébergée sur l’ordinateur ou le serveur de la personne qui l’a installée ; elle n’utilise aucun service d’hébergement tiers. Les fonds de carte sont fournis par OpenStreetMap (© les contributeurs d’OpenStreetMap, licence ODbL).',
      },
      { h2: 'Contenus' },
      {
        p: 'Les fiches des entreprises et des associations sont rédigées par leurs responsables ou par les mairies, et vérifiées avant publication. Les annonces des habitants sont modérées par les secrétaires de mairie. Pour signaler une erreur ou un contenu inapproprié, utilisez le lien « Signaler un problème » présent sur chaque fiche.',
      },
      { h2: 'Logiciel et données' },
      {
        p: 'Le logiciel est distribué sous licence libre AGPL-3.0. Les noms, codes et contours des communes proviennent des données publiques de l’INSEE et de la base « découpage administratif » d’Etalab (licence ouverte).',
      },
    ],
  },
  confidentialite: {
    title: 'Données personnelles',
    blocks: [
      { h2: 'Responsable du traitement' },
      {
        p: 'Pour cette démonstration avec les communes {du territoire}, le responsable du traitement est la personne ou l’organisme qui l’a installée. Les données saisies restent dans la base de données de cette installation ; elles ne sont transmises à personne d’autre.',
      },
      { h2: 'Données traitées et finalités' },
      LEGAL_TEXTS.confidentialite.blocks.find((b) => 'ul' in b)!,
      { h2: 'Ce qui n’est jamais publié' },
      {
        p: 'L’adresse e-mail des professionnels et des associations, les coordonnées des auteurs d’annonces et le nom des habitants pour qui la mairie dépose une annonce ne sont jamais affichés. Les messages passent par le relais du site : personne ne voit l’adresse de l’autre.',
      },
      { h2: 'Durées de conservation' },
      {
        p: 'Les messages de contact sont supprimés après un an, les alertes jamais confirmées après 7 jours, les comptes à votre demande. Le registre des traitements, plus bas, donne la durée de chaque donnée.',
      },
      { h2: 'Cookies' },
      { p: 'Aucun cookie de mesure d’audience ni de publicité. Un seul cookie, de session, quand vous vous connectez à votre compte ; il disparaît quand vous vous déconnectez.' },
      { h2: 'Vos droits' },
      {
        p: 'Dans « Mon espace », vous pouvez télécharger toutes vos données et supprimer votre compte vous-même. Vous pouvez aussi demander l’accès, la correction ou la suppression de vos données à l’éditeur de la démonstration. En cas de difficulté, vous pouvez adresser une réclamation à la CNIL (cnil.fr).',
      },
    ],
  },
  accessibilite: {
    title: 'Déclaration d’accessibilité',
    blocks: [
      { p: 'Cette déclaration s’applique à la démonstration de l’annuaire local avec les communes {du territoire}.' },
      { h2: 'État de conformité' },
      {
        p: 'L’annuaire n’a pas encore fait l’objet d’un audit complet au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : il est déclaré non conforme. Chaque type de page est contrôlé automatiquement (axe-core), avec et sans JavaScript, sur ordinateur et sur téléphone ; toutes les fonctions sont utilisables au clavier et sans JavaScript.',
      },
      { h2: 'Contenus non accessibles' },
      { p: 'La carte interactive n’est pas accessible à tous ; la liste affichée sous chaque carte donne les mêmes informations.' },
      { h2: 'Établissement de cette déclaration' },
      { p: 'Déclaration établie à partir des vérifications automatiques du logiciel, avec le navigateur Chromium et les lecteurs d’écran du système.' },
      { h2: 'Retour d’information et contact' },
      {
        p: 'Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à l’éditeur de la démonstration ; pour l’annuaire officiel d’une intercommunalité, à celle-ci, qui vous orientera vers une alternative accessible.',
      },
      { h2: 'Voies de recours' },
      LEGAL_TEXTS.accessibilite.blocks.at(-1)!,
    ],
  },
  'a-propos': LEGAL_TEXTS['a-propos'],
}
