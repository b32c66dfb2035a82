/**
 * A secrétaire de mairie's day in the admin, on a 1366 px laptop, driven by chromium: her
 * dashboard offers what she comes to do; the commune picker offers her communes only; the
 * élu reaches the bilan from his dashboard in one click; the Sologne administrator's list of
 * businesses holds no Picardie Verte row; the statistics, booklet and import links stay
 * visible while Payload's side menu is closed; changing her own password asks for the current one.
 */


import { adminSession, useBrowser } from '../support/browser'
import { DEMO_EPCI, DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { api, login } from '../support/rest'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl
const SOLOGNE_ADMIN = 'admin.sologne@annuaire.example'

const browser = useBrowser()

const loggedIn = (email: string) => adminSession(browser(), base, email)

async function communeNames(territoryEpci: string): Promise<string[]> {
  const t = await api(base, null, 'GET', `/api/territories?where[epciCode][equals]=${territoryEpci}&depth=0`)
  const c = await api(base, null, 'GET', `/api/communes?where[territory][equals]=${t.json.docs[0].id}&limit=200&depth=0`)
  return (c.json.docs as Array<{ name: string }>).map((d) => d.name)
}

describe('la journée d’une secrétaire de mairie (1366 px)', () => {
  test('la secrétaire voit ses raccourcis et les liens d’outils restent visibles', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.editor)
    try {
      const actions = page.locator('section.quick-actions')
      await actions.waitFor({ timeout: 60_000 })
      for (const label of ['Publier une information municipale', 'Déposer une annonce pour un habitant', 'Ajouter une fiche', 'Annuaire papier'])
        expect(await actions.getByRole('link', { name: new RegExp(label) }).isVisible()).toBe(true)
      expect(await actions.getByRole('link', { name: /À modérer \(\d+\)/ }).isVisible()).toBe(true)
      // Payload closes its side menu below 1441 px: the booklet stays one click away in the header.
      const tools = page.getByRole('navigation', { name: 'Outils' })
      expect(await tools.getByRole('link', { name: 'Annuaire papier' }).isVisible()).toBe(true)
      expect(await page.locator('nav.nav').getByRole('link', { name: 'Annuaire papier' }).isVisible()).toBe(false)
    } finally {
      await context.close()
    }
  })

  test('« Publier une information municipale » ouvre le formulaire prérempli ; le choix de commune ne propose que les siennes', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.editor)
    try {
      await page.locator('section.quick-actions').getByRole('link', { name: /Publier une information municipale/ }).click()
      await page.locator('#field-commune').waitFor({ timeout: 60_000 })
      expect(await page.locator('#field-kind-notice').isChecked()).toBe(true)
      await page.locator('#field-commune .rs__control').click()
      await page.locator('.rs__option').first().waitFor({ timeout: 30_000 })
      // The list loads by pages: wait until it settles.
      await page.waitForTimeout(1000)
      const options = (await page.locator('.rs__option').allInnerTexts()).map((t) => t.trim()).sort()
      expect(options).toEqual(['Grandvilliers', 'Hanvoile'])
    } finally {
      await context.close()
    }
  })

  test('un secrétaire d’une seule commune la trouve déjà choisie', async () => {
    const { context, page } = await loggedIn('mairie.laferte@annuaire.example')
    try {
      await page.goto(`${base}/admin/collections/announcements/create?kind=notice`)
      const value = page.locator('#field-commune .relationship--single-value__text')
      await value.first().waitFor({ timeout: 60_000 })
      expect((await value.first().innerText()).trim()).toBe('La Ferté-Saint-Aubin')
    } finally {
      await context.close()
    }
  })

  test('l’élu atteint le bilan depuis son tableau de bord en un clic', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.viewer)
    try {
      const card = page.locator('section.quick-actions').getByRole('link', { name: /Statistiques et bilan/ })
      await card.waitFor({ timeout: 60_000 })
      const pdf = page.locator('section.quick-actions').getByRole('link', { name: /Télécharger le bilan \(PDF\)/ })
      expect(await pdf.getAttribute('href')).toMatch(/^\/api\/rapports\/bilan\.pdf\?from=\d{4}-\d{2}&to=\d{4}-\d{2}$/)
      expect(await page.getByRole('navigation', { name: 'Outils' }).getByRole('link', { name: 'Statistiques et bilan' }).isVisible()).toBe(true)
      await card.click()
      await page.getByRole('heading', { level: 1, name: /Statistiques d’usage/ }).waitFor({ timeout: 60_000 })
      expect(await page.getByRole('link', { name: /PDF/ }).first().isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })

  test('l’administratrice de Sologne ne voit aucune fiche de la Picardie Verte dans la liste des entreprises', async () => {
    const sologne = await communeNames('200005932')
    const { context, page } = await loggedIn(SOLOGNE_ADMIN)
    try {
      expect(await page.getByRole('navigation', { name: 'Outils' }).getByRole('link', { name: 'Importer un tableau' }).isVisible()).toBe(true)
      await page.goto(`${base}/admin/collections/businesses`)
      await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
      // Relationship cells fill in after the table: wait until every commune is named.
      let communes: string[] = []
      for (let i = 0; i < 60; i++) {
        communes = (await page.locator('table tbody td.cell-commune').allInnerTexts()).map((t) => t.trim())
        // Until its names arrive, Payload shows a relationship cell as empty (« Non renseigné »).
        if (communes.length && communes.every((c) => c !== '' && !/^<|Chargement|Non renseigné/.test(c))) break
        await page.waitForTimeout(500)
      }
      expect(communes.length).toBeGreaterThan(0)
      const picardie = await communeNames(DEMO_EPCI)
      expect(communes.filter((c) => picardie.includes(c))).toEqual([])
      expect(communes.filter((c) => !sologne.includes(c))).toEqual([])
      // The state counts are the territory's own: the Picardie Verte owner's edit is not counted.
      expect(await page.getByRole('link', { name: /Modifiées par le propriétaire \(0\)/ }).isVisible()).toBe(true)
      // Images and documents too: the other territory's logo is public, yet not in her list.
      await page.goto(`${base}/admin/collections/media`)
      await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
      const alts = await page.locator('table tbody td.cell-alt').allInnerTexts()
      expect(alts).toContain('Logo de la CC des Portes de Sologne')
      expect(alts.filter((a) => a.includes('Picardie Verte'))).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('la secrétaire change son mot de passe depuis « Mon compte » : l’actuel est demandé', async () => {
    // An account of her own for this test: the demo's are shared with the other files.
    const admin = await login(base, 'admin')
    const commune = (await api(base, admin, 'GET', `/api/communes?where[inseeCode][equals]=${INSEE.grandvilliers}&depth=0`)).json.docs[0]
    const email = `mairie.mdp.${Date.now()}@annuaire.example`
    const created = await api(base, admin, 'POST', '/api/users', { email, password: DEMO_PASSWORD, name: 'Secrétaire (essai mot de passe)', roles: ['editor'], communes: [commune.id], _verified: true })
    expect(created.status).toBe(201)
    const { context, page } = await loggedIn(email)
    try {
      await page.getByRole('link', { name: /Mon compte|Compte/ }).first().click()
      await page.locator('#field-email').waitFor()
      const next = 'Lavoir-Grange-Mairie-2027'
      const typeNewPassword = async () => {
        await page.getByRole('button', { name: 'Changer le mot de passe' }).click()
        await page.getByLabel('Nouveau mot de passe').fill(next)
        await page.getByLabel('Confirmez le mot de passe').fill(next)
      }
      // At a person's pace: Payload checks the form on the server as one types, and a save sent
      // within the same instant is refused as « champs invalides » with no field marked.
      const save = async () => {
        await page.waitForTimeout(1500)
        await page.getByRole('button', { name: 'Sauvegarder' }).click()
      }
      await typeNewPassword()
      await save()
      // Refused, said on the field; Payload folds its password fields after a refused save.
      await page.getByText('saisissez votre mot de passe actuel').first().waitFor()
      const current = page.getByLabel('Votre mot de passe actuel')
      expect(await current.getAttribute('type')).toBe('password')
      expect(await page.locator('.field-type.password.error').filter({ has: current }).count()).toBe(1)
      await typeNewPassword()
      await current.fill(DEMO_PASSWORD)
      await save()
      await page.getByText(/mis à jour/i).first().waitFor()
      expect((await api(base, null, 'POST', '/api/users/login', { email, password: next })).status).toBe(200)
      expect((await api(base, null, 'POST', '/api/users/login', { email, password: DEMO_PASSWORD })).status).toBe(401)
    } finally {
      await context.close()
    }
  })
})
