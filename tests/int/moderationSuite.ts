import { emailRetryTests, moderationDecisionTests } from './moderationDecisionsSuite'
import { moderationHarness } from './moderationHarness'
import { pendingChangesTests } from './moderationPendingChangesSuite'

/**
 * Moderation, run once per database on the demo territory: decisions through the real
 * REST endpoint as each role, the author's e-mail captured in the outbox, audit entries,
 * owners' edits flagged « modifié » with versions kept, and the moderation queue's scope.
 *
 * The set-up and helpers are in moderationHarness.ts; the tests in moderationDecisionsSuite.ts
 * and moderationPendingChangesSuite.ts, run in the order below.
 */
export function moderationSuite(kind: 'sqlite' | 'postgres') {
  const h = moderationHarness(kind)
  moderationDecisionTests(h)
  pendingChangesTests(h)
  emailRetryTests(h)
}
