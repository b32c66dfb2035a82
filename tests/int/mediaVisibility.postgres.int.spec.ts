import { mediaVisibilitySuite } from './mediaVisibilitySuite'

const run = process.env.TEST_POSTGRES_URI ? describe : describe.skip

run('who reads images and documents (PostgreSQL)', () => mediaVisibilitySuite('postgres'))
