export {}
process.env.DATABASE_URI = 'file:/tmp/annuaire-bench-3whkq6/bench.db'
process.env.PAYLOAD_LOG_LEVEL = 'warn'
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const { getSearchEngine } = await import('@/search')
const engine = getSearchEngine(payload)
await engine.ensureSchema()
if (process.argv.includes('--rebuild')) { const t = performance.now(); const r = await engine.rebuild(); console.log('rebuild', r.indexed, (performance.now() - t).toFixed(0)) }
const territory = 1
const cases: Array<[string, any]> = [
  ['boulangerie', { text: 'boulangerie' }], ['boul', { text: 'boul' }], ['plombiier', { text: 'plombiier' }], ['garage songeons', { text: 'garage songeons' }],
  ['browse', {}], ['browse kind', { kinds: ['businesses'] }], ['browse cat', { categories: [3] }], ['near10', { near: { latitude: 49.66, longitude: 1.92, radiusKm: 10 } }],
  ['near10 boul', { text: 'boul', near: { latitude: 49.66, longitude: 1.92, radiusKm: 10 }, sort: 'distance' }],
]
for (const [label, q] of cases) {
  const r = await engine.search({ territory, ...q })
  const c0 = process.cpuUsage(); const t0 = performance.now()
  for (let i = 0; i < 10; i++) await engine.search({ territory, ...q })
  const c = process.cpuUsage(c0)
  console.log(label.padEnd(20), String(r.total).padStart(6), 'cpu', ((c.user + c.system) / 10000).toFixed(2), 'wall', ((performance.now() - t0) / 10).toFixed(1))
}
process.exit(0)
