/**
 * Writes the access table (tests/access/matrix.ts) into docs/access.md. `npm run docs:access`.
 */
import fs from 'node:fs'
import path from 'node:path'

import { accessTableMarkdown } from '../tests/access/accessDoc'
import { COLLECTION_TABLES, READ_FIELD_RULES, WRITE_FIELD_RULES } from '../tests/access/matrix'

const target = path.resolve(process.cwd(), 'docs/access.md')
fs.mkdirSync(path.dirname(target), { recursive: true })
fs.writeFileSync(target, accessTableMarkdown())
console.log(`docs/access.md écrit (${COLLECTION_TABLES.length} collections, ${READ_FIELD_RULES.length + WRITE_FIELD_RULES.length} champs protégés).`)
