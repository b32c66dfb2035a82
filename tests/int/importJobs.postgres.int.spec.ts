import { importJobsSuite } from './importJobsSuite'

// PostgreSQL runs when TEST_POSTGRES_URI is set (always in CI: see .ci/run).
const describeIfPostgres = process.env.TEST_POSTGRES_URI ? describe : describe.skip

describeIfPostgres('import jobs on PostgreSQL', () => importJobsSuite('postgres'))
