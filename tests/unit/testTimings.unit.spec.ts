import fs from 'node:fs'
import path from 'node:path'

import LongestFirstSequencer from '../support/sequencer.mjs'
import { formatSlowest } from '../support/timingReporter.mjs'

const root = path.resolve('.')
const measured: Record<string, number> = JSON.parse(fs.readFileSync(path.join(root, 'tests/support/fileDurations.json'), 'utf8'))

function fakeTest(file: string, size = 100) {
  return { path: path.join(root, file), context: { config: { rootDir: root }, hasteFS: { getSize: () => size } } }
}

describe('test durations', () => {
  it('lists the slowest files first, at most the count asked, failures marked', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ file: `f${i}.ts`, project: 'int', seconds: i, failed: i === 19 }))
    const lines: string[] = formatSlowest(rows, 15)
    expect(lines).toHaveLength(15)
    expect(lines[0]).toMatch(/19\.0 s\s+int\s+f19\.ts {2}\(échec\)$/)
    expect(lines[14]).toMatch(/5\.0 s\s+int\s+f5\.ts$/)
  })

  it('runs files without a known duration first, then the measured ones longest first, without jest cache', () => {
    const [longest, second] = Object.entries(measured).sort((a, b) => b[1] - a[1])
    expect(second).toBeDefined()
    type FakeTest = ReturnType<typeof fakeTest>
    const sequencer = new LongestFirstSequencer() as unknown as { _getCache: () => object; sort: (tests: FakeTest[]) => FakeTest[] }
    // A clean clone: jest's own cache knows no file.
    sequencer._getCache = () => ({})
    const order = sequencer
      .sort([fakeTest(second![0], 1), fakeTest('tests/unit/new.unit.spec.ts', 5), fakeTest(longest![0], 1)])
      .map((t) => path.relative(root, t.path))
    expect(order).toEqual(['tests/unit/new.unit.spec.ts', longest![0], second![0]])
  })
})
