import type { Payload, TaskConfig } from 'payload'

import { retention, type Retention } from '@/privacy/retention'

export type PurgeResult = { contactRequests: number; unconfirmedAlerts: number }

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes the personal data whose retention period has passed (see the privacy page):
 * contact messages older than RETENTION_CONTACT_REQUEST_DAYS, and alerts never confirmed
 * after RETENTION_UNCONFIRMED_ALERT_DAYS. Confirmed alerts stay until their unsubscription.
 */
export async function purgePersonalData(
  payload: Payload,
  options: { now?: Date; retention?: Retention } = {},
): Promise<PurgeResult> {
  const now = (options.now ?? new Date()).getTime()
  const limits = options.retention ?? retention()
  const before = (days: number) => new Date(now - days * DAY_MS).toISOString()
  const contacts = await payload.delete({
    collection: 'contact-requests',
    where: { createdAt: { less_than: before(limits.contactRequestDays) } },
    overrideAccess: true,
    depth: 0,
  })
  const alerts = await payload.delete({
    collection: 'alerts',
    where: { and: [{ confirmed: { not_equals: true } }, { createdAt: { less_than: before(limits.unconfirmedAlertDays) } }] },
    overrideAccess: true,
    depth: 0,
  })
  const result = { contactRequests: contacts.docs.length, unconfirmedAlerts: alerts.docs.length }
  const failures = contacts.errors.length + alerts.errors.length
  if (result.contactRequests || result.unconfirmedAlerts || failures) {
    payload.logger.info(
      `Purge RGPD : ${result.contactRequests} message(s) de contact et ${result.unconfirmedAlerts} alerte(s) non confirmée(s) supprimés, ${failures} échec(s).`,
    )
  }
  return result
}

type PurgeIO = { input: object; output: PurgeResult }

/** Every night: delete what the privacy page says is no longer kept. */
export const purgePersonalDataTask: TaskConfig<PurgeIO> = {
  slug: 'purgePersonalData',
  label: 'Purge des données personnelles échues (RGPD)',
  outputSchema: [
    { name: 'contactRequests', type: 'number', required: true },
    { name: 'unconfirmedAlerts', type: 'number', required: true },
  ],
  retries: 2,
  schedule: [{ cron: '0 45 3 * * *', queue: 'daily' }],
  handler: async ({ req }) => ({ output: await purgePersonalData(req.payload) }),
}
