/**
 * Jest reporter: how long each test file took. At the end of a run of several files it
 * prints the slowest ones; with TEST_TIMINGS_FILE it also appends one JSON line per file
 * there, so that scripts/test.mjs can rank the files of all its phases together and the
 * figures of docs/benchmarks.md can be made again (`node scripts/timings.mjs <file>`).
 */
import fs from 'node:fs'
import path from 'node:path'

export const SLOWEST = 15

/** One line per file, slowest first: seconds, project, path relative to the checkout. */
export function formatSlowest(rows, count = SLOWEST) {
  const sorted = [...rows].sort((a, b) => b.seconds - a.seconds).slice(0, count)
  const width = Math.max(...sorted.map((r) => r.seconds.toFixed(1).length))
  return sorted.map((r) => `  ${r.seconds.toFixed(1).padStart(width)} s  ${r.project.padEnd(6)} ${r.file}${r.failed ? '  (échec)' : ''}`)
}

/** The first lines of a failure message, without colour codes. */
function shorten(message = '') {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '')
  return plain.split('\n').slice(0, 12).join('\n').slice(0, 1500)
}

/** Each failed test of the rows, with the start of its message. */
export function formatFailures(rows) {
  const out = []
  for (const row of rows) for (const f of row.failures ?? []) out.push(`  ✖ ${row.file} › ${f.name}\n${f.message.replace(/^/gm, '      ')}`)
  return out
}

export default class TimingReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
    this.rows = []
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats
    const row = {
      file: path.relative(this.rootDir, result.testFilePath),
      project: test.context.config.displayName?.name ?? '',
      seconds: Math.max(0, (end - start) / 1000),
      tests: result.numPassingTests + result.numFailingTests,
      failed: result.numFailingTests > 0 || Boolean(result.testExecError),
      start,
      // The slowest tests of the file, to tell where its time goes.
      slowestTests: (result.testResults ?? [])
        .filter((t) => typeof t.duration === 'number')
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 5)
        .map((t) => ({ name: t.fullName, seconds: Math.round(t.duration / 100) / 10 })),
      // What failed, short enough to be read at the end of a CI log that keeps only its tail.
      failures: [
        ...(result.testExecError ? [{ name: '(fichier)', message: shorten(result.testExecError.message) }] : []),
        ...(result.testResults ?? [])
          .filter((t) => t.status === 'failed')
          .slice(0, 5)
          .map((t) => ({ name: t.fullName, message: shorten(t.failureMessages.join('\n')) })),
      ],
    }
    this.rows.push(row)
    if (process.env.TEST_TIMINGS_FILE) fs.appendFileSync(process.env.TEST_TIMINGS_FILE, `${JSON.stringify(row)}\n`)
  }

  onRunComplete() {
    // scripts/test.mjs ranks every phase together at the end.
    if (this.rows.length < 2 || process.env.TEST_TIMINGS_QUIET === '1') return
    console.log(`\nFichiers les plus lents (${Math.min(SLOWEST, this.rows.length)} sur ${this.rows.length}) :`)
    for (const line of formatSlowest(this.rows)) console.log(line)
  }
}
