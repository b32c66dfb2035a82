import { z } from 'zod'

import { COPY_ACTION, copyToTickedDays, valuesToHours } from '@/contributions/hoursForm'
import { ownProfileOfRoute, saveOwnProfile } from '@/contributions/profiles'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { backToForm } from '@/forms/respond'
import { sitePayload } from '@/site/payload'

// The hours are read field by field by `valuesToHours` (French message per input).
const hoursFormSchema = z.object({}).passthrough()

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const payload = await sitePayload()
  const own = await ownProfileOfRoute(payload, await viewerOf(payload, request.headers), await context.params)
  if (own instanceof Response) return own
  const { viewer, kind, segment, id, profile } = own
  const page = `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/horaires`
  return handleForm({
    request,
    form: 'hours',
    page,
    schema: hoursFormSchema,
    userId: viewer.id,
    onValid: async (_data, values) => {
      // « Copier sur les jours cochés »: back to the form with the days filled, nothing saved yet.
      const copied = values.action === COPY_ACTION ? copyToTickedDays(values) : null
      if (copied) return backToForm(page, 'hours', copied.values, copied.errors)
      const read = valuesToHours(values, profile.openingHours)
      if (!read.ok) return { errors: read.errors }
      const saved = await saveOwnProfile(payload, viewer, kind, profile.id, { openingHours: read.hours })
      return saved.ok ? seeOther('/mon-espace?ok=fiche') : { errors: saved.errors }
    },
  })
}
