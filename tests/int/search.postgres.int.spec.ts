import { searchSuite } from './searchSuite'

// PostgreSQL runs when TEST_POSTGRES_URI is set.
const describeIfPostgres = process.env.TEST_POSTGRES_URI ? describe : describe.skip

describeIfPostgres('search on PostgreSQL (tsvector, unaccent, pg_trgm)', () => searchSuite('postgres'))
