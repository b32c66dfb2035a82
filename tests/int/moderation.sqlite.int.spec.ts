import { moderationSuite } from './moderationSuite'

describe('moderation on SQLite (embedded)', () => moderationSuite('sqlite'))
