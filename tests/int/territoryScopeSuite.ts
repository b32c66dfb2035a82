import { boundaryTests } from './territoryBoundariesSuite'
import { hookKeyTests } from './territoryHookKeysSuite'
import { territoryScopeHarness } from './territoryScopeHarness'

export { HOOK_KEYS } from './territoryScopeHarness'

/**
 * Territory isolation (issue 17), run once per database on the two demo territories:
 * keys a hook reads sent to every collection as every role, an owner moving an entry to
 * another territory, host names, admin edit locks and sessions after a password change.
 *
 * The set-up and helpers are in territoryScopeHarness.ts; the tests in
 * territoryHookKeysSuite.ts and territoryBoundariesSuite.ts, run in this order.
 */
export function territoryScopeSuite(kind: 'sqlite' | 'postgres') {
  const h = territoryScopeHarness(kind)
  hookKeyTests(h)
  boundaryTests(h)
}
