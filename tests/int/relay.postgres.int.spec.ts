import { contactSuite } from './contactSuite'

const run = process.env.TEST_POSTGRES_URI ? describe : describe.skip

run('contributions from the public (PostgreSQL)', () => contactSuite('postgres'))
