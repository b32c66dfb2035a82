import type { z } from 'zod'

export type FieldErrors = Record<string, string>

/** The first message of each field, keyed by the field's name (for aria-describedby). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form')
    if (!(key in errors)) errors[key] = issue.message
  }
  return errors
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) }
}
