import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, type FormState, TextArea, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Modifier ma fiche', robots: { index: false } }

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditProfilePage({ params, searchParams }: Props) {
  const { kind: segment, id } = await params
  const query = await searchParams
  const kind = PROFILE_SEGMENTS[segment]
  if (!kind) notFound()
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion?suite=/mon-espace/fiches/${segment}/${encodeURIComponent(id)}`)
  const profile = await findOwnProfile(await sitePayload(), viewer, kind, id)
  if (!profile) notFound()
  const flashed = await formState('profile', query)
  const state: FormState = Object.keys(flashed.errors).length
    ? flashed
    : {
        errors: {},
        values: {
          description: profile.description ?? '',
          street: profile.street ?? '',
          phone: profile.phone ?? '',
          website: profile.website ?? '',
          email: profile.email ?? '',
        },
      }
  return (
    <div className="container prose">
      <h1>Modifier « {profile.name} »</h1>
      <p>Nom, SIRET/RNA, catégories et commune se changent auprès de la mairie.</p>
      <ul>
        <li>
          <a href={`/mon-espace/fiches/${segment}/${profile.id}/horaires`}>Modifier les horaires d’ouverture</a>
        </li>
        <li>
          <a href={`/mon-espace/fiches/${segment}/${profile.id}/services`}>Gérer les services proposés</a>
        </li>
      </ul>
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`/mon-espace/fiches/${segment}/${profile.id}/modifier`} multipart>
          <FormGuardFields token={issueFormToken('profile', viewer.id)} />
          <TextArea name="description" label="Présentation" state={state} maxLength={4000} />
          <TextField name="street" label="Adresse (numéro et rue)" state={state} maxLength={200} autoComplete="street-address" />
          <TextField name="phone" label="Téléphone (publié)" type="tel" state={state} maxLength={30} />
          <TextField name="website" label="Site web" type="url" state={state} maxLength={300} hint="Commence par https://" />
          <TextField name="email" label="E-mail qui reçoit les messages (jamais publié)" type="email" state={state} hint="Sans e-mail, les messages arrivent à l’adresse de votre compte." />
          <fieldset className="field">
            <legend>Ajouter une photo (facultatif)</legend>
            <div className="field">
              <label htmlFor="photo">Photo (JPEG, PNG ou WebP, 5 Mo au plus)</label>
              {state.errors.photo ? (
                <p className="field-error" id="photo-erreur">
                  {state.errors.photo}
                </p>
              ) : null}
              <input
                type="file"
                id="photo"
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                aria-invalid={state.errors.photo ? true : undefined}
                aria-describedby={state.errors.photo ? 'photo-erreur' : undefined}
              />
            </div>
            <TextField name="photoAlt" label="Texte alternatif de la photo" state={state} maxLength={200} hint="Obligatoire avec une photo : décrivez-la, par exemple « La vitrine du magasin »." />
          </fieldset>
          <p>{(profile.photos ?? []).length} photo(s) sur la fiche.</p>
          <button type="submit" className="button">
            Enregistrer
          </button>
        </Form>
      </div>
      <p>
        <a href="/mon-espace">Revenir à mon espace</a>
      </p>
    </div>
  )
}
