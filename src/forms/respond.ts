import { type FieldErrors } from './errors'
import { flashCookie, FORM_RETURN_PARAM, secureCookies } from './flash'
import { GUARD_MESSAGES, type GuardFailure } from './guard'
import { seeOther } from './http'

/**
 * Back to the form's page, with the values typed and the French messages (303 + flash cookie).
 * The address says `?erreur=1` only when there is an error: a form sent back filled in (hours
 * copied to the ticked days) says `?retour=1`.
 */
export function backToForm(location: string, form: string, values: Record<string, string | string[]>, errors: FieldErrors): Response {
  const headers = new Headers()
  headers.append('Set-Cookie', flashCookie({ form, values, errors }, secureCookies()))
  const marker = Object.keys(errors).length ? 'erreur=1' : `${FORM_RETURN_PARAM}=1`
  const url = location.includes('?') ? `${location}&${marker}` : `${location}?${marker}`
  return seeOther(`${url}#formulaire`, headers)
}

/** The answer to a failed guard: a bot gets a silent success, a person an explanation. */
export function guardFailure(
  failure: GuardFailure,
  location: string,
  successLocation: string,
  form: string,
  values: Record<string, string>,
): Response {
  if (failure === 'honeypot') return seeOther(successLocation)
  return backToForm(location, form, values, { _form: GUARD_MESSAGES[failure] })
}

/** The answer to a failed guard on a one-button action that has no form to go back to: 403. */
export function guardRefusal(failure: GuardFailure): Response {
  const message = GUARD_MESSAGES[failure === 'honeypot' ? 'token' : failure]
  return new Response(`${message}\n`, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
