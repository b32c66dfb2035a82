import { searchSuite } from './searchSuite'

describe('search on SQLite (FTS5)', () => searchSuite('sqlite'))
