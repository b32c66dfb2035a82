import { accountEnumerationSuite } from './accountEnumerationSuite'

describe('account enumeration (SQLite)', () => accountEnumerationSuite('sqlite'))
