import { describe, expect, it } from '@jest/globals'
import { APIError, Forbidden, NotFound, ValidationError } from 'payload'

import { ERROR_LOG_LEVELS, namePayloadErrors } from '@/logging/errorLevels'

/**
 * Payload logs an error at the level `loggingLevels` gives its name. Refusals go at info;
 * the names survive Next's minified bundle, where Payload's classes are called « h », « f »…
 */
describe('log level of Payload errors', () => {
  it('logs refusals (400, 401, 403, 404) at info and leaves server errors at error', () => {
    for (const name of ['Forbidden', 'NotFound', 'ValidationError', 'QueryError', 'AuthenticationError', 'LockedAuth', 'UnverifiedEmail', 'UnauthorizedError', 'SignUpReceived']) {
      expect({ name, level: (ERROR_LOG_LEVELS as Record<string, unknown>)[name] }).toEqual({ name, level: 'info' })
    }
    for (const name of ['APIError', 'ErrorDeletingFile', 'FileRetrievalError']) {
      expect({ name, level: (ERROR_LOG_LEVELS as Record<string, unknown>)[name] }).toEqual({ name, level: undefined })
    }
  })

  it('gives minified error classes their names back, so that the level applies', () => {
    const saved = Forbidden.name
    try {
      // What Next's server bundle does to Payload's classes.
      Object.defineProperty(Forbidden, 'name', { value: 'h', configurable: true })
      expect(new Forbidden().name).toBe('h')
      namePayloadErrors()
      expect(new Forbidden().name).toBe('Forbidden')
      expect([new NotFound().name, new APIError('x').name, new ValidationError({ errors: [] }).name]).toEqual(['NotFound', 'APIError', 'ValidationError'])
    } finally {
      Object.defineProperty(Forbidden, 'name', { value: saved, configurable: true })
    }
  })
})
