import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { type AccessUser, hasRole, type Role, territoryOf } from '@/access/roles'
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

/** The e-mail addresses of a header value such as `To: "Nom" <a@b.fr>, c@d.fr`, lower-cased. */
export function addressesOf(value: string): string[] {
  return [...value.matchAll(/[^\s<>,;"']+@[^\s<>,;"']+/g)].map((m) => m[0].toLowerCase())
}

type Viewer = { id: number | string; roles?: Role[] | null; territory?: number | string | { id: number | string } | null } | null

/**
 * The captured e-mails a visitor may read, or null when none. They carry reset and
 * confirmation links, i.e. whole accounts:
 * - in development, anyone on this machine (`localDevelopment`) reads them all;
 * - the national administrator reads them all;
 * - an administrator of the territory being visited reads those addressed to his territory's
 *   own accounts only: never a national administrator's, another territory's accounts', nor a
 *   visitor's (contact confirmations and relayed messages carry links that act for them).
 * Everyone else (other roles included: a secrétaire would read her administrator's reset
 * link) gets nothing.
 */
export async function capturedEmailsFor(
  payload: Payload,
  options: { viewer: Viewer; territoryId: number | string | null; localDevelopment: boolean },
): Promise<CapturedEmail[] | null> {
  const { viewer, territoryId, localDevelopment } = options
  if (localDevelopment || hasRole(viewer, 'superadmin')) return listCapturedEmails()
  if (!viewer || !hasRole(viewer, 'admin') || territoryId === null || String(territoryOf(viewer)) !== String(territoryId)) return null
  const emails = listCapturedEmails()
  const recipients = [...new Set(emails.flatMap((mail) => addressesOf(mail.to)))]
  if (recipients.length === 0) return []
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { in: recipients } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { email: true, roles: true, territory: true, createdAt: true, emailSetAt: true },
  })
  // Only mail to this territory's own accounts, and only what they received as accounts: a
  // visitor's confirmation or a relayed message (whose links act for someone) is nobody else's
  // to read, even once an administrator creates an account with that address.
  const accountSince = new Map(
    docs
      .filter((user) => !hasRole(user as AccessUser, 'superadmin') && String(territoryOf(user as AccessUser)) === String(territoryId))
      // Since the address was set on this account (an administrator may give an old account a
      // visitor's address): mail sent to it before belongs to whoever had it then.
      .map((user) => [String(user.email).toLowerCase(), Math.max(Date.parse(String(user.createdAt)), user.emailSetAt ? Date.parse(String(user.emailSetAt)) : 0)] as const),
  )
  // The Date header has whole seconds: a mail sent in the second its account was made counts.
  const sentAfterAccount = (mail: CapturedEmail, address: string) => {
    const since = accountSince.get(address)
    return since !== undefined && Number.isFinite(since) && since < Date.parse(mail.date) + 1000
  }
  return emails.filter((mail) => addressesOf(mail.to).every((address) => sentAfterAccount(mail, address)))
}
