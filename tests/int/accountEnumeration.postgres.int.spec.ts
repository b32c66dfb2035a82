import { accountEnumerationSuite } from './accountEnumerationSuite'

const run = process.env.TEST_POSTGRES_URI ? describe : describe.skip

run('account enumeration (PostgreSQL)', () => accountEnumerationSuite('postgres'))
