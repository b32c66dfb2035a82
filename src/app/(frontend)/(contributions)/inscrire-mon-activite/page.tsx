import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { categoryOptions, communeOptions } from '@/contributions/options'
import { getViewer } from '@/contributions/viewer'
import { ErrorSummary, Form, FormGuardFields, RadioGroup, SelectField, TextArea, TextField } from '@/forms/components'
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
  const state = await formState('registration', query)
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
          <TextField name="rna" label="Numéro RNA (associations)" state={state} hint="W suivi de 9 chiffres, par exemple W601234567. Ou indiquez le SIRET de l’association." />
          <SelectField name="category" label="Catégorie principale" state={state} required options={categories} />
          <SelectField name="commune" label="Commune" state={state} required options={communes} />
          <TextArea name="description" label="Présentation" state={state} maxLength={4000} hint="Facultatif : ce que vous faites, pour qui." />
          <button type="submit" className="button">
            Inscrire
          </button>
        </Form>
      </div>
    </div>
  )
}
