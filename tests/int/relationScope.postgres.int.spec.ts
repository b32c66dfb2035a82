import { relationScopeSuite } from './relationScopeSuite'

// PostgreSQL runs when TEST_POSTGRES_URI is set (always in CI: see .ci/run).
const describeIfPostgres = process.env.TEST_POSTGRES_URI ? describe : describe.skip

describeIfPostgres('links, filters and opening hours on PostgreSQL', () => relationScopeSuite('postgres'))
