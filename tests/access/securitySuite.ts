/**
 * What an attacker tries against the running product, beyond the access table: the table's
 * coverage of every collection (IDOR), mass assignment through REST and the public forms,
 * stored XSS in every text the site shows (checked in the HTML and in a real browser),
 * SVG and polyglot uploads, open redirects after login, cross-site form posts, the password
 * policy on every path that sets a password, and the security headers.
 *
 * The IDOR check is here; the others are in inputSecuritySuite.ts (mass assignment, stored
 * XSS, uploads), requestSecuritySuite.ts (open redirects, CSRF, headers, GraphQL limits) and
 * accountSecuritySuite.ts (password policy, account enumeration), run in this order.
 */
import { SLUGS } from '@collections/slugs'

import { accountEnumerationTests, passwordPolicyTests } from './accountSecuritySuite'
import { massAssignmentTests, storedXssTests, uploadTests } from './inputSecuritySuite'
import { ACTORS, COLLECTION_TABLES } from './matrix'
import { csrfTests, graphqlAbuseTests, headerTests, openRedirectTests } from './requestSecuritySuite'
import { TEST_SECRET } from './securityForms'
import type { World } from './world'

export function securitySuite(getWorld: () => World) {
  beforeAll(() => {
    // Throws when the world could not be built (suites.ts): then no test here passes.
    getWorld()
    process.env.PAYLOAD_SECRET ??= TEST_SECRET
  })

  describe('IDOR: every collection is in the access table, by id, for other people and the other territory', () => {
    // Reading may be public by design (territories, communes, categories, pages, images): then every cell allows it.
    it.each(Object.values(SLUGS))('%s has read, update and delete cells, and refuses writes to someone logged in', (collection) => {
      const table = COLLECTION_TABLES.find((t) => t.collection === collection)
      expect(table).toBeDefined()
      for (const op of ['read', 'update', 'delete'] as const) {
        const rules = table!.rules.filter((r) => r.op === op)
        const refusedSomewhere = rules.some((r) => ACTORS.some((a) => !r.allow.includes(a) && !r.notApplicable?.includes(a) && a !== 'anonymous'))
        const publicRead = op === 'read' && rules.every((r) => ACTORS.every((a) => r.allow.includes(a)))
        expect({ collection, op, cells: rules.length > 0, refusedOrPublic: refusedSomewhere || publicRead }).toEqual({ collection, op, cells: true, refusedOrPublic: true })
      }
    })
  })

  massAssignmentTests(getWorld)
  storedXssTests(getWorld)
  uploadTests(getWorld)
  openRedirectTests(getWorld)
  csrfTests(getWorld)
  passwordPolicyTests(getWorld)
  headerTests(getWorld)
  accountEnumerationTests(getWorld)
  graphqlAbuseTests(getWorld)
}
