import type { CollectionAfterChangeHook } from 'payload'

/** E-mails the author when a moderator approves or rejects an entry (filled in by the moderation work). */
export const notifyModerationDecision: CollectionAfterChangeHook = ({ doc }) => doc
