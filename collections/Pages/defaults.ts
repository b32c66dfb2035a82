/**
 * Default texts of the legal pages, written for a communauté de communes. The seed stores
 * them as editable pages (src/seed/pages.ts); the site shows them as they are when no
 * page was created yet. `{territoire}` (the name), `{le territoire}`, `{Le territoire}`, `{du territoire}`,
 * `{au territoire}` (with its article: src/territories/names.ts) and `{adresse}` are replaced by the territory's own.
 */
import { capitalized, type NamedTerritory, ofTerritory, toTerritory, withArticle } from '@/territories/names'

export type LegalSlug = 'mentions-legales' | 'confidentialite' | 'accessibilite' | 'a-propos'
export type LegalBlock = { h2: string } | { p: string } | { ul: string[] }
export type LegalText = { title: string; blocks: LegalBlock[] }

export const LEGAL_TEXTS: Record<LegalSlug, LegalText> = {
  'mentions-legales': {
    title: 'Mentions légales',
    blocks: [
      { h2: 'Éditeur du site' },
      { p: 'Ce site est édité par {le territoire}, {adresse}.' },
      { p: 'Directeur de la publication : le président ou la présidente {du territoire}.' },
      { h2: 'Hébergement' },
      { p: 'Nom, adresse et téléphone de l’hébergeur : à compléter par l’intercommunalité dans l’espace de gestion (Site public › Pages).' },
      { h2: 'Contenus' },
      {
        p: 'Les fiches des entreprises et des associations sont rédigées par leurs responsables ou par les mairies, et vérifiées avant publication. Les annonces des habitants sont modérées par les secrétaires de mairie. Les fiches marquées « Exemple » sont fictives et servent à la démonstration.',
      },
      { p: 'Pour signaler une erreur ou un contenu inapproprié, utilisez le lien « Signaler un problème » présent sur chaque fiche.' },
      { h2: 'Logiciel' },
      { p: 'L’annuaire fonctionne avec un logiciel libre distribué sous licence AGPL. Les fonds de carte proviennent d’OpenStreetMap (© les contributeurs d’OpenStreetMap, licence ODbL).' },
    ],
  },
  confidentialite: {
    title: 'Politique de confidentialité',
    blocks: [
      { h2: 'Responsable du traitement' },
      { p: '{Le territoire}, {adresse}, est responsable des données traitées par cet annuaire.' },
      { h2: 'Données traitées et finalités' },
      {
        ul: [
          'Comptes des professionnels, des associations, des habitants et des agents : nom, adresse e-mail, rôle, pour gérer les fiches et les annonces.',
          'Messages envoyés par le formulaire de contact : nom, adresse e-mail et message, transmis au destinataire sans jamais afficher son adresse ni la vôtre sur le site.',
          'Alertes par e-mail : adresse e-mail et recherche enregistrée, après confirmation, jusqu’au désabonnement.',
          'Signalements : motif et message, pour la modération.',
          'Statistiques de fréquentation : nombre de recherches, de consultations et de contacts par commune et par catégorie, sans cookie de suivi ni donnée permettant d’identifier un visiteur.',
        ],
      },
      { h2: 'Ce qui n’est jamais publié' },
      { p: 'L’adresse e-mail des professionnels et des associations, les coordonnées des auteurs d’annonces et le nom des habitants pour qui la mairie dépose une annonce ne sont jamais affichés.' },
      { h2: 'Durées de conservation' },
      { p: 'Le registre des traitements, plus bas, donne la durée de conservation de chaque donnée ; les durées des messages de contact et des alertes non confirmées sont appliquées chaque nuit par une purge automatique.' },
      { h2: 'Cookies' },
      { p: 'Le site public ne dépose aucun cookie de mesure d’audience ni de publicité. Un cookie de session est utilisé uniquement quand vous vous connectez à votre compte.' },
      { h2: 'Vos droits' },
      {
        p: 'Vous pouvez accéder à vos données, les faire corriger ou supprimer, et vous opposer à leur traitement, en écrivant {au territoire}. Avec un compte, « Mon espace » vous permet aussi de télécharger toutes vos données et de supprimer votre compte vous-même. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (cnil.fr).',
      },
    ],
  },
  accessibilite: {
    title: 'Déclaration d’accessibilité',
    blocks: [
      { p: '{Le territoire} s’engage à rendre son annuaire accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.' },
      { p: 'Cette déclaration d’accessibilité s’applique à l’annuaire local {du territoire}.' },
      { h2: 'État de conformité' },
      {
        p: 'L’annuaire n’a pas encore fait l’objet d’un audit de conformité au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : il est donc déclaré non conforme. Chaque type de page est vérifié automatiquement, avec et sans JavaScript, et toutes les fonctions sont utilisables au clavier.',
      },
      { h2: 'Contenus non accessibles' },
      { p: 'La carte interactive n’est pas accessible à tous ; la liste affichée sous chaque carte donne les mêmes informations.' },
      { h2: 'Retour d’information et contact' },
      { p: 'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez {le territoire} pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.' },
      { h2: 'Voies de recours' },
      {
        p: 'Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (defenseurdesdroits.fr), contacter le délégué du Défenseur des droits de votre région, ou envoyer un courrier gratuit à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
      },
    ],
  },
  'a-propos': {
    title: 'À propos de l’annuaire',
    blocks: [
      { p: 'Cet annuaire rassemble les commerces, artisans, producteurs, professionnels de santé, associations et services des communes {du territoire}, ainsi que les offres et demandes d’aide entre habitants.' },
      { p: 'Il est tenu à jour par les professionnels eux-mêmes, par les secrétaires de mairie et par l’intercommunalité. L’inscription est gratuite.' },
      { p: 'Vous n’avez pas internet ? Votre mairie peut vous imprimer l’annuaire de votre commune et déposer une annonce pour vous.' },
    ],
  },
}

/** The text with the territory's name and address put in. */
export function fillLegalText(text: LegalText, territory: NamedTerritory & { address?: string | null }): LegalText {
  const address = territory.address?.replace(/\s*\n\s*/g, ', ')
  // Without an address, the sentence reads without it (never « à compléter » on a public page).
  const fill = (s: string) =>
    (address ? s.replaceAll('{adresse}', address) : s.replaceAll(', {adresse}', '').replaceAll('{adresse}', ''))
      .replaceAll('{Le territoire}', capitalized(withArticle(territory)))
      .replaceAll('{le territoire}', withArticle(territory))
      .replaceAll('{du territoire}', ofTerritory(territory))
      .replaceAll('{au territoire}', toTerritory(territory))
      .replaceAll('{territoire}', territory.name)
  return {
    title: text.title,
    blocks: text.blocks.map((b) => ('h2' in b ? { h2: fill(b.h2) } : 'p' in b ? { p: fill(b.p) } : { ul: b.ul.map(fill) })),
  }
}

const textNode = (text: string) => ({ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

/** The blocks as Lexical rich text, the format of the pages' `content` field. */
export function toLexical(blocks: LegalBlock[]) {
  return {
    root: element(
      'root',
      blocks.map((b) =>
        'h2' in b
          ? element('heading', [textNode(b.h2)], { tag: 'h2' })
          : 'p' in b
            ? element('paragraph', [textNode(b.p)], { textFormat: 0, textStyle: '' })
            : element(
                'list',
                b.ul.map((item, i) => element('listitem', [textNode(item)], { value: i + 1 })),
                { listType: 'bullet', start: 1, tag: 'ul' },
              ),
      ),
    ),
  }
}
