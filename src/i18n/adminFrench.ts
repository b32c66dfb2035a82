/**
 * Payload's French wording, rewritten where its defaults read badly to a secrétaire de mairie:
 * « un(e) nouveau ou nouvelle », « créé(e) », « Par Page », « Bloc bascule »… Labels are
 * collection names (« Entreprise », « Plage horaire »): the sentences are built so that no
 * article or agreement depends on them.
 */
export const adminFrench = {
  general: {
    aboutToDelete: 'Supprimer définitivement « <1>{{title}}</1> » ({{label}}) ? Cette action ne peut pas être annulée.',
    aboutToPermanentlyDelete: 'Supprimer définitivement « <1>{{title}}</1> » ({{label}}) ?',
    aboutToRestore: 'Restaurer « <1>{{title}}</1> » ({{label}}) ?',
    aboutToTrash: 'Mettre « <1>{{title}}</1> » ({{label}}) à la corbeille ?',
    ascending: 'croissant',
    createNew: 'Créer',
    createNewLabel: 'Créer : {{label}}',
    creatingNewLabel: 'Création : {{label}}',
    // Only before Payload's « :\u00a0 » in a document's header, like lastModified.
    created: 'Création\u00a0',
    createdAt: 'Créé le',
    deletedSuccessfully: 'Suppression effectuée.',
    descending: 'décroissant',
    deletedCountSuccessfully: '{{label}} : suppression de {{count}} éléments effectuée.',
    documentIsTrashed: 'Ce document est à la corbeille : lecture seule.',
    edit: 'Modifier',
    // Followed by Payload's « :\u00a0 »: French puts a space before the colon.
    lastModified: 'Dernière modification\u00a0',
    none: 'Aucun',
    // An empty cell of a list (« <Pas de Communes gérées> » by default).
    noLabel: 'Non renseigné',
    noResults: 'Aucun résultat : rien n’a encore été créé ici, ou rien ne correspond aux filtres choisis.',
    perPage: 'Par page : {{limit}}',
    restoredCountSuccessfully: '{{label}} : {{count}} restaurés.',
    selectAllRows: 'Sélectionner toutes les lignes',
    selectedCount: '{{label}} : {{count}} sélectionnés',
    showAllLabel: 'Afficher la liste : {{label}}',
    sortByLabelDirection: 'Trier par « {{label}} », ordre {{direction}}',
    submit: 'Envoyer',
    successfullyCreated: '{{label}} : création enregistrée.',
    successfullyDuplicated: '{{label}} : copie enregistrée.',
    titleDeleted: '{{label}} « {{title}} » : suppression effectuée.',
    untitled: 'Sans nom',
    updatedCountSuccessfully: '{{label}} : {{count}} mis à jour.',
    updatedLabelSuccessfully: '{{label}} : modification enregistrée.',
  },
  fields: {
    addLabel: 'Ajouter : {{label}}',
    addNew: 'Ajouter',
    addNewLabel: 'Ajouter : {{label}}',
    chooseFromExisting: 'Choisir dans la liste',
    chooseLabel: 'Choisir : {{label}}',
    editLabelData: 'Modifier les données : {{label}}',
    labelRelationship: 'Lien : {{label}}',
    newLabel: 'Nouveau : {{label}}',
    selectExistingLabel: 'Choisir dans la liste : {{label}}',
    toggleBlock: 'Replier ou déplier',
    uploadNewLabel: 'Envoyer un fichier : {{label}}',
  },
  upload: {
    // « Téléchargement » means downloading: these screens send files.
    addUpload: 'Ajouter un fichier',
    bulkUpload: 'Envoyer plusieurs fichiers',
    fileToUpload: 'Fichier à envoyer',
    filesToUpload: 'Fichiers à envoyer',
    removeUpload: 'Retirer le fichier',
    swapUpload: 'Changer de fichier',
    uploading: 'Envoi en cours',
    uploadingBulk: 'Envoi du fichier {{current}} sur {{total}}',
  },
  version: {
    aboutToRestore: 'Restaurer ce document ({{label}}) tel qu’il était le {{versionDate}} ?',
    comparingAgainst: 'Comparée à',
    currentlyViewing: 'Version affichée',
    currentPublishedVersion: 'Version publiée actuelle',
    modifiedOnly: 'Seulement ce qui a changé',
    // Our collections keep versions without drafts: Payload calls every one of them
    // « Précédemment publié », the current one included.
    currentlyPublished: 'Version enregistrée',
    previouslyPublished: 'Version enregistrée',
    noRowsFound: 'Aucune version',
    previousVersion: 'Version précédente',
    restoredSuccessfully: 'Restauration effectuée.',
  },
  folder: {
    byFolder: 'Par dossier',
    newFolder: 'Nouveau dossier',
  },
} as const
