import type { z } from 'zod'

import { type FieldErrors, parseWith } from './errors'
import { checkFormGuard, type GuardFailure } from './guard'
import { formValues, readFormBody } from './http'
import { backToForm, guardFailure } from './respond'

type Outcome = Response | { errors: FieldErrors }

/**
 * The common path of a public form's POST: read the body (413/415), check the guard
 * (token, honeypot, minimum time, origin), validate with the form's zod schema, then run
 * `onValid`; on any error, back to the form's page with the values and French messages.
 */
export async function handleForm<S extends z.ZodType>(options: {
  request: Request
  form: string
  page: string
  schema: S
  userId?: number | string | null
  /** Where a bot that filled the honeypot is sent, as if all went well. */
  decoy?: string
  multipart?: boolean
  /**
   * Guard failures that do not stop this form: a one-button action on a page already read
   * (log out, renew, delete) needs no minimum time; logging out works with an old page too.
   */
  tolerate?: readonly GuardFailure[]
  /** The answer to a failed guard when going back to the form is not the right one. */
  onGuardFailure?: (failure: GuardFailure) => Response
  /** The answer to invalid values when going back to the form is not the right one. */
  onInvalid?: (errors: FieldErrors) => Response
  onValid: (data: z.output<S>, values: Record<string, string>, body: FormData) => Promise<Outcome>
}): Promise<Response> {
  const body = await readFormBody(options.request, { multipart: options.multipart })
  if (!body.ok) return body.response
  const values = formValues(body.data)
  const failure = checkFormGuard(options.request, values, options.form, options.userId)
  if (failure && !options.tolerate?.includes(failure)) {
    if (options.onGuardFailure) return options.onGuardFailure(failure)
    return guardFailure(failure, options.page, options.decoy ?? options.page, options.form, values)
  }
  const parsed = parseWith(options.schema, values)
  if (!parsed.ok) return options.onInvalid?.(parsed.errors) ?? backToForm(options.page, options.form, values, parsed.errors)
  const outcome = await options.onValid(parsed.data, values, body.data)
  if (outcome instanceof Response) return outcome
  return backToForm(options.page, options.form, values, outcome.errors)
}

/** A relative path to continue to after login, never another site. */
export function safeNext(value: unknown, fallback = '/mon-espace'): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%#]*$/.test(value) && !value.startsWith('/\\') ? value : fallback
}
