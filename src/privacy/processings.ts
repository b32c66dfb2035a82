import { frenchDays, type Retention } from './retention'

/** One line of the register of processing activities (art. 30 RGPD), as shown on the privacy page. */
export type Processing = { name: string; purpose: string; data: string; legalBasis: string; retention: string }

/**
 * Every processing of personal data the software performs. Retention periods that a
 * scheduled job enforces come from the configuration, so the page always says what the
 * instance really does.
 */
export function processings(limits: Retention): Processing[] {
  return [
    {
      name: 'Comptes',
      purpose: 'Permettre aux professionnels, associations, habitants et agents de gérer leurs fiches, leurs annonces et la modération.',
      data: 'Nom, adresse e-mail, mot de passe (chiffré, jamais lisible), téléphone facultatif, rôle, commune.',
      legalBasis: 'Exécution des conditions d’utilisation acceptées à l’inscription (art. 6.1.b) ; mission d’intérêt public pour les agents (art. 6.1.e).',
      retention: 'Jusqu’à la suppression du compte, par son titulaire depuis « Mon espace » ou par l’intercommunalité.',
    },
    {
      name: 'Fiches d’entreprises, d’associations et de services',
      purpose: 'Publier l’annuaire local des activités du territoire.',
      data: 'Nom de l’activité, adresse, téléphone et site publics ; e-mail du responsable jamais publié.',
      legalBasis: 'Mission d’intérêt public de la collectivité (art. 6.1.e).',
      retention: 'Tant que l’activité figure dans l’annuaire ; une fiche archivée n’est plus publiée.',
    },
    {
      name: 'Annonces entre habitants',
      purpose: 'Publier les offres et demandes d’aide des habitants, après modération.',
      data: 'Texte de l’annonce, commune, compte de l’auteur (jamais publié).',
      legalBasis: 'Exécution des conditions d’utilisation (art. 6.1.b).',
      retention: 'Jusqu’à la date de fin choisie (prolongeable), puis archivée ; supprimée avec le compte de son auteur.',
    },
    {
      name: 'Messages du formulaire de contact',
      purpose: 'Transmettre votre message au destinataire sans afficher son adresse ni la vôtre ; lutter contre les abus.',
      data: 'Nom, adresse e-mail et message de l’expéditeur.',
      legalBasis: 'Exécution de votre demande (art. 6.1.b) et intérêt légitime de prévenir les abus (art. 6.1.f).',
      retention: `${frenchDays(limits.contactRequestDays)} après l’envoi, puis suppression automatique chaque nuit ; anonymisé si l’expéditeur supprime son compte.`,
    },
    {
      name: 'Alertes par e-mail',
      purpose: 'Vous prévenir des nouvelles fiches et annonces correspondant à votre recherche.',
      data: 'Adresse e-mail et recherche enregistrée.',
      legalBasis: 'Votre consentement, confirmé par le lien reçu par e-mail (art. 6.1.a).',
      retention: `Jusqu’au désabonnement (lien dans chaque e-mail) ; une alerte jamais confirmée est supprimée après ${frenchDays(limits.unconfirmedAlertDays)}.`,
    },
    {
      name: 'Signalements',
      purpose: 'Permettre à chacun de signaler une erreur ou un contenu inapproprié, et à la mairie d’y donner suite.',
      data: 'Motif, précisions, adresse e-mail facultative.',
      legalBasis: 'Obligation de retirer les contenus illicites signalés (loi pour la confiance dans l’économie numérique, art. 6.1.c).',
      retention: 'Le temps de la modération et de son historique ; l’adresse e-mail est effacée si son titulaire supprime son compte.',
    },
    {
      name: 'Journal des actions de gestion',
      purpose: 'Savoir qui a publié, modifié, refusé ou supprimé une fiche ou une annonce (traçabilité de la modération).',
      data: 'Compte de l’agent ou du contributeur, action, date, motif d’un refus.',
      legalBasis: 'Intérêt légitime et mission d’intérêt public de la collectivité (art. 6.1.e et 6.1.f).',
      retention: 'Pendant la durée de vie de l’annuaire ; le lien vers le compte disparaît à sa suppression.',
    },
    {
      name: 'E-mails en attente d’envoi',
      purpose: 'Ne perdre aucun e-mail quand le serveur de messagerie est indisponible : ils sont renvoyés plus tard.',
      data: 'Destinataire, objet et contenu de l’e-mail.',
      legalBasis: 'Celle du traitement qui envoie l’e-mail.',
      retention: 'Jusqu’à l’envoi réussi, puis supprimés ; un e-mail en échec définitif reste visible des administrateurs pour être relancé.',
    },
    {
      name: 'Journaux techniques du serveur',
      purpose: 'Sécurité et bon fonctionnement du service.',
      data: 'Méthode, adresse de la page sans ses paramètres, code de réponse et durée ; jamais le contenu des formulaires ni les mots de passe.',
      legalBasis: 'Intérêt légitime d’assurer la sécurité du service (art. 6.1.f).',
      retention: 'Selon la rotation des journaux de l’hébergeur, au plus un an.',
    },
    {
      name: 'Statistiques de fréquentation',
      purpose: 'Mesurer l’utilité de l’annuaire par commune et par catégorie.',
      data: 'Compteurs agrégés, sans cookie de suivi ni donnée permettant d’identifier un visiteur.',
      legalBasis: 'Mission d’intérêt public (art. 6.1.e) ; aucune donnée personnelle conservée.',
      retention: 'Compteurs conservés sans limite : ils ne concernent personne en particulier.',
    },
    {
      name: 'Cookie de session',
      purpose: 'Vous garder connecté à votre compte.',
      data: 'Jeton de session, uniquement après connexion.',
      legalBasis: 'Strictement nécessaire au service demandé (exempté de consentement).',
      retention: 'Jusqu’à la déconnexion ou l’expiration de la session.',
    },
  ]
}
