import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { HoursForm, HoursFormHelp } from '@/components/site/HoursForm'
import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { hoursToValues } from '@/contributions/hoursForm'
import { getViewer } from '@/site/viewer'
import type { FormState } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Modifier mes horaires', robots: { index: false } }

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

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
  // Back after an error or a copy: what was typed; otherwise the stored hours.
  const state: FormState = Object.keys(flashed.values).length ? flashed : { errors: {}, values: hoursToValues(profile.openingHours) }
  return (
    <div className="container prose">
      <h1>Horaires de « {profile.name} »</h1>
      <HoursFormHelp />
      <HoursForm action={`/mon-espace/fiches/${segment}/${profile.id}/horaires/enregistrer`} token={issueFormToken('hours', viewer.id)} state={state} />
      <p>
        <a href={`/mon-espace/fiches/${segment}/${profile.id}`}>Revenir à ma fiche</a> · <a href="/mon-espace">Mon espace</a>
      </p>
    </div>
  )
}
