import { z } from 'zod'

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).catch(fallback)

const retentionSchema = z.object({
  RETENTION_CONTACT_REQUEST_DAYS: days(365),
  RETENTION_UNCONFIRMED_ALERT_DAYS: days(7),
})

export type Retention = { contactRequestDays: number; unconfirmedAlertDays: number }

/**
 * How long personal data is kept before the nightly purge deletes it, in days, from the
 * environment (an invalid value falls back to the default: 365 days for contact messages,
 * 7 days for alerts whose subscription was never confirmed).
 */
export function retention(env: Record<string, string | undefined> = process.env): Retention {
  const parsed = retentionSchema.parse({
    RETENTION_CONTACT_REQUEST_DAYS: env.RETENTION_CONTACT_REQUEST_DAYS ?? undefined,
    RETENTION_UNCONFIRMED_ALERT_DAYS: env.RETENTION_UNCONFIRMED_ALERT_DAYS ?? undefined,
  })
  return { contactRequestDays: parsed.RETENTION_CONTACT_REQUEST_DAYS, unconfirmedAlertDays: parsed.RETENTION_UNCONFIRMED_ALERT_DAYS }
}

/** « 365 jours (environ 12 mois) » style French durations for the privacy page. */
export function frenchDays(count: number): string {
  if (count % 365 === 0) return count === 365 ? 'un an' : `${count / 365} ans`
  return count === 1 ? 'un jour' : `${count} jours`
}
