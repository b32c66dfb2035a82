import type { Payload } from 'payload'

/**
 * Work a request starts but does not wait for (e-mails after the answer, so that their time
 * does not tell whether an account exists nor delay the visitor). Errors are logged, never
 * thrown; tests wait for the pending work with `settleBackground`.
 */
const pending = new Set<Promise<void>>()

export function runInBackground(payload: Payload, failureMessage: string, work: () => Promise<unknown>): void {
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => payload.logger.error({ err: error }, failureMessage),
    )
    .finally(() => pending.delete(done))
  pending.add(done)
}

/** Resolves when every piece of background work started so far (and what it started) is over. */
export async function settleBackground(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending])
}
