/**
 * A short, bounded fuzz run (scripts/fuzz.ts) against the shared SQLite test server: a few
 * hundred malformed requests to every public route and REST endpoint must bring no 5xx and
 * leave no trace of a rejected input in the database. `npm run fuzz` runs thousands.
 */
import { assertLocal, fuzzPassed, printReport, runFuzz } from '../../scripts/fuzz/run'
import { sqliteServer } from '../support/servers'

describe('fuzz', () => {
  it('only ever targets this machine', () => {
    expect(() => assertLocal('https://annuaire.example.fr')).toThrow(/ne vise que cette machine/)
    expect(() => assertLocal('http://10.0.0.1:3000')).toThrow(/ne vise que cette machine/)
    expect(assertLocal('http://127.0.0.1:3000').port).toBe('3000')
  })

  it('a few hundred malformed requests: no 5xx, no trace of rejected input, server still healthy', async () => {
    const options = {
      baseUrl: sqliteServer().baseUrl,
      count: Number(process.env.FUZZ_TEST_COUNT || 300),
      seconds: 50,
      seed: 20261125,
      concurrency: 3,
      databaseUri: process.env.TEST_DATABASE_URI,
      secret: 'test-secret-not-for-production',
    }
    const report = await runFuzz(options)
    const lines: string[] = []
    printReport(report, options, (line) => lines.push(line))
    console.log(lines.join('\n'))
    expect(report.sent).toBeGreaterThanOrEqual(Math.min(options.count, 100))
    expect(report.traceCheck).toBe('done')
    expect({ serverErrors: report.serverErrors, traces: report.traces, healthy: report.healthyAfter }).toEqual({ serverErrors: [], traces: [], healthy: true })
    expect(fuzzPassed(report)).toBe(true)
  }, 120_000)
})
