import { accountTests, alertTests, profileTests, reportsAndRegistrationTests } from './contactAccountsSuite'
import { offersAndNeedsTests } from './contactAnnouncementsSuite'
import { contactHarness } from './contactHarness'
import { contactRelayTests } from './contactRelaySuite'

/**
 * The public's contributions through the real route handlers of the site (the same code the
 * production server runs) on a real database: contact relay, accounts, offers and needs,
 * matching, reports, alerts and self-registration, with every e-mail read from the outbox.
 *
 * The set-up and helpers are in contactHarness.ts; the tests in contactRelaySuite.ts,
 * contactAnnouncementsSuite.ts and contactAccountsSuite.ts, run in this order.
 */
export function contactSuite(kind: 'sqlite' | 'postgres') {
  const h = contactHarness(kind)
  contactRelayTests(h)
  accountTests(h)
  offersAndNeedsTests(h)
  reportsAndRegistrationTests(h)
  profileTests(h)
  alertTests(h)
}
