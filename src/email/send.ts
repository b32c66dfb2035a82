import type { Payload, PayloadRequest } from 'payload'

import { runInBackground } from '@/email/background'

/** One e-mail, fully written (see src/email/templates), ready to send. */
export type OutgoingEmail = {
  to: string | string[]
  subject: string
  html: string
  text: string
  replyTo?: string
  headers?: Record<string, string>
}

export const SEND_EMAIL_TASK = 'sendEmail'

function recipients(to: OutgoingEmail['to']): string[] {
  return (Array.isArray(to) ? to : [to]).map((address) => address.trim()).filter(Boolean)
}

/**
 * Sends now, through Payload's e-mail adapter (SMTP, or the .eml outbox in development and
 * tests). Throws when it fails: callers that must not lose a message use `queueEmail`.
 */
export async function sendEmail(payload: Payload, email: OutgoingEmail): Promise<void> {
  const to = recipients(email.to)
  if (to.length === 0) throw new Error(`E-mail « ${email.subject} » sans destinataire.`)
  await payload.sendEmail({
    to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    replyTo: email.replyTo || undefined,
    // Automatic messages: no out-of-office replies back to the relay.
    headers: { 'Auto-Submitted': 'auto-generated', ...(email.headers ?? {}) },
  })
}

/**
 * Queues the message as a `sendEmail` job: sent within seconds by the job runner, retried
 * with a growing delay when the server refuses it, and kept with its error in the jobs
 * collection if every attempt fails — never lost silently. Pass the hook's `req` so that the
 * message is only queued if the change that caused it is saved.
 */
export async function queueEmail(payload: Payload, email: OutgoingEmail, req?: PayloadRequest): Promise<void> {
  const to = recipients(email.to)
  if (to.length === 0) throw new Error(`E-mail « ${email.subject} » sans destinataire.`)
  await payload.jobs.queue({
    task: SEND_EMAIL_TASK,
    input: { ...email, to },
    req,
  } as Parameters<Payload['jobs']['queue']>[0])
}

/**
 * Sends at once and queues a `sendEmail` job (with its retries) only when that fails: a
 * confirmation e-mail arrives within seconds instead of waiting for the job runner's next
 * round. For e-mails a visitor waits for, outside any transaction (no `req`).
 */
export async function sendNowOrQueue(payload: Payload, email: OutgoingEmail): Promise<'sent' | 'queued'> {
  try {
    await sendEmail(payload, email)
    return 'sent'
  } catch (error) {
    // Never the addresses in the log: the subject and the error say enough.
    payload.logger.warn(
      `E-mail « ${email.subject} » non envoyé tout de suite : ${error instanceof Error ? error.message : String(error)}. Mis en file d’attente, nouvel essai plus tard.`,
    )
    await queueEmail(payload, email)
    return 'queued'
  }
}

/** `sendNowOrQueue` after the answer: the visitor does not wait for the mail server. */
export function sendSoon(payload: Payload, email: OutgoingEmail): void {
  const to = recipients(email.to)
  if (to.length === 0) throw new Error(`E-mail « ${email.subject} » sans destinataire.`)
  runInBackground(payload, `E-mail « ${email.subject} » ni envoyé ni mis en file d’attente`, () => sendNowOrQueue(payload, email))
}
