import type { Field, FieldHook } from 'payload'

import { moderationStateField } from '@/access/fieldAccess'

/**
 * Sort key of moderated entries, so that list views show first what needs a decision.
 * (Sorting on `status` itself would be alphabetical: « archived » would come first.)
 */
export const MODERATION_RANKS = {
  pending: 0,
  modified: 1,
  published: 2,
  rejected: 3,
  archived: 4,
} as const

export function moderationRankOf(status: unknown, reviewState: unknown): number {
  if (status === 'published') return reviewState === 'modified' ? MODERATION_RANKS.modified : MODERATION_RANKS.published
  if (status === 'pending' || status === 'rejected' || status === 'archived') return MODERATION_RANKS[status]
  return MODERATION_RANKS.pending
}

const computeRank: FieldHook = ({ siblingData, originalDoc }) =>
  moderationRankOf(siblingData?.status ?? originalDoc?.status, siblingData?.reviewState ?? originalDoc?.reviewState)

/** Hidden, computed on every save from `status` and `reviewState`; the collections' `defaultSort`. */
export const moderationRankField: Field = {
  name: 'moderationRank',
  type: 'number',
  label: 'Ordre de modération',
  index: true,
  admin: { hidden: true, disableBulkEdit: true },
  hooks: { beforeChange: [computeRank] },
  // Sorting on it puts owner edits waiting first: staff only (`publicDefaultSort`).
  access: { read: moderationStateField },
}
