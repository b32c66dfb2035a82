import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { HoursForm, HoursFormHelp } from '@/components/site/HoursForm'
import { hoursToValues } from '@/contributions/hoursForm'
import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { findOwnService, SERVICE_HOURS_FORM } from '@/contributions/services'
import type { FormState } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getViewer } from '@/site/viewer'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Horaires d’un service', robots: { index: false } }

type Props = {
  params: Promise<{ kind: string; id: string; service: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** The opening hours of one of the owner's services: the same form as the profile's hours. */
export default async function ServiceHoursPage({ params, searchParams }: Props) {
  const { kind: segment, id, service: serviceId } = await params
  const query = await searchParams
  const kind = PROFILE_SEGMENTS[segment]
  if (!kind) notFound()
  const viewer = await getViewer()
  const self = `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/services/${encodeURIComponent(serviceId)}/horaires`
  if (!viewer) redirect(`/connexion?suite=${self}`)
  const payload = await sitePayload()
  const profile = await findOwnProfile(payload, viewer, kind, id)
  const service = profile ? await findOwnService(payload, kind, profile.id, serviceId) : null
  if (!profile || !service) notFound()
  const flashed = await formState(SERVICE_HOURS_FORM, query)
  // Back after an error or a copy: what was typed; otherwise the service's hours as last written.
  const state: FormState = Object.keys(flashed.values).length ? flashed : { errors: {}, values: hoursToValues(service.openingHours) }
  const services = `/mon-espace/fiches/${segment}/${profile.id}/services`
  return (
    <div className="container prose">
      <h1>Horaires du service « {service.title} »</h1>
      <p>
        Proposé par « {profile.name} ». Indiquez les jours et heures où ce service est assuré, s’ils diffèrent de ceux de
        votre fiche. La mairie vérifie les modifications avant de les publier.
      </p>
      <HoursFormHelp />
      <HoursForm action={`${services}/${service.id}/horaires/enregistrer`} token={issueFormToken(SERVICE_HOURS_FORM, viewer.id)} state={state} />
      <p>
        <a href={services}>Revenir à mes services</a> · <a href="/mon-espace">Mon espace</a>
      </p>
    </div>
  )
}
