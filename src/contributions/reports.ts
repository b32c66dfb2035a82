import type { Payload } from 'payload'

import type { ReportInput } from '@/forms/schemas'

import type { Target } from './targets'

/** « Signaler »: the report goes to the moderation queue of the entry's territory. */
export async function submitReport(
  payload: Payload,
  target: Target,
  input: ReportInput,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  if (input.reason === 'other' && !input.message) {
    return { ok: false, errors: { message: 'Précisez ce qui ne va pas : le motif « Autre raison » demande une explication.' } }
  }
  await payload.create({
    collection: 'reports',
    data: {
      target: { relationTo: target.kind, value: target.id as number },
      reason: input.reason,
      message: input.message,
      reporterEmail: input.reporterEmail,
      status: 'open',
      territory: (target.territory ?? undefined) as number | undefined,
    },
    overrideAccess: true,
  })
  return { ok: true }
}
