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

/**
 * The log level of each of Payload's errors (Payload's `loggingLevels`, keyed by the error's
 * name): a request refused by access control or by validation — 400, 401, 403, 404 — is the
 * visitor's doing, logged at info with its message only; the rest stays at error with its
 * stack, real server errors (500) included. `APIError` stays at error: Payload throws it for
 * 4xx and 5xx alike, and the level cannot depend on the status.
 */
export const ERROR_LOG_LEVELS = {
  AuthenticationError: 'info',
  FileUploadError: 'info',
  Forbidden: 'info',
  Locked: 'info',
  LockedAuth: 'info',
  MissingFile: 'info',
  NotFound: 'info',
  QueryError: 'info',
  UnverifiedEmail: 'info',
  ValidationError: 'info',
  // Not in Payload's type, yet looked up by name like the others (a 401 of the admin).
  UnauthorizedError: 'info',
  // A sign-up with a taken address, answered like a creation (collections/Users/sameAnswer.ts):
  // at info its message only, never the address it carries.
  SignUpReceived: 'info',
} as NonNullable<Config['loggingLevels']>

const PAYLOAD_ERRORS = {
  APIError,
  AuthenticationError,
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
}

/**
 * Payload names an error after its class (`this.name = this.constructor.name`), and both
 * `loggingLevels` and our checks by name (src/errors/isPayloadError.ts, src/hooks/apiErrors.ts)
 * rely on it. Next's server bundle minifies class names (`class h extends …`): there a
 * refusal was named « h », so logged at error with its stack. Run where the config is loaded,
 * this gives the classes of that copy of Payload their names back (nothing to do elsewhere).
 */
export function namePayloadErrors(): void {
  for (const [name, error] of Object.entries(PAYLOAD_ERRORS)) {
    if (error.name !== name) Object.defineProperty(error, 'name', { value: name, configurable: true })
  }
}
