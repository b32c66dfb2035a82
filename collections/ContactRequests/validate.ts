import { type EmailFieldValidation, validations } from 'payload'

/** Required for a message from a visitor (the address answers go to), absent for a reply from the entry's side. */
export const senderEmailUnlessEntrySide: EmailFieldValidation = (value, options) => {
  const side = (options.siblingData as { fromSide?: unknown }).fromSide
  if (side === 'entry') return value ? 'Une réponse de la fiche n’a pas d’adresse d’expéditeur.' : true
  return validations.email(value, { ...options, required: true })
}
