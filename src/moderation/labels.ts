import { MODERATED_SLUGS } from '@collections/slugs'

export type ModeratedSlug = (typeof MODERATED_SLUGS)[number]

/** How the moderation screens and e-mails name each kind of entry, in French. */
export type KindLabel = {
  /** « Entreprise » */
  singular: string
  /** « Entreprises » */
  plural: string
  /** « la fiche » / « l'annonce » / « le service » */
  the: string
  /** « Votre fiche » / « Votre annonce » */
  yours: string
  /** Grammatical gender of `the`, for agreements (« publiée » / « publié »). */
  feminine: boolean
  /** Field holding the entry's title. */
  titleField: 'name' | 'title'
  /** Field holding its longer text, shown in the queue. */
  textField: 'description' | 'body'
}

export const KIND_LABELS: Record<ModeratedSlug, KindLabel> = {
  businesses: {
    singular: 'Entreprise',
    plural: 'Entreprises',
    the: 'la fiche',
    yours: 'Votre fiche',
    feminine: true,
    titleField: 'name',
    textField: 'description',
  },
  associations: {
    singular: 'Association',
    plural: 'Associations',
    the: 'la fiche',
    yours: 'Votre fiche',
    feminine: true,
    titleField: 'name',
    textField: 'description',
  },
  services: {
    singular: 'Service',
    plural: 'Services',
    the: 'le service',
    yours: 'Votre service',
    feminine: false,
    titleField: 'title',
    textField: 'description',
  },
  announcements: {
    singular: 'Annonce',
    plural: 'Annonces',
    the: "l’annonce",
    yours: 'Votre annonce',
    feminine: true,
    titleField: 'title',
    textField: 'body',
  },
}

export function isModeratedSlug(value: unknown): value is ModeratedSlug {
  return typeof value === 'string' && (MODERATED_SLUGS as readonly string[]).includes(value)
}

/** « publiée » or « publié », following the kind's gender. */
export function agree(kind: ModeratedSlug, word: string): string {
  return KIND_LABELS[kind].feminine ? `${word}e` : word
}

/** The title of an entry, whatever its collection names it. */
export function titleOf(doc: { name?: unknown; title?: unknown; id?: unknown }): string {
  return String(doc.name ?? doc.title ?? doc.id ?? '').trim()
}
