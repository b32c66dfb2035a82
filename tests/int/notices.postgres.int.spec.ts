import { noticesSuite } from './noticesSuite'

const run = process.env.TEST_POSTGRES_URI ? describe : describe.skip

run('municipal notices and posting for a resident (PostgreSQL)', () => noticesSuite('postgres'))
