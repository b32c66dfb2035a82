import { contactSuite } from './contactSuite'

describe('contributions from the public (SQLite)', () => contactSuite('sqlite'))
