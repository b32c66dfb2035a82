import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { servicesOfProfile } from '@/contributions/services'
import { getViewer } from '@/site/viewer'
import { STATUS_LABELS } from '@/fields/status'
import { ErrorSummary, Form, FormGuardFields, type FormState, RadioGroup, TextArea, TextField, valueOf } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { pendingChangesState } from '@/moderation/pendingChanges'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Mes services', robots: { index: false } }

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const PRICE_OPTIONS = [
  { value: 'free', label: 'Gratuit' },
  { value: 'paid', label: 'Payant' },
  { value: 'cesu', label: 'Payable en CESU (chèque emploi service universel)' },
]
const NOTICES: Record<string, string> = {
  ajoute: 'Le service est enregistré : la mairie le vérifie avant de le publier.',
  modifie: 'Le service est modifié.',
  horaires: 'Les horaires du service sont enregistrés : la mairie les vérifie avant de les publier.',
}

/** « Mes services »: what the business or association offers (delivery, repairs, lessons…). */
export default async function ProfileServicesPage({ params, searchParams }: Props) {
  const { kind: segment, id } = await params
  const query = await searchParams
  const kind = PROFILE_SEGMENTS[segment]
  if (!kind) notFound()
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion?suite=/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/services`)
  const payload = await sitePayload()
  const profile = await findOwnProfile(payload, viewer, kind, id)
  if (!profile) notFound()
  const services = await servicesOfProfile(payload, kind, profile.id)
  const flashed = await formState('service', query)
  const editId = Object.keys(flashed.errors).length ? valueOf(flashed, 'service') : typeof query.modifier === 'string' ? query.modifier : ''
  const editing = services.find((s) => String(s.id) === editId) ?? null
  const state: FormState = Object.keys(flashed.errors).length
    ? flashed
    : {
        errors: {},
        values: editing
          ? { title: editing.title, description: editing.description ?? '', priceType: editing.priceType, availability: editing.availability ?? '' }
          : {},
      }
  const notice = typeof query.ok === 'string' ? NOTICES[query.ok] : undefined
  const self = `/mon-espace/fiches/${segment}/${profile.id}/services`
  return (
    <div className="container prose">
      <h1>Services de « {profile.name} »</h1>
      {notice ? (
        <p className="success-box" role="status">
          {notice}
        </p>
      ) : null}
      {services.length === 0 ? (
        <p>Aucun service pour le moment : ajoutez ce que vous proposez (livraison, dépannage, cours…).</p>
      ) : (
        <ul>
          {services.map((s) => (
            <li key={s.id}>
              {s.title} — {STATUS_LABELS[s.status]}
              {pendingChangesState(s).label ? ` (${pendingChangesState(s).label})` : ''}{' '}
              <a href={`${self}?modifier=${s.id}#formulaire`}>
                Modifier<span className="sr-only"> « {s.title} »</span>
              </a>{' '}
              · <a href={`${self}/${s.id}/horaires`}>
                Horaires<span className="sr-only"> de « {s.title} »</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="titre-formulaire">{editing ? `Modifier « ${editing.title} »` : 'Ajouter un service'}</h2>
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`${self}/enregistrer`}>
          <FormGuardFields token={issueFormToken('service', viewer.id)} />
          {editing ? <input type="hidden" name="service" value={String(editing.id)} /> : null}
          <TextField name="title" label="Intitulé du service" state={state} required maxLength={150} hint="Par exemple : livraison à domicile, réparation de vélos." />
          <TextArea name="description" label="Description" state={state} maxLength={4000} hint="Facultatif : pour qui, comment, dans quelles communes." />
          <RadioGroup name="priceType" legend="Tarif" state={state} required options={PRICE_OPTIONS} />
          <TextField name="availability" label="Disponibilité" state={state} maxLength={150} hint="Facultatif : par exemple « du lundi au samedi, sur rendez-vous »." />
          <button type="submit" className="button">
            {editing ? 'Enregistrer le service' : 'Ajouter le service'}
          </button>
        </Form>
        {editing ? (
          <p>
            <a href={self}>Ajouter plutôt un nouveau service</a>
          </p>
        ) : null}
      </div>
      <p>
        <a href={`/mon-espace/fiches/${segment}/${profile.id}`}>Revenir à ma fiche</a> · <a href="/mon-espace">Mon espace</a>
      </p>
    </div>
  )
}
