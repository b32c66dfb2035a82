import { type TextareaFieldValidation, type TextFieldValidation, validations } from 'payload'

import { CONTACT_DETAILS_MESSAGE, findContactDetails } from '@/forms/contactDetails'

/**
 * Offers and needs never carry a phone number or an e-mail address, whoever writes them
 * (the public form, a secrétaire posting for a resident, REST, GraphQL, the admin): answers
 * go through the contact relay. Municipal notices may give the mairie's own number.
 */
function refusesContactDetails(value: string | null | undefined, kind: unknown): string | true {
  if (kind === 'notice') return true
  return findContactDetails(value) ? CONTACT_DETAILS_MESSAGE : true
}

type Sibling = { kind?: unknown }

export const titleWithoutContactDetails: TextFieldValidation = (value, options) => {
  const base = validations.text(value, options)
  if (base !== true) return base
  return refusesContactDetails(value, (options.siblingData as Sibling).kind)
}

export const bodyWithoutContactDetails: TextareaFieldValidation = (value, options) => {
  const base = validations.textarea(value, options)
  if (base !== true) return base
  return refusesContactDetails(value, (options.siblingData as Sibling).kind)
}
