import { relationScopeSuite } from './relationScopeSuite'

describe('links, filters and opening hours on SQLite (embedded)', () => relationScopeSuite('sqlite'))
