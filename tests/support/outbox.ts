/**
 * The e-mails the test servers capture (EMAIL_OUTBOX_DIR, one .eml per message), as the
 * end-to-end suites read them: wait for the one sent to a person with a given subject, and
 * take a link out of it. A mail is always picked by recipient AND subject: the same person
 * often gets several at once (an approval and a relayed message, for instance).
 */
import { type CapturedEmail, newEmails, outboxFiles } from '../int/moderationOutbox'

export { type CapturedEmail, newEmails, outboxFiles }

/** Who the mail is for (an address, matched without case) and what its subject says. */
export type WantedEmail = { to: string; subject: string | RegExp }

export function isWanted(mail: CapturedEmail, { to, subject }: WantedEmail): boolean {
  if (!mail.to.toLowerCase().includes(to.toLowerCase())) return false
  return typeof subject === 'string' ? mail.subject.includes(subject) : subject.test(mail.subject)
}

/** Waits (up to a minute) until the outbox holds a new e-mail for `wanted.to` about `wanted.subject`. */
export async function waitForEmail(outboxDir: string, before: string[], wanted: WantedEmail): Promise<CapturedEmail> {
  for (let i = 0; i < 120; i++) {
    const found = newEmails(outboxDir, before).find((mail) => isWanted(mail, wanted))
    if (found) return found
    await new Promise((r) => setTimeout(r, 500))
  }
  const seen = newEmails(outboxDir, before).map((m) => `${m.to} : ${m.subject}`)
  throw new Error(`E-mail pour ${wanted.to} (« ${String(wanted.subject)} ») jamais écrit dans la boîte d’envoi ; reçus : ${seen.join(' | ') || 'aucun'}`)
}

/** The first link of the mail's text whose address contains `pathPart` (« /verifier-email »). */
export function linkIn(mail: CapturedEmail, pathPart: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]*${pathPart.replace(/[/.?]/g, '\\$&')}[^\\s]*`))
  if (!match) throw new Error(`Pas de lien ${pathPart} dans « ${mail.subject} »`)
  return match[0]
}

/** The same mail, counted: how many new e-mails for that person with that subject. */
export function countEmails(outboxDir: string, before: string[], wanted: WantedEmail): number {
  return newEmails(outboxDir, before).filter((mail) => isWanted(mail, wanted)).length
}
