import { z } from 'zod'

import { COPY_ACTION, copyToTickedDays, valuesToHours } from '@/contributions/hoursForm'
import { ownProfileOfRoute } from '@/contributions/profiles'
import { findOwnService, saveServiceHours, SERVICE_HOURS_FORM } from '@/contributions/services'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { backToForm } from '@/forms/respond'
import { sitePayload } from '@/site/payload'

// The hours are read field by field by `valuesToHours` (French message per input).
const hoursFormSchema = z.object({}).passthrough()

const notFound = () =>
  new Response('Ce service n’existe pas ou n’appartient pas à cette fiche.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string; service: string }> }): Promise<Response> {
  const payload = await sitePayload()
  const params = await context.params
  const own = await ownProfileOfRoute(payload, await viewerOf(payload, request.headers), params)
  if (own instanceof Response) return own
  const { viewer, kind, segment, id, profile } = own
  const service = await findOwnService(payload, kind, profile.id, params.service)
  if (!service) return notFound()
  const services = `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/services`
  const page = `${services}/${service.id}/horaires`
  return handleForm({
    request,
    form: SERVICE_HOURS_FORM,
    page,
    schema: hoursFormSchema,
    userId: viewer.id,
    onValid: async (_data, values) => {
      // « Copier sur les jours cochés »: back to the form with the days filled, nothing saved yet.
      const copied = values.action === COPY_ACTION ? copyToTickedDays(values) : null
      if (copied) return backToForm(page, SERVICE_HOURS_FORM, copied.values, copied.errors)
      const read = valuesToHours(values, service.openingHours)
      if (!read.ok) return { errors: read.errors }
      const saved = await saveServiceHours(payload, viewer, service, read.hours)
      return saved.ok ? seeOther(`${services}?ok=horaires`) : { errors: saved.errors }
    },
  })
}
