import { jobsSuite } from './jobsSuite'

describe('scheduled jobs on SQLite (embedded)', () => jobsSuite('sqlite'))
