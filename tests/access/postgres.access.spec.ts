import { postgresServer } from '../support/servers'
import { accessSuites } from './suites'

const server = postgresServer()

// `npm test` starts the PostgreSQL server when it is given TEST_POSTGRES_URI.
if (server) describe('access table on PostgreSQL', () => accessSuites(server))
else it.skip('access table on PostgreSQL (TEST_POSTGRES_URI absent)', () => {})
