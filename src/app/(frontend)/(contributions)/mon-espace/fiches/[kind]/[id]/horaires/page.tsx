import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { CLOSURE_ROWS, closureField, hoursToValues, rangeField, rangesPerDay } from '@/contributions/hoursForm'
import { getViewer } from '@/site/viewer'
import { DAY_LABELS, DAYS } from '@/fields/openingHours/schema'
import { ErrorSummary, Form, FormGuardFields, type FormState, TextField, valueOf } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Modifier mes horaires', robots: { index: false } }

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/** A small labelled input whose error is tied to it (aria-describedby). */
function SmallInput({ name, label, type, state }: { name: string; label: string; type: 'time' | 'date' | 'text'; state: FormState }) {
  const error = state.errors[name]
  return (
    <div className={`field field-inline${error ? ' field-invalid' : ''}`}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <p className="field-error" id={`${name}-erreur`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={valueOf(state, name)}
        maxLength={type === 'text' ? 100 : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-erreur` : undefined}
      />
    </div>
  )
}

/** « Mes horaires »: the weekly opening hours, a note and closures, as a plain form. */
export default async function EditHoursPage({ params, searchParams }: Props) {
  const { kind: segment, id } = await params
  const query = await searchParams
  const kind = PROFILE_SEGMENTS[segment]
  if (!kind) notFound()
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion?suite=/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/horaires`)
  const profile = await findOwnProfile(await sitePayload(), viewer, kind, id)
  if (!profile) notFound()
  const flashed = await formState('hours', query)
  const state: FormState = Object.keys(flashed.errors).length ? flashed : { errors: {}, values: hoursToValues(profile.openingHours) }
  const perDay = rangesPerDay(profile.openingHours)
  return (
    <div className="container prose">
      <h1>Horaires de « {profile.name} »</h1>
      <p>
        Indiquez une ou deux plages par jour (par exemple 08:30 à 12:30 puis 14:00 à 19:00). Laissez vides les jours de
        fermeture. « Ouvert maintenant » est calculé à partir de ces horaires.
      </p>
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`/mon-espace/fiches/${segment}/${profile.id}/horaires/enregistrer`}>
          <FormGuardFields token={issueFormToken('hours', viewer.id)} />
          {DAYS.map((day) => (
            <fieldset key={day} className="field hours-day">
              <legend>{DAY_LABELS[day]}</legend>
              {Array.from({ length: perDay[day] }, (_, i) => i + 1).map((n) => (
                <div key={n} className="hours-range">
                  <SmallInput name={rangeField(day, n, 'ouvre')} label={`${DAY_LABELS[day]}, plage ${n} : ouverture`} type="time" state={state} />
                  <SmallInput name={rangeField(day, n, 'ferme')} label={`${DAY_LABELS[day]}, plage ${n} : fermeture`} type="time" state={state} />
                </div>
              ))}
            </fieldset>
          ))}
          <TextField name="note" label="Précision (facultatif)" state={state} maxLength={200} hint="Par exemple : sur rendez-vous le samedi." />
          <fieldset className="field">
            <legend>Fermetures à venir (congés, travaux)</legend>
            {Array.from({ length: CLOSURE_ROWS }, (_, i) => i + 1).map((n) => (
              <div key={n} className="hours-range">
                <SmallInput name={closureField(n, 'du')} label={`Fermeture ${n} : du`} type="date" state={state} />
                <SmallInput name={closureField(n, 'au')} label={`Fermeture ${n} : au (inclus)`} type="date" state={state} />
                <SmallInput name={closureField(n, 'motif')} label={`Fermeture ${n} : motif`} type="text" state={state} />
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            Enregistrer les horaires
          </button>
        </Form>
      </div>
      <p>
        <a href={`/mon-espace/fiches/${segment}/${profile.id}`}>Revenir à ma fiche</a> · <a href="/mon-espace">Mon espace</a>
      </p>
    </div>
  )
}
