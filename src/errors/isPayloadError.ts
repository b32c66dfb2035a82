import { AuthenticationError, Forbidden, LockedAuth, NotFound, UnverifiedEmail, ValidationError } from 'payload'

const kinds = { AuthenticationError, Forbidden, LockedAuth, NotFound, UnverifiedEmail, ValidationError }
type Kind = keyof typeof kinds

/**
 * The express server and Next's server bundle each load their own copy of Payload, and the
 * Payload instance is shared between them: an error thrown by one copy fails `instanceof`
 * against the other's class. Its name (set from the class name by Payload's APIError) still
 * tells; the class check keeps working when the names are minified in the bundle.
 */
export function isPayloadError<K extends Kind>(error: unknown, kind: K): error is InstanceType<(typeof kinds)[K]> {
  return error instanceof kinds[kind] || (error instanceof Error && error.name === kind)
}
