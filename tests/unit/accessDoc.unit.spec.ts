import fs from 'node:fs'
import path from 'node:path'

import { accessTableMarkdown } from '../access/accessDoc'

describe('docs/access.md', () => {
  it('is the access matrix the tests run (regenerate with `npm run docs:access`)', () => {
    const committed = fs.readFileSync(path.resolve('docs/access.md'), 'utf8')
    expect(committed).toBe(accessTableMarkdown())
  })
})
