export {}
process.env.DATABASE_URI = 'file:/tmp/annuaire-bench-3whkq6/bench.db'
process.env.PAYLOAD_LOG_LEVEL = 'warn'
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const { getSearchEngine } = await import('@/search')
const engine = getSearchEngine(payload)
await engine.ensureSchema()
let t = performance.now()
const r = await engine.rebuild()
console.log('rebuild', r.indexed, (performance.now() - t).toFixed(0))
const territory = 1
for (const text of ['boulangerie', 'boul', 'plombiier', 'garage songeons', undefined]) {
  for (let i = 0; i < 3; i++) { t = performance.now(); const res = await engine.search({ territory, text }); console.log(text, res.total, (performance.now() - t).toFixed(1)) }
}
for (let i = 0; i < 3; i++) { t = performance.now(); await engine.search({ territory, near: { latitude: 49.66, longitude: 1.92, radiusKm: 10 } }); console.log('near', (performance.now() - t).toFixed(1)) }
process.exit(0)
