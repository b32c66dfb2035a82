/**
 * Jest setup file of the server and e2e projects: when `npm test` gave this jest process
 * one set of servers per worker (TEST_WORKER_SERVERS, a JSON list of environments:
 * TEST_BASE_URL, TEST_DATABASE_URI, TEST_EXTRA_PORT_BASE…), each worker takes its own, so
 * that files running at the same time share no server, database, mailbox or port. Files
 * of one worker still run one after another on the same servers, as they always did.
 */
const sets = process.env.TEST_WORKER_SERVERS ? (JSON.parse(process.env.TEST_WORKER_SERVERS) as Array<Record<string, string>>) : []
if (sets.length > 0) {
  const worker = Math.max(1, Number(process.env.JEST_WORKER_ID || 1))
  Object.assign(process.env, sets[(worker - 1) % sets.length])
}
