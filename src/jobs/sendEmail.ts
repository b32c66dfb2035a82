import type { TaskConfig } from 'payload'

import { type OutgoingEmail, SEND_EMAIL_TASK, sendEmail } from '@/email/send'

type SendEmailIO = { input: OutgoingEmail; output: { sentTo: string } }

/**
 * Sends one queued e-mail. When the mail server refuses it, the job is retried with a
 * growing delay (1 min, 2 min, 4 min… about 4 hours in all); after the last attempt it
 * stays in the jobs collection with its error, and the error is logged.
 */
export const sendEmailTask: TaskConfig<SendEmailIO> = {
  slug: SEND_EMAIL_TASK,
  label: 'Envoi d’un e-mail',
  inputSchema: [
    { name: 'to', type: 'text', hasMany: true, required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'html', type: 'textarea', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'replyTo', type: 'text' },
    { name: 'headers', type: 'json' },
  ],
  outputSchema: [{ name: 'sentTo', type: 'text' }],
  // EMAIL_RETRY_DELAY_MS shortens the first delay (tests of an SMTP outage); 1 minute by default.
  retries: { attempts: 8, backoff: { type: 'exponential', delay: Number(process.env.EMAIL_RETRY_DELAY_MS) || 60_000 } },
  handler: async ({ input, job, req }) => {
    try {
      await sendEmail(req.payload, input)
    } catch (error) {
      // Never the body nor the addresses in the log: the subject and the error say enough.
      const count = Array.isArray(input.to) ? input.to.length : 1
      req.payload.logger.warn(
        `E-mail « ${input.subject} » (${count} destinataire(s)) non envoyé, essai ${(job.totalTried ?? 0) + 1} : ${error instanceof Error ? error.message : String(error)}. Nouvel essai plus tard.`,
      )
      throw error
    }
    const to = Array.isArray(input.to) ? input.to.join(', ') : input.to
    return { output: { sentTo: to } }
  },
}
