import { cookies } from 'next/headers'

import type { FormState } from './components'
import { FLASH_COOKIE, FORM_RETURN_PARAM, readFlash } from './flash'

/** A form page's state: the values and errors its handler sent back, or nothing. */
export async function formState(form: string, searchParams?: Record<string, string | string[] | undefined>): Promise<FormState> {
  if (searchParams && !searchParams.erreur && !searchParams[FORM_RETURN_PARAM]) return { values: {}, errors: {} }
  const jar = await cookies()
  const flash = readFlash(jar.get(FLASH_COOKIE)?.value, form)
  return flash ? { values: flash.values, errors: flash.errors } : { values: {}, errors: {} }
}
