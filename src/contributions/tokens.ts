import { createHmac, timingSafeEqual } from 'node:crypto'

import { resolveSecret } from '@/secret'

export { hashToken, looksLikeToken, newToken } from '@/auth/linkTokens'

/**
 * The « Répondre » link of a relayed message: signed for that message, reusable (a
 * conversation goes on), and opening it only shows the reply form.
 */
export const REPLY_PATH = '/contacter/repondre'

function replySignature(messageId: number | string): string {
  return createHmac('sha256', `${resolveSecret()}:contact-reply`).update(String(messageId)).digest('base64url').slice(0, 32)
}

export function replyPath(messageId: number | string): string {
  return `${REPLY_PATH}?${new URLSearchParams({ message: String(messageId), signature: replySignature(messageId) })}`
}

export function validReplySignature(messageId: string, signature: unknown): boolean {
  if (!/^[\w-]{1,40}$/.test(messageId) || typeof signature !== 'string') return false
  const expected = Buffer.from(replySignature(messageId))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
