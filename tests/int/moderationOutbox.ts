import fs from 'node:fs'
import path from 'node:path'

/** A captured e-mail (.eml written by src/email/fileTransport.ts), decoded enough for assertions. */
export type CapturedEmail = { file: string; to: string; subject: string; replyTo: string; text: string; html: string; headers: Map<string, string> }

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = []
  const text = value.replace(/=\r?\n/g, '')
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':')
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), decodeWords(line.slice(at + 1).trim()))
  }
  return headers
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}

export function parseEml(file: string): CapturedEmail {
  const raw = fs.readFileSync(file, 'utf8')
  const split = raw.search(/\r?\n\r?\n/)
  const headers = parseHeaders(raw.slice(0, split))
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '')
  let text = ''
  let html = ''
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1]
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const at = part.search(/\r?\n\r?\n/)
      if (at < 0) continue
      const partHeaders = parseHeaders(part.slice(0, at).trim())
      const content = decodePart(partHeaders, part.slice(at).replace(/^\r?\n\r?\n/, ''))
      const type = partHeaders.get('content-type') ?? ''
      if (type.startsWith('text/plain')) text = content
      if (type.startsWith('text/html')) html = content
    }
  } else {
    text = decodePart(headers, body)
  }
  return { file, to: headers.get('to') ?? '', subject: headers.get('subject') ?? '', replyTo: headers.get('reply-to') ?? '', text, html, headers }
}

/** The .eml files of the outbox folder (sorted by name, i.e. by time). */
export function outboxFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => path.join(dir, f))
}

/** E-mails written since `before` (a list from `outboxFiles`). */
export function newEmails(dir: string, before: string[]): CapturedEmail[] {
  const known = new Set(before)
  return outboxFiles(dir)
    .filter((f) => !known.has(f))
    .map(parseEml)
}

/** Waits (up to a minute) until the job runner has written the e-mail matching `test` to the outbox. */
export async function waitForEmail(dir: string, before: string[], test: (mail: CapturedEmail) => boolean): Promise<CapturedEmail> {
  for (let i = 0; i < 120; i++) {
    const found = newEmails(dir, before).find(test)
    if (found) return found
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('E-mail attendu jamais écrit dans la boîte d’envoi')
}
