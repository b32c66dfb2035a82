import { MAX_CLOSURES, MAX_EXCEPTIONS, rangesPerDayProblem, tooManyProblem } from './limits'
import { openingHoursSchema } from './schema'

const SECTION_LABELS: Record<string, string> = {
  weekly: 'Horaires de la semaine',
  closures: 'Fermetures',
  exceptions: 'Jours exceptionnels',
  note: 'Remarque',
}

/**
 * Validator for a Payload `json` field: `true`, or the first problem in French, prefixed with
 * where it is ("Fermetures, ligne 2 : …").
 */
export function validateOpeningHours(value: unknown): true | string {
  if (value === null || value === undefined) return true
  const result = openingHoursSchema.safeParse(value)
  if (result.success) {
    const { weekly, closures, exceptions } = result.data
    return (
      rangesPerDayProblem(weekly) ??
      tooManyProblem(closures, MAX_CLOSURES, 'fermetures') ??
      tooManyProblem(exceptions, MAX_EXCEPTIONS, 'jours exceptionnels') ??
      true
    )
  }
  const issue = result.error.issues[0]!
  const [section, index] = issue.path
  const where = typeof section === 'string' ? SECTION_LABELS[section] : undefined
  if (!where) return issue.message
  const line = typeof index === 'number' ? `, ligne ${index + 1}` : ''
  return `${where}${line} : ${issue.message}`
}
