import { mediaVisibilitySuite } from './mediaVisibilitySuite'

describe('who reads images and documents (SQLite)', () => mediaVisibilitySuite('sqlite'))
