import { EMAIL_CHANGE_PATH } from '@/contributions/emailChange'
import { viewerOf } from '@/contributions/session'
import { validationMessages } from '@/contributions/payloadErrors'
import type { FieldErrors } from '@/forms/errors'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { emailChangeSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

/** A wrong current password is said beside its field; anything else beside the new address. */
function refusedChange(errors: FieldErrors): FieldErrors {
  if (errors.currentPassword) return { currentPassword: errors.currentPassword }
  return { newEmail: Object.values(errors)[0] ?? 'Cette adresse n’a pas pu être enregistrée.' }
}

/**
 * Asks for the new address as the signed-in person, through the same access and hooks as the
 * API: the account keeps its address and a link goes to the new one (collections/Users/emailChange.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther(`/connexion?suite=${EMAIL_CHANGE_PATH}`)
  return handleForm({
    request,
    form: 'email-change',
    page: EMAIL_CHANGE_PATH,
    schema: emailChangeSchema,
    userId: viewer.id,
    onValid: async (data) => {
      if (data.newEmail === viewer.email.toLowerCase()) return { errors: { newEmail: 'C’est déjà l’adresse de votre compte : indiquez la nouvelle.' } }
      try {
        await payload.update({ collection: 'users', id: viewer.id, data: { email: data.newEmail, currentPassword: data.currentPassword }, user: viewer, overrideAccess: false, req: { headers: request.headers } })
      } catch (error) {
        const errors = validationMessages(error)
        if (errors) return { errors: refusedChange(errors) }
        throw error
      }
      return seeOther(`${EMAIL_CHANGE_PATH}?envoye=1`)
    },
  })
}
