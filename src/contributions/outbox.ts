import fs from 'node:fs'
import path from 'node:path'

import { outboxDir } from '@/email/adapter'

/** The captured e-mails (development, demo, tests), newest first, with their headers. */
export type CapturedEmail = { file: string; to: string; subject: string; date: string; text: string }

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? ''
  const match = head.match(new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im'))
  return match ? decodeWords(match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim()) : ''
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes them. */
export function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  )
}

export function listCapturedEmails(limit = 100): CapturedEmail[] {
  const dir = outboxDir()
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((file) => {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8')
      return { file, to: header(raw, 'To'), subject: header(raw, 'Subject'), date: header(raw, 'Date'), text: raw }
    })
}

export function devPagesEnabled(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.ANNUAIRE_DEMO === '1'
}
