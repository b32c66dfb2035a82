import { z } from 'zod'

import { valuesToHours } from '@/contributions/hoursForm'
import { findOwnProfile, PROFILE_SEGMENTS, saveOwnProfile } from '@/contributions/profiles'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

// The hours are read field by field by `valuesToHours` (French message per input).
const hoursFormSchema = z.object({}).passthrough()

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const { kind: segment, id } = await context.params
  const kind = PROFILE_SEGMENTS[segment]
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  const own = kind ? await findOwnProfile(payload, viewer, kind, id) : null
  if (!kind || !own) {
    return new Response('Cette fiche n’existe pas ou ne vous appartient pas.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return handleForm({
    request,
    form: 'hours',
    page: `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/horaires`,
    schema: hoursFormSchema,
    userId: viewer.id,
    onValid: async (_data, values) => {
      const read = valuesToHours(values, own.openingHours)
      if (!read.ok) return { errors: read.errors }
      const saved = await saveOwnProfile(payload, viewer, kind, own.id, { openingHours: read.hours })
      return saved.ok ? seeOther('/mon-espace?ok=fiche') : { errors: saved.errors }
    },
  })
}
