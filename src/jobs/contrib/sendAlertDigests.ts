import type { TaskConfig } from 'payload'

import { sendAlertDigests } from '@/contributions/alerts'

type DigestIO = { input: object; output: { sent: number } }

/** Every morning: the digest of each confirmed alert that has new entries. */
export const sendAlertDigestsTask: TaskConfig<DigestIO> = {
  slug: 'sendAlertDigests',
  label: 'Envoi des alertes e-mail quotidiennes',
  outputSchema: [{ name: 'sent', type: 'number', required: true }],
  retries: 2,
  schedule: [{ cron: '0 0 7 * * *', queue: 'daily' }],
  handler: async ({ req }) => ({ output: await sendAlertDigests(req.payload) }),
}
