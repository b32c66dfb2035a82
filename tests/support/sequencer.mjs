/**
 * Runs the longest test files first, so that no worker is left alone with a long file at
 * the end. Jest knows each file's last duration from its cache; on a clean clone it has
 * none and orders by file size, which put the access table (a few lines that start
 * thousands of tests) last. The durations of a measured whole run (fileDurations.json, in
 * seconds; `node scripts/fileDurations.mjs <timings.jsonl>` writes it again) fill the gap.
 * Files known to neither (new ones) run first, as jest does, largest first.
 */
import fs from 'node:fs'
import path from 'node:path'

import Sequencer from '@jest/test-sequencer'

const BaseSequencer = Sequencer.default ?? Sequencer
const measured = JSON.parse(fs.readFileSync(new URL('./fileDurations.json', import.meta.url), 'utf8'))

export default class LongestFirstSequencer extends BaseSequencer {
  time(test) {
    const cached = super.time(test)
    if (cached != null) return cached
    const seconds = measured[path.relative(test.context.config.rootDir, test.path)]
    return seconds == null ? undefined : seconds * 1000
  }

  sort(tests) {
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0
    for (const test of tests) test.duration = this.time(test)
    const rank = (test) => [this.hasFailed(test) ? 0 : 1, test.duration == null ? 0 : 1, -(test.duration ?? size(test))]
    return tests.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)]
      for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i] - rb[i]
      return 0
    })
  }
}
