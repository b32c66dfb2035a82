import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { categoryOptions, communeOptions } from '@/contributions/options'
import { SIRENE_NOTICE_FIELD } from '@/contributions/sirenePrefill'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, RadioGroup, SelectField, TextArea, TextField, valueOf } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Inscrire mon entreprise ou mon association', robots: { index: false } }

export default async function RegisterActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect('/connexion?suite=/inscrire-mon-activite')
  const payload = await sitePayload()
  const territory = await getCurrentTerritory()
  // After « Vérifier le SIRET », the form comes back filled from the register (or with the reason it is not).
  const state = await formState('registration', query.siret === 'verifie' ? undefined : query)
  const sireneNotice = valueOf(state, SIRENE_NOTICE_FIELD)
  const [categories, communes] = await Promise.all([categoryOptions(payload, territory?.id), communeOptions(payload, territory?.id)])
  return (
    <div className="container prose">
      <h1>Inscrire mon entreprise ou mon association</h1>
      <p>
        Votre fiche sera vérifiée par la mairie avant d’être publiée. Vous pourrez ensuite la compléter (horaires, photos,
        services) depuis « Mon espace ».
      </p>
      <div id="formulaire">
        <ErrorSummary state={state} />
        {sireneNotice ? (
          <p className="notice-box" role="status" id="siret-verifie">
            {sireneNotice}
          </p>
        ) : null}
        <Form action="/inscrire-mon-activite/envoyer">
          <FormGuardFields token={issueFormToken('registration', viewer.id)} />
          <RadioGroup
            name="kind"
            legend="Vous inscrivez"
            state={state}
            required
            options={[
              { value: 'businesses', label: 'Une entreprise (commerce, artisan, producteur, profession)' },
              { value: 'associations', label: 'Une association' },
            ]}
          />
          <TextField name="name" label="Nom" state={state} required maxLength={150} />
          <TextField name="siret" label="SIRET" state={state} hint="14 chiffres, obligatoire pour une entreprise. Sur un Kbis ou annuaire-entreprises.data.gouv.fr." />
          <p className="field">
            <button type="submit" className="button button-secondary" formAction="/inscrire-mon-activite/verifier-siret" formNoValidate>
              Vérifier le SIRET
            </button>{' '}
            <span className="hint">Remplit le nom, l’adresse et l’activité depuis le répertoire des entreprises ; rien n’est encore enregistré.</span>
          </p>
          <TextField name="rna" label="Numéro RNA (associations)" state={state} hint="W suivi de 9 chiffres, par exemple W601234567. Ou indiquez le SIRET de l’association." />
          <SelectField name="category" label="Catégorie principale" state={state} required options={categories} />
          <SelectField name="commune" label="Commune" state={state} required options={communes} />
          <TextField name="street" label="Adresse (numéro et rue)" state={state} maxLength={200} autoComplete="street-address" />
          <TextField name="activity" label="Activité (entreprises)" state={state} maxLength={150} hint="Code NAF (par exemple 10.71C) ou quelques mots : « boulangerie-pâtisserie »." />
          <TextArea name="description" label="Présentation" state={state} maxLength={4000} hint="Facultatif : ce que vous faites, pour qui." />
          <button type="submit" className="button">
            Inscrire
          </button>
        </Form>
      </div>
    </div>
  )
}
