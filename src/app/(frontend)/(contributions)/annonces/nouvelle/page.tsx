import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { AnnouncementFields } from '../../_components/AnnouncementFields'
import { isStaffAuthor } from '@/contributions/announcements'
import { categoryOptions, communeOptions } from '@/contributions/options'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Déposer une annonce', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function NewAnnouncementPage({ searchParams }: Props) {
  const query = await searchParams
  const viewer = await getViewer()
  const kindAsked = query.type === 'besoin' ? 'need' : query.type === 'offre' ? 'offer' : undefined
  if (!viewer) redirect(`/connexion?suite=${encodeURIComponent(`/annonces/nouvelle${kindAsked ? `?type=${query.type}` : ''}`)}`)
  const payload = await sitePayload()
  const territory = await getCurrentTerritory()
  const flashed = await formState('announcement', query)
  // « Publier une demande » (?type=besoin) ticks « J’ai besoin d’aide » for them.
  const state = kindAsked && !flashed.values.kind ? { ...flashed, values: { ...flashed.values, kind: kindAsked } } : flashed
  const staff = isStaffAuthor(viewer)
  const [categories, communes] = await Promise.all([categoryOptions(payload, territory?.id), communeOptions(payload, territory?.id)])
  if (query.envoye) {
    return (
      <div className="container prose">
        <h1>Annonce enregistrée</h1>
        <div className="success-box" role="status">
          <p>
            {query.envoye === 'publiee'
              ? 'L’annonce est publiée.'
              : 'Merci ! Votre annonce sera vérifiée par la mairie avant d’être publiée ; vous recevrez un e-mail à ce moment-là.'}
          </p>
        </div>
        <p>
          <a href="/mon-espace">Voir mes annonces</a> · <a href="/annonces/nouvelle">Déposer une autre annonce</a>
        </p>
      </div>
    )
  }
  return (
    <div className="container prose">
      <h1>Déposer une annonce</h1>
      <p>Proposez votre aide ou dites de quoi vous avez besoin. Gratuit, payant ou en CESU : précisez-le.</p>
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action="/annonces/nouvelle/envoyer">
          <FormGuardFields token={issueFormToken('announcement', viewer.id)} />
          <AnnouncementFields state={state} categories={categories} communes={communes} />
          {staff ? (
            <fieldset className="field">
              <legend>Pour un habitant venu à la mairie (facultatif)</legend>
              <p className="field-hint">
                L’annonce indiquera « déposée par la mairie » ; les réponses arriveront à la mairie, qui les transmettra.
                Le nom et le téléphone ne sont jamais publiés.
              </p>
              <TextField name="residentName" label="Nom de l’habitant" state={state} maxLength={100} />
              <TextField name="residentPhone" label="Téléphone de l’habitant" type="tel" state={state} maxLength={30} />
            </fieldset>
          ) : null}
          <button type="submit" className="button">
            Envoyer l’annonce
          </button>
        </Form>
      </div>
    </div>
  )
}
