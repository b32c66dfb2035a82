import { RESEND_VERIFICATION_DONE, RESEND_VERIFICATION_PAGE, resendVerificationInBackground } from '@/contributions/accounts'
import { requestTerritory } from '@/territories/requestTerritory'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { resendVerificationSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

/** « Renvoyer l’e-mail de confirmation »: the same answer for every address (see resendVerification). */
export async function POST(request: Request): Promise<Response> {
  return handleForm({
    request,
    form: 'resend-verification',
    page: RESEND_VERIFICATION_PAGE,
    decoy: RESEND_VERIFICATION_DONE,
    schema: resendVerificationSchema,
    onValid: async (data) => {
      const payload = await sitePayload()
      const territory = await requestTerritory(payload, request)
      resendVerificationInBackground(payload, data.confirmationEmail, {
        origin: await requestLinkBase(payload, request.headers),
        territoryName: territory?.name ?? null,
      })
      return seeOther(RESEND_VERIFICATION_DONE)
    },
  })
}
