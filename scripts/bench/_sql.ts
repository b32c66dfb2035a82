export {}
import { createClient } from '@libsql/client'
import { buildSearchSql } from '@/search/sqlite/engine'
import { planQuery } from '@/search/query'
const client = createClient({ url: 'file:/tmp/search-tests/analyzed.db' })
await client.execute('ANALYZE')
const q = buildSearchSql(planQuery({ territory: 1 }), null)
const time = async (label: string, stmt: any, n = 10) => { await client.execute(stmt); const t0 = performance.now(); for (let i = 0; i < n; i++) await client.execute(stmt); console.log(label, ((performance.now() - t0) / n).toFixed(1)) }
await time('full', q)
const parts = q.sql.split('\nUNION ALL ')
await time('hits only', { sql: parts[0], args: q.args })
await time('hits+total', { sql: parts.slice(0, 2).join('\nUNION ALL '), args: q.args })
await time('hits+total+kind+price', { sql: parts.slice(0, 4).join('\nUNION ALL '), args: q.args })
await time('+category', { sql: parts.slice(0, 5).join('\nUNION ALL '), args: q.args })
await time('count only', { sql: 'select count(*) from search_entries where territory = ?', args: ['1'] })
console.log((await client.execute({ sql: 'EXPLAIN QUERY PLAN ' + q.sql, args: q.args })).rows.map((r) => r.detail).join('\n'))
