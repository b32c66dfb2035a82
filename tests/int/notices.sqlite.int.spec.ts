import { noticesSuite } from './noticesSuite'

describe('municipal notices and posting for a resident (SQLite)', () => noticesSuite('sqlite'))
