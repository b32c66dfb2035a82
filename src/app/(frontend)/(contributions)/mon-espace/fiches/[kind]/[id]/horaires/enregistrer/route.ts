import { z } from 'zod'

import { valuesToHours } from '@/contributions/hoursForm'
import { ownProfileOfRoute, saveOwnProfile } from '@/contributions/profiles'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

// The hours are read field by field by `valuesToHours` (French message per input).
const hoursFormSchema = z.object({}).passthrough()

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const payload = await sitePayload()
  const own = await ownProfileOfRoute(payload, await viewerOf(payload, request.headers), await context.params)
  if (own instanceof Response) return own
  const { viewer, kind, segment, id, profile } = own
  return handleForm({
    request,
    form: 'hours',
    page: `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/horaires`,
    schema: hoursFormSchema,
    userId: viewer.id,
    onValid: async (_data, values) => {
      const read = valuesToHours(values, profile.openingHours)
      if (!read.ok) return { errors: read.errors }
      const saved = await saveOwnProfile(payload, viewer, kind, profile.id, { openingHours: read.hours })
      return saved.ok ? seeOther('/mon-espace?ok=fiche') : { errors: saved.errors }
    },
  })
}
