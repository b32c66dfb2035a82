import { RESEND_VERIFICATION_ACTION } from '@/contributions/accounts'
import { EMPTY_STATE, ErrorSummary, Form, FormGuardFields, type FormState, TextField } from '@/forms/components'
import { HONEYPOT_FIELD, issueFormToken } from '@/forms/guard'

/**
 * « Renvoyer l’e-mail de confirmation », under the sign-up answer, on the confirmation page
 * and on the login page when the account is not confirmed yet. Its errors come back on
 * /verifier-email?renvoyer=1.
 */
export function ResendVerificationForm({ state = EMPTY_STATE, email = '', heading = true }: { state?: FormState; email?: string; heading?: boolean }) {
  return (
    <section aria-labelledby={heading ? 'renvoyer-titre' : undefined} id="renvoyer">
      {heading ? <h2 id="renvoyer-titre">Vous n’avez pas reçu l’e-mail de confirmation ?</h2> : null}
      <p>
        Vérifiez vos courriers indésirables, puis indiquez l’adresse de votre compte : nous vous enverrons de nouveau le lien
        de confirmation.
      </p>
      <ErrorSummary state={state} />
      <Form action={RESEND_VERIFICATION_ACTION}>
        <FormGuardFields token={issueFormToken('resend-verification', null)} honeypotId={`${HONEYPOT_FIELD}-renvoi`} />
        <TextField name="confirmationEmail" label="Adresse e-mail de votre compte" type="email" state={state} required autoComplete="email" defaultValue={email} />
        <button type="submit" className="button">
          Renvoyer l’e-mail de confirmation
        </button>
      </Form>
    </section>
  )
}
