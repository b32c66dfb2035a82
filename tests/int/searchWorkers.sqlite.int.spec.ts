import { searchSuite } from './searchSuite'

describe('search on SQLite in worker threads (as the server runs it)', () => searchSuite('sqlite', { workers: true }))
