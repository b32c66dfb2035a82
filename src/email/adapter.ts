import fs from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import { createFileTransport } from './fileTransport'

export const DEFAULT_OUTBOX_DIR = 'data/outbox'

export function outboxDir(): string {
  return path.resolve(process.env.EMAIL_OUTBOX_DIR || DEFAULT_OUTBOX_DIR)
}

/**
 * SMTP when SMTP_HOST is set; otherwise every message is captured as an .eml file in the
 * outbox folder (development, demo and tests), never sent anywhere.
 */
export function createEmailAdapter(): Promise<EmailAdapter> | EmailAdapter {
  const defaultFromAddress = process.env.EMAIL_FROM || 'annuaire@localhost'
  const defaultFromName = process.env.EMAIL_FROM_NAME || 'Annuaire local'
  if (process.env.SMTP_HOST) {
    return nodemailerAdapter({
      defaultFromAddress,
      defaultFromName,
      transportOptions: {
        host: process.env.SMTP_HOST,
        port: Number(process.env.SMTP_PORT || 587),
        secure: process.env.SMTP_SECURE === 'true',
        auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
      },
    })
  }
  const dir = outboxDir()
  fs.mkdirSync(dir, { recursive: true })
  return nodemailerAdapter({ defaultFromAddress, defaultFromName, skipVerify: true, transport: createFileTransport(dir) })
}
