/**
 * Runs `fn` with a client on the maintenance database of TEST_POSTGRES_URI (test runner and
 * test files: making, copying and dropping the test databases).
 * @template T
 * @param {(client: { query: (sql: string) => Promise<unknown>; end: () => Promise<void> }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function pgAdmin(fn) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URI })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
