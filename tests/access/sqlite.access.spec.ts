import { sqliteServer } from '../support/servers'
import { accessSuites } from './suites'

describe('access table on SQLite', () => accessSuites(sqliteServer()))
