import { PRICE_TYPE_LABELS, PRICE_TYPES } from '@/fields/priceType'
import { type FormState, type Option, RadioGroup, SelectField, TextArea, TextField } from '@/forms/components'

/** The fields of an offer or a need, shared by « Déposer une annonce » and its edit page. */
export function AnnouncementFields({ state, categories, communes }: { state: FormState; categories: Option[]; communes: Option[] }) {
  return (
    <>
      <RadioGroup
        name="kind"
        legend="Vous…"
        state={state}
        required
        options={[
          { value: 'offer', label: 'Je propose mon aide' },
          { value: 'need', label: 'J’ai besoin d’aide' },
        ]}
      />
      <TextField name="title" label="Titre" state={state} required maxLength={120} hint="Entre 5 et 120 caractères, par exemple « Courses le jeudi à Grandvilliers »." />
      <TextArea name="body" label="Texte de l’annonce" state={state} required maxLength={3000} hint="Ne donnez ni votre téléphone ni votre e-mail : les personnes intéressées vous écriront par le formulaire du site, sans voir vos coordonnées." />
      <SelectField name="category" label="Catégorie" state={state} required options={categories} />
      <SelectField name="commune" label="Commune" state={state} required options={communes} />
      <RadioGroup
        name="priceType"
        legend="Tarif"
        state={state}
        required
        defaultValue="free"
        options={PRICE_TYPES.map((value) => ({ value, label: PRICE_TYPE_LABELS[value] }))}
      />
      <TextField name="expiresAt" label="Date de fin de l’annonce" type="date" state={state} hint="Facultatif : sans date, l’annonce reste en ligne 60 jours. Format jj/mm/aaaa." />
    </>
  )
}
