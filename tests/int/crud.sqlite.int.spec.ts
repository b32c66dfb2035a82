import { crudSuite } from './crudSuite'

describe('foundation on SQLite (embedded)', () => crudSuite('sqlite'))
