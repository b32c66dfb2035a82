/**
 * Writes tests/support/fileDurations.json (seconds per test file, for the longest-first
 * order of tests/support/sequencer.mjs) from the timings a whole `npm test` run left in
 * <TEST_TIMINGS_FILE>: `node scripts/fileDurations.mjs /tmp/…/timings.jsonl`.
 * Also prints the table of docs/benchmarks.md (markdown, slowest first).
 */
import fs from 'node:fs'

const source = process.argv[2]
if (!source) {
  console.error('Usage : node scripts/fileDurations.mjs <timings.jsonl>')
  process.exit(2)
}
const rows = fs.readFileSync(source, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
rows.sort((a, b) => b.seconds - a.seconds)
const durations = Object.fromEntries(rows.map((r) => [r.file, Math.round(r.seconds)]))
fs.writeFileSync(new URL('../tests/support/fileDurations.json', import.meta.url), `${JSON.stringify(durations, null, 2)}\n`)
console.log('| fichier | projet | tests | durée (s) |\n|---|---|---:|---:|')
for (const r of rows) console.log(`| \`${r.file}\` | ${r.project} | ${r.tests} | ${r.seconds.toFixed(1)} |`)
