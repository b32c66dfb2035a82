import fs from 'node:fs'
import path from 'node:path'

import { extractText, getDocumentProxy } from 'unpdf'

import { DEMO_USERS, INSEE } from '../support/fixtures'
import { api, login, type Session } from '../support/rest'
import { allServers } from '../support/servers'

async function get(baseUrl: string, session: Session | null, url: string, asCookie = false) {
  const headers: Record<string, string> = {}
  if (session?.token) {
    // As a browser does: the cookie, and Sec-Fetch-Site for Payload's CSRF check.
    if (asCookie) Object.assign(headers, { cookie: `payload-token=${session.token}`, 'sec-fetch-site': 'same-origin' })
    else headers.authorization = `JWT ${session.token}`
  }
  return fetch(`${baseUrl}${url}`, { headers, redirect: 'manual' })
}

async function pdfText(res: Response): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()))
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ')
}

/**
 * The "done when", over HTTP on the production servers: an élu opens the dashboard,
 * downloads the six-month report and reads which searches found nothing; a secrétaire prints
 * her commune's booklet; an administrator runs an import from the admin; open data is public.
 */
describe.each(allServers().map((s) => [s.name, s] as const))('statistics, reports, imports and open data over HTTP on %s', (_name, server) => {
  const base = server.baseUrl

  it('an élu opens the dashboard and downloads the bilan listing the searches that found nothing', async () => {
    const { json: territories } = await api(base, null, 'GET', '/api/territories?limit=1')
    const slug = territories.docs[0].slug as string
    const elu = await login(base, 'viewer')
    const page = await get(base, elu, '/admin/statistiques', true)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Statistiques d’usage')
    expect(html).toContain('Recherches sans résultat')
    expect(html).toContain('/api/rapports/bilan.pdf')

    const pdf = await get(base, elu, '/api/rapports/bilan.pdf')
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(pdf)
    expect(text).toContain('Bilan de l’annuaire')
    expect(text).toContain('Recherches sans résultat')
    const csv = await get(base, elu, '/api/rapports/bilan.csv?from=2026-01&to=2026-06')
    expect(csv.status).toBe(200)
    expect(await csv.text()).toContain('section;libellé;mois;valeur;détail')
    expect(slug).toBeTruthy()
  })

  it('refuses the statistics to residents, owners and anonymous visitors, with a French message', async () => {
    expect((await get(base, null, '/api/rapports/bilan.pdf')).status).toBe(401)
    for (const role of ['resident', 'owner'] as const) {
      const res = await get(base, await login(base, role), '/api/rapports/bilan.csv')
      expect(res.status).toBe(403)
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/réservées aux mairies, aux élus/)
    }
    expect((await get(base, await login(base, 'viewer'), '/api/rapports/bilan.pdf?from=2026-13')).status).toBe(400)
  })

  it('a secrétaire reads the statistics of her communes, not the whole territory', async () => {
    const editor = await login(base, 'editor')
    const page = await get(base, editor, '/admin/statistiques', true)
    expect(page.status).toBe(200)
    const html = (await page.text()).replace(/<!-- -->/g, '')
    expect(html).toContain('Statistiques d’usage — Grandvilliers et Hanvoile')
    expect(html).toContain('Chiffres de vos communes')
    const pdf = await get(base, editor, '/api/rapports/bilan.pdf')
    expect(pdf.status).toBe(200)
    const text = await pdfText(pdf)
    expect(text).toContain('Bilan de l’annuaire — Grandvilliers et Hanvoile')
    expect(text).not.toContain('Formerie')
  })

  it('a secrétaire prints the booklet of her commune, not of another', async () => {
    const { json } = await api(base, null, 'GET', `/api/communes?where[inseeCode][in]=${INSEE.grandvilliers},${INSEE.formerie}&depth=0`)
    const id = (code: string) => json.docs.find((c: { inseeCode: string }) => c.inseeCode === code).id
    const editor = await login(base, 'editor')
    const page = await get(base, editor, '/admin/annuaire-papier', true)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Grandvilliers')
    const pdf = await get(base, editor, `/api/rapports/annuaire.pdf?commune=${id(INSEE.grandvilliers)}`)
    expect(pdf.status).toBe(200)
    const text = await pdfText(pdf)
    expect(text).toContain('Commune de Grandvilliers')
    expect(text).not.toContain(DEMO_USERS.owner)
    expect((await get(base, editor, `/api/rapports/annuaire.pdf?commune=${id(INSEE.formerie)}`)).status).toBe(403)
    expect((await get(base, await login(base, 'viewer'), `/api/rapports/annuaire.pdf?commune=${id(INSEE.grandvilliers)}`)).status).toBe(403)
    expect((await get(base, await login(base, 'admin'), '/api/rapports/annuaire.pdf')).status).toBe(200)
  })

  it('an administrator runs a dry-run import from the admin page and reads the row-by-row report', async () => {
    const admin = await login(base, 'admin')
    const form = new FormData()
    form.set('file', new Blob([fs.readFileSync(path.resolve('tests/fixtures/imports/entrees.csv'))], { type: 'text/csv' }), 'entrees.csv')
    form.set('dryRun', 'on')
    const posted = await fetch(`${base}/api/imports/run`, { method: 'POST', body: form, headers: { authorization: `JWT ${admin.token}` }, redirect: 'manual' })
    expect(posted.status).toBe(303)
    const location = posted.headers.get('location')!
    const runId = new URL(location, base).searchParams.get('run')!
    let run: { state: string; created: number; refused: number } | undefined
    for (let i = 0; i < 60 && run?.state !== 'done'; i++) {
      run = (await api(base, admin, 'GET', `/api/import-runs/${runId}`)).json
      if (run?.state !== 'done') await new Promise((r) => setTimeout(r, 500))
    }
    expect(run).toMatchObject({ state: 'done', created: 5, refused: 5 })
    const html = await (await get(base, admin, location, true)).text()
    expect(html).toContain('rien n’a encore été écrit')
    expect(html).toContain('Commune « Paris » inconnue')
    const resident = await login(base, 'resident')
    // Refused before the body is read: sending a file would race the early answer (EPIPE).
    expect((await fetch(`${base}/api/imports/run`, { method: 'POST', headers: { authorization: `JWT ${resident.token}` } })).status).toBe(403)
    expect((await api(base, await login(base, 'viewer'), 'GET', `/api/import-runs/${runId}`)).status).toBe(403)
  })

  it('a secrétaire imports her communes’ rows; a too long file is refused; /healthz answers during an import', async () => {
    const editor = await login(base, 'editor')
    const post = async (csv: string, name: string, who = editor, fields: Record<string, string> = {}) => {
      const form = new FormData()
      if (csv) form.set('file', new Blob([csv], { type: 'text/csv' }), name)
      for (const [k, v] of Object.entries(fields)) form.set(k, v)
      const res = await fetch(`${base}/api/imports/run`, { method: 'POST', body: form, headers: { authorization: `JWT ${who.token}` }, redirect: 'manual' })
      expect(res.status).toBe(303)
      return new URL(res.headers.get('location')!, base)
    }
    const finished = async (id: string) => {
      let run: { state: string; created: number; refused: number } | undefined
      for (let i = 0; i < 120 && run?.state !== 'done'; i++) {
        run = (await api(base, editor, 'GET', `/api/import-runs/${id}`)).json
        if (run?.state !== 'done') await new Promise((r) => setTimeout(r, 500))
      }
      return run
    }
    const tooLong = await post(['Nom;Catégorie;Commune', ...Array.from({ length: 5200 }, (_, i) => `Structure ${i};Serrurerie;Grandvilliers`)].join('\n'), 'long.csv')
    expect(tooLong.searchParams.get('error')).toMatch(/^Le fichier compte 5\u202f200 lignes de données : 5\u202f000 au plus par fichier\./)
    expect(tooLong.searchParams.get('run')).toBeNull()

    const csv = `Nom;Catégorie;Commune\nSerrurerie Vasseur ${server.name};Serrurerie;Grandvilliers\nMenuiserie Lemaire ${server.name};Menuiserie;Songeons\n`
    const dry = (await post(csv, 'secretaire.csv')).searchParams.get('run')!
    expect(await finished(dry)).toMatchObject({ state: 'done', created: 1, refused: 1 })
    // React separates the parts of a sentence with empty comments.
    const html = (await (await get(base, editor, `/admin/import?run=${dry}`, true)).text()).replaceAll('<!-- -->', '')
    expect(html).toContain('Vous importez pour vos communes : « Grandvilliers », « Hanvoile »')
    expect(html).toContain('Commune « Songeons » : vous importez seulement pour « Grandvilliers », « Hanvoile »')
    const real = (await post('', '', editor, { from: dry })).searchParams.get('run')!
    expect(await finished(real)).toMatchObject({ state: 'done', created: 1, refused: 1 })
    // The national administrator chooses the territory; without it, she is told to.
    const national = await login(base, 'superadmin')
    expect((await post(csv, 'national.csv', national)).searchParams.get('error')).toBe('Choisissez le territoire dans lequel importer.')

    // While a long dry run works, the server answers: the run is still running once /healthz has.
    const admin = await login(base, 'admin')
    const many = ['Nom;Catégorie;Commune', ...Array.from({ length: 400 }, (_, i) => `Atelier ${i};Serrurerie;Grandvilliers`)].join('\n')
    const running = (await post(many, 'long-essai.csv', admin)).searchParams.get('run')!
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    expect((await api(base, admin, 'GET', `/api/import-runs/${running}`)).json.state).toBe('running')
  })

  it('serves open data publicly, and the SIRENE pre-fill only to logged-in contributors', async () => {
    const { json } = await api(base, null, 'GET', '/api/territories?limit=1')
    const res = await get(base, null, `/api/open-data/${json.docs[0].slug}/entreprises.csv`)
    expect(res.status).toBe(200)
    expect((await res.text()).split('\r\n')[0]).toMatch(/^id,nom,siret,/)
    expect((await get(base, null, '/api/open-data/schema')).status).toBe(200)
    expect((await get(base, null, '/api/sirene/73282932000074')).status).toBe(401)
  })
})
