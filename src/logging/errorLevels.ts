import {
  APIError,
  AuthenticationError,
  type Config,
  ErrorDeletingFile,
  FileRetrievalError,
  FileUploadError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
} from 'payload'

/** Refusals of a request (400, 401, 403, 404…): the visitor's doing. */
const REFUSALS = {
  AuthenticationError,
  FileUploadError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  // Not in Payload's type of levels, yet looked up by name like the others (a 401 of the admin).
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
}

/**
 * Kept at error with their stack. `APIError` among them: Payload throws it for 4xx and 5xx
 * alike, and the level cannot depend on the status.
 */
const FAULTS = { APIError, ErrorDeletingFile, FileRetrievalError }

/**
 * The log level of each of Payload's errors (Payload's `loggingLevels`, keyed by the error's
 * name): a refusal is logged at info with its message only; the rest stays at error with its
 * stack, real server errors (500) included. A sign-up with a taken address, answered like a
 * creation (collections/Users/sameAnswer.ts), is at info too: its message only, never the
 * address it carries.
 */
export const ERROR_LOG_LEVELS = Object.fromEntries(
  [...Object.keys(REFUSALS), 'SignUpReceived'].map((name) => [name, 'info']),
) as NonNullable<Config['loggingLevels']>

/**
 * Payload names an error after its class (`this.name = this.constructor.name`), and both
 * `loggingLevels` and our checks by name (src/errors/isPayloadError.ts, src/hooks/apiErrors.ts)
 * rely on it. Next's server bundle minifies class names (`class h extends …`): there a
 * refusal was named « h », so logged at error with its stack. Run where the config is loaded,
 * this gives the classes of that copy of Payload their names back (nothing to do elsewhere).
 */
export function namePayloadErrors(): void {
  for (const [name, error] of Object.entries({ ...REFUSALS, ...FAULTS })) {
    if (error.name !== name) Object.defineProperty(error, 'name', { value: name, configurable: true })
  }
}
