import { INSEE } from '../support/fixtures'
import { login, type Session } from '../support/rest'
import { allServers } from '../support/servers'

const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'accept-language': 'fr-FR,fr;q=0.9',
}
const ROBOT = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }
const PREFETCH = { ...BROWSER, 'sec-purpose': 'prefetch' }

const month = () => new Date().toISOString().slice(0, 7)
const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')

/**
 * The usage statistics fed by the public site, over HTTP on the production servers: searches
 * (those that found nothing apart, words normalised), views of detail pages, never robots or
 * prefetches; then what an élu reads on the dashboard and in the report.
 */
describe.each(allServers().map((s) => [s.name, s] as const))('usage statistics from the public pages on %s', (_name, server) => {
  const base = server.baseUrl
  let elu: Session

  beforeAll(async () => {
    elu = await login(base, 'viewer')
  })

  async function counter(metric: string, dimension: string): Promise<number> {
    const params = new URLSearchParams({
      'where[metric][equals]': metric,
      'where[dimension][equals]': dimension,
      'where[month][equals]': month(),
      depth: '0',
    })
    const res = await fetch(`${base}/api/usage-stats?${params}`, { headers: { authorization: `JWT ${elu.token}` } })
    expect(res.status).toBe(200)
    const { docs } = (await res.json()) as { docs: Array<{ count: number }> }
    return docs.reduce((sum, d) => sum + d.count, 0)
  }

  /** Counters are written just after the page is sent: waits for the expected value. */
  async function settled(read: () => Promise<number>, expected: number): Promise<number> {
    let value = await read()
    for (let i = 0; i < 40 && value !== expected; i++) {
      await new Promise((r) => setTimeout(r, 250))
      value = await read()
    }
    // …and nothing more arrives afterwards (the robot's and the prefetch were not counted).
    await new Promise((r) => setTimeout(r, 750))
    return read()
  }

  async function page(path: string, headers: Record<string, string>): Promise<string> {
    const res = await fetch(`${base}${path}`, { headers })
    expect(res.status).toBe(200)
    return res.text()
  }

  it('counts a search that found nothing under its normalised words, and the élu reads it on the dashboard and in the report', async () => {
    const word = `zorglub${letters(8)}`
    const typed = `  ${word.toUpperCase()}É  `
    const normalised = `${word}e`
    const path = `/recherche?q=${encodeURIComponent(typed)}`
    expect(await page(path, BROWSER)).toContain('Aucun résultat')
    await page(path, ROBOT)
    await page(path, PREFETCH)
    expect(await settled(() => counter('search-empty', `term:${normalised}`), 1)).toBe(1)
    expect(await counter('search', `term:${normalised}`)).toBe(1)

    const dashboard = await fetch(`${base}/admin/statistiques`, { headers: { cookie: `payload-token=${elu.token}`, 'sec-fetch-site': 'same-origin' } })
    expect(dashboard.status).toBe(200)
    const html = await dashboard.text()
    const unmet = html.slice(html.indexOf('id="sans-resultat"'))
    expect(unmet).toContain(`<td>${normalised}</td>`)
    const csv = await fetch(`${base}/api/rapports/bilan.csv`, { headers: { authorization: `JWT ${elu.token}` } })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain(normalised)
  })

  it('counts a search with results once, and not its next pages nor the personal data typed', async () => {
    const before = await counter('search', 'term:boulangerie')
    const emptyBefore = await counter('search-empty', 'term:boulangerie')
    expect(await page('/recherche?q=Boulangerie', BROWSER)).not.toContain('Aucun résultat')
    await page('/recherche?q=Boulangerie&page=2', BROWSER)
    expect(await settled(() => counter('search', 'term:boulangerie'), before + 1)).toBe(before + 1)
    expect(await counter('search-empty', 'term:boulangerie')).toBe(emptyBefore)

    const email = `jeanne.${letters(6)}@exemple.fr`
    const total = await counter('search', 'all')
    await page(`/recherche?q=${encodeURIComponent(email)}`, BROWSER)
    expect(await settled(() => counter('search', 'all'), total + 1)).toBe(total + 1)
    const params = new URLSearchParams({ 'where[dimension][like]': 'jeanne', depth: '0' })
    const kept = await fetch(`${base}/api/usage-stats?${params}`, { headers: { authorization: `JWT ${elu.token}` } })
    expect(((await kept.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('counts a search once however the visitor refines it, its last result count deciding « sans résultat »', async () => {
    // Another browser than the other tests': its searches are its own.
    const visitor = { ...BROWSER, 'user-agent': `${BROWSER['user-agent']} affine/${letters(6)}` }
    const word = `zorglub${letters(8)}`
    const before = { search: await counter('search', 'all'), boulangerie: await counter('search', 'term:boulangerie'), empty: await counter('search-empty', 'term:boulangerie') }
    // Words that find nothing, refined four times (type, commune, distance, page).
    for (const path of [`/recherche?q=${word}`, `/recherche?q=${word}&type=associations`, `/recherche?q=${word}&commune=grandvilliers`, `/recherche?q=${word}&commune=grandvilliers&rayon=30`, `/recherche?q=${word}&page=2`])
      await page(path, visitor)
    expect(await settled(() => counter('search', `term:${word}`), 1)).toBe(1)
    expect(await counter('search-empty', `term:${word}`)).toBe(1)
    // « boulangerie » among associations finds nothing; without the type it does: not « sans résultat ».
    expect(await page('/recherche?q=boulangerie&type=associations', visitor)).toContain('Aucun résultat')
    expect(await page('/recherche?q=boulangerie', visitor)).not.toContain('Aucun résultat')
    expect(await settled(() => counter('search', 'term:boulangerie'), before.boulangerie + 1)).toBe(before.boulangerie + 1)
    expect(await settled(() => counter('search-empty', 'term:boulangerie'), before.empty)).toBe(before.empty)
    expect(await counter('search', 'all')).toBe(before.search + 2)
  })

  it('counts a view of a profile and of an announcement, not a robot’s nor a prefetch', async () => {
    // Entries of the demo territory, the one the site answers for on this address.
    const commune = ((await (await fetch(`${base}/api/communes?where[inseeCode][equals]=${INSEE.grandvilliers}&depth=0`)).json()) as { docs: Array<{ territory: number | string }> }).docs[0]
    for (const [collection, segment] of [['businesses', 'entreprises'], ['announcements', 'annonces']] as const) {
      const params = new URLSearchParams({ 'where[status][equals]': 'published', 'where[territory][equals]': String(commune!.territory), limit: '1', depth: '0', sort: 'createdAt' })
      const doc = ((await (await fetch(`${base}/api/${collection}?${params}`)).json()) as { docs: Array<{ id: number | string; slug: string }> }).docs[0]
      expect(doc).toBeTruthy()
      const dimension = `entry:${collection}:${doc!.id}`
      const before = await counter('view', dimension)
      await page(`/${segment}/${doc!.slug}`, BROWSER)
      await page(`/${segment}/${doc!.slug}`, ROBOT)
      await page(`/${segment}/${doc!.slug}`, PREFETCH)
      expect({ collection, views: await settled(() => counter('view', dimension), before + 1) }).toEqual({ collection, views: before + 1 })
    }
  })
})
