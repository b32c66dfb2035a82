import type { JobsConfig, Payload } from 'payload'

import { isSuperAdmin, isSuperAdminAccess } from '@/access/isSuperAdmin'
import type { AccessUser } from '@/access/roles'

import { archiveExpiredAnnouncementsTask } from './archiveExpiredAnnouncements'
import { importSpreadsheetTask } from './importSpreadsheet'
import { sendAlertDigestsTask } from './contrib/sendAlertDigests'
import { purgePersonalDataTask } from './purgePersonalData'
import { sendEmailTask } from './sendEmail'
import { warnExpiringAnnouncementsTask } from './warnExpiringAnnouncements'

/**
 * Several Payload instances may live in one process (the express server's and the one
 * Next.js bundles); only the first one started runs the queues, so that no job runs twice.
 * Set JOBS_AUTORUN=0 on extra servers of a multi-instance deployment: Payload claims a job
 * with a find-then-update (no row lock), so two runners could both run it (docs/territories.md).
 */
export function claimsJobRunner(payload: Payload): boolean {
  if (process.env.JOBS_AUTORUN === '0') return false
  const slot = globalThis as { __annuaireJobRunner?: Payload }
  slot.__annuaireJobRunner ??= payload
  return slot.__annuaireJobRunner === payload
}

const superAdminOnly = ({ req }: { req: { user?: unknown } }) => isSuperAdmin((req.user ?? null) as AccessUser | null)

/**
 * Background work: e-mails (queue `default`, checked every 10 seconds), the daily
 * announcement tasks (queue `daily`, scheduled by cron) and spreadsheet imports (queue
 * `imports`: started at once by the import endpoint, resumed after a restart by the job
 * runner, see src/imports/background.ts). Tests call the tasks' functions
 * directly and `payload.jobs.run()` to deliver queued e-mails.
 */
export const jobsConfig: JobsConfig = {
  tasks: [sendEmailTask, archiveExpiredAnnouncementsTask, warnExpiringAnnouncementsTask, sendAlertDigestsTask, purgePersonalDataTask, importSpreadsheetTask],
  autoRun: (payload) =>
    claimsJobRunner(payload)
      ? [
          // Payload's own error log of a failed job prints its input, i.e. the whole e-mail
          // (body, reset links): the sendEmail task logs a short line instead.
          { cron: process.env.JOBS_EMAIL_CRON || '*/10 * * * * *', queue: 'default', limit: 20, disableScheduling: true, silent: { error: true } },
          { cron: process.env.JOBS_DAILY_CRON || '30 * * * * *', queue: 'daily', limit: 5 },
        ]
      : [],
  access: { run: superAdminOnly, queue: superAdminOnly, cancel: superAdminOnly },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    labels: { singular: 'Tâche de fond', plural: 'Tâches de fond' },
    admin: {
      ...defaultJobsCollection.admin,
      group: 'Administration',
      hidden: ({ user }) => !isSuperAdmin(user as AccessUser | null),
      description:
        'E-mails en attente d’envoi et tâches planifiées. Une tâche en erreur (« hasError ») a épuisé ses nouvelles tentatives : lisez son journal, corrigez la cause, puis relancez-la.',
    },
    access: { ...defaultJobsCollection.access, read: isSuperAdminAccess },
  }),
}
