/**
 * Fuzzing of the running product: `npm run fuzz -- [--url http://127.0.0.1:3000] [--count 3000]
 * [--seconds 120] [--seed 1] [--concurrency 4]`. Sends malformed requests (broken JSON and form
 * bodies, huge fields, wrong types, Unicode edge cases, SQL / NoSQL / FTS fragments, path
 * traversal, prototype-pollution keys) to every public page and form, every REST collection,
 * the auth endpoints, GraphQL and the custom endpoints; this machine only. Prints the requests
 * sent, the 5xx answers (target 0) and whether a rejected input left a trace in the database
 * (target none; needs the server's DATABASE_URI). With the server's PAYLOAD_SECRET, form posts
 * carry valid tokens and reach their validation; FUZZ_ACCOUNTS=email:password,… sends a third of
 * the API requests with those sessions (their accepted writes change data: a test database only). Start the target with RATE_LIMIT_SCALE=1000,
 * or most requests stop at the abuse limits. Exit code 1 on any 5xx or trace.
 */
import { parseArgs } from 'node:util'

import { fuzzPassed, printReport, runFuzz } from './fuzz/run'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.FUZZ_URL || `http://127.0.0.1:${process.env.PORT || 3000}` },
    count: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
  },
})

const options = {
  baseUrl: values.url!,
  count: Number(values.count),
  seconds: Number(values.seconds),
  seed: Number(values.seed),
  concurrency: Math.max(1, Number(values.concurrency)),
  databaseUri: process.env.DATABASE_URI,
  secret: process.env.PAYLOAD_SECRET,
  accounts: (process.env.FUZZ_ACCOUNTS ?? '').split(',').filter(Boolean),
  log: (line: string) => console.error(line),
}

try {
  const report = await runFuzz(options)
  printReport(report, options)
  process.exit(fuzzPassed(report) ? 0 : 1)
} catch (error) {
  console.error(`✖ ${(error as Error).message}`)
  process.exit(2)
}
