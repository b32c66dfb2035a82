import type { Metadata } from 'next'

import { categoryOptions, communeOptions } from '@/contributions/options'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, SelectField, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Alertes e-mail', robots: { index: false } }

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const payload = await sitePayload()
  const territory = await getCurrentTerritory()
  const viewer = await getViewer()
  const flashed = await formState('alert', query)
  // Coming from a search page: its words, category and commune fill the form.
  const state = Object.keys(flashed.errors).length
    ? flashed
    : {
        errors: {},
        values: Object.fromEntries(
          ['words', 'category', 'commune', 'radiusKm'].flatMap((k) => (typeof query[k] === 'string' ? [[k, query[k] as string]] : [])),
        ),
      }
  const [categories, communes] = await Promise.all([categoryOptions(payload, territory?.id), communeOptions(payload, territory?.id)])
  return (
    <div className="container prose">
      <h1>Recevoir les nouveautés par e-mail</h1>
      {query.envoye ? (
        <div className="success-box" role="status">
          <p>Presque fini : cliquez sur le lien de l’e-mail que nous venons de vous envoyer pour confirmer votre alerte.</p>
        </div>
      ) : (
        <div id="formulaire">
          <p>
            Une fois par jour au plus, vous recevrez les nouvelles fiches et annonces qui correspondent à votre recherche.
            Vous pourrez vous désinscrire en un clic depuis chaque e-mail.
          </p>
          <ErrorSummary state={state} />
          <Form action="/alertes/envoyer">
            <FormGuardFields token={issueFormToken('alert', viewer?.id)} />
            <TextField name="email" label="Votre adresse e-mail" type="email" state={state} required autoComplete="email" defaultValue={viewer?.email ?? ''} />
            <TextField name="words" label="Mots recherchés" state={state} maxLength={100} hint="Facultatif, par exemple « jardinage » ou « boulangerie »." />
            <SelectField name="category" label="Catégorie" state={state} options={categories} placeholder="Toutes les catégories" />
            <SelectField name="commune" label="Commune" state={state} options={communes} placeholder="Tout le territoire" />
            <SelectField
              name="radiusKm"
              label="Autour de la commune"
              state={state}
              placeholder="Dans la commune seulement"
              options={[5, 10, 20, 30, 50].map((km) => ({ value: String(km), label: `${km} km` }))}
            />
            <button type="submit" className="button">
              Créer l’alerte
            </button>
          </Form>
        </div>
      )}
    </div>
  )
}
