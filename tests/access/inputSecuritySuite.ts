/**
 * What an attacker writes into the site, against the running product: mass assignment
 * through REST and the public forms, stored XSS in every text the site shows (checked in the
 * HTML and in a real browser), SVG and polyglot uploads. Run by securitySuite.ts.
 */
import sharp from 'sharp'

import { launchBrowser } from '../support/browser'
import { type Id, call, idOf, query } from './client'
import { formPoster } from './securityForms'
import type { World } from './world'

/** Script that would leave a trace in the page if it ever ran. */
const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload="window.__xss=3">',
  '</script><script>window.__xss=4</script>',
  "'-alert(1)-'",
]
const XSS_TEXT = XSS.join(' ')
/** What must never appear raw in a page (the payload's active part, unescaped). */
const RAW = [/<script>window\.__xss/, /<img src=x onerror/, /<svg onload/, /href="javascript:window/i]

/** Status, owners, territory and roles sent where they do not belong: REST and the public forms. */
export function massAssignmentTests(getWorld: () => World) {
  let world: World
  const { postForm } = formPoster(getWorld)

  describe('mass assignment', () => {
    beforeAll(() => {
      world = getWorld()
    })

    it('REST: an owner cannot set status, owners or territory on create, nor move its entry to territory B', async () => {
      const marker = world.marker('masse')
      const reply = await world.as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        status: 'published',
        owners: [world.userId('resident2')],
        territory: world.territory.B,
      })
      expect(reply.status).toBe(201)
      world.track('businesses', reply.json.doc.id)
      const stored = (await world.readBack('businesses', reply.json.doc.id)).json
      expect({ status: stored.status, owners: stored.owners.map(idOf), territory: idOf(stored.territory) }).toEqual({
        status: 'pending',
        owners: [world.userId('owner')],
        territory: world.territory.A,
      })
      await world.as('owner')('PATCH', `/api/businesses/${reply.json.doc.id}`, { territory: world.territory.B, status: 'published' })
      const after = (await world.readBack('businesses', reply.json.doc.id)).json
      expect({ status: after.status, territory: idOf(after.territory) }).toEqual({ status: 'pending', territory: world.territory.A })
    })

    it('REST: a resident cannot give itself roles, communes or another territory', async () => {
      const self = world.userId('resident')
      await world.as('resident')('PATCH', `/api/users/${self}`, { roles: ['admin'], communes: [world.commune.A1], territory: world.territory.B })
      const stored = (await world.readBack('users', self)).json
      expect({ roles: stored.roles, communes: (stored.communes ?? []).map(idOf), territory: idOf(stored.territory) }).toEqual({
        roles: ['resident'],
        communes: [],
        territory: world.territory.A,
      })
    })

    it('public form: extra fields (status, author, owner, territory, roles) are ignored', async () => {
      const marker = world.marker('formulaire')
      const title = `Offre ${marker}`
      const res = await postForm(
        '/annonces/nouvelle/envoyer',
        'announcement',
        {
          kind: 'offer',
          title,
          body: 'Je peux aider au jardin le samedi matin.',
          category: String(world.category.national),
          commune: String(world.commune.A1),
          priceType: 'free',
          status: 'published',
          author: String(world.userId('resident2')),
          owner: String(world.userId('resident2')),
          owners: String(world.userId('resident2')),
          territory: String(world.territory.B),
          roles: 'superadmin',
        },
        { actor: 'resident' },
      )
      expect(res.status).toBe(303)
      const [stored] = await world.findAsSuper('announcements', { title: { equals: title } })
      expect(stored).toBeDefined()
      world.track('announcements', stored.id)
      expect({ status: stored.status, author: idOf(stored.author), territory: idOf(stored.territory) }).toEqual({
        status: 'pending',
        author: world.userId('resident'),
        territory: world.territory.A,
      })
    })

    it('public sign-up form: roles, territory and verified state cannot be chosen', async () => {
      const email = `${world.marker('inscription')}@annuaire.example`
      const res = await postForm('/inscription/envoyer', 'signup', {
        name: 'Inscription Forcée',
        email,
        password: 'Quatre-mots-sans-rapport-2026',
        passwordConfirm: 'Quatre-mots-sans-rapport-2026',
        roles: 'superadmin',
        territory: String(world.territory.B),
        _verified: 'true',
      })
      expect(res.status).toBe(303)
      const [stored] = await world.findAsSuper('users', { email: { equals: email } })
      expect(stored).toBeDefined()
      world.track('users', stored.id)
      expect({ roles: stored.roles, verified: stored._verified, chosenTerritory: idOf(stored.territory) === world.territory.B }).toEqual({
        roles: ['resident'],
        verified: false,
        chosenTerritory: false,
      })
    })
  })
}

/** Script in every text the site shows, checked in the HTML and in a real browser. */
export function storedXssTests(getWorld: () => World) {
  let world: World
  const { postForm } = formPoster(getWorld)

  describe('stored XSS', () => {
    beforeAll(() => {
      world = getWorld()
    })

    type Shown = { label: string; path: string }
    const shown: Shown[] = []
    const restore: Array<() => Promise<unknown>> = []

    afterAll(async () => {
      for (const undo of restore) await undo().catch(() => undefined)
    })

    async function publish(collection: string, id: Id): Promise<any> {
      const reply = await call(world.baseUrl, world.session('superadmin'), 'PATCH', `/api/${collection}/${id}${query({ depth: 0 })}`, { status: 'published' })
      expect(reply.status).toBe(200)
      return reply.json.doc
    }

    it('payloads in every text field of businesses, services and announcements are saved as text', async () => {
      const marker = world.marker('xss')
      const business = await world.as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        name: `Boulangerie ${marker} ${XSS[0]}`,
        description: `${XSS_TEXT}\nDeuxième ligne ${XSS[1]}`,
        street: `12 rue ${XSS[2]}`,
        activity: XSS[3],
        openingHours: { note: XSS[1], weekly: [{ day: 'monday', opens: '08:00', closes: '12:00' }] },
      })
      expect(business.status).toBe(201)
      world.track('businesses', business.json.doc.id)
      const b = await publish('businesses', business.json.doc.id)
      shown.push({ label: 'business', path: `/entreprises/${b.slug}` })

      const service = await world.as('owner')('POST', '/api/services', {
        title: `Livraison ${marker} ${XSS[1]}`,
        provider: { relationTo: 'businesses', value: b.id },
        categories: [world.category.national],
        description: XSS_TEXT,
        availability: XSS[2],
      })
      expect(service.status).toBe(201)
      world.track('services', service.json.doc.id)
      const s = await publish('services', service.json.doc.id)
      shown.push({ label: 'service', path: `/services/${s.slug}` })

      // Through the public form, as its author would.
      const title = `Aide ${marker} ${XSS[2]}`.slice(0, 120)
      const res = await postForm(
        '/annonces/nouvelle/envoyer',
        'announcement',
        { kind: 'offer', title, body: XSS_TEXT, category: String(world.category.national), commune: String(world.commune.A1), priceType: 'free' },
        { actor: 'resident' },
      )
      expect(res.status).toBe(303)
      const [announcement] = await world.findAsSuper('announcements', { title: { like: marker } })
      expect(announcement).toBeDefined()
      world.track('announcements', announcement.id)
      const a = await publish('announcements', announcement.id)
      shown.push({ label: 'announcement', path: `/annonces/${a.slug}` })
      shown.push({ label: 'search', path: `/recherche?q=${encodeURIComponent(marker)}` })
      shown.push({ label: 'announcements list', path: '/annonces' })
    })

    it('a rich-text page with script, event handlers and a javascript: link is rendered inert', async () => {
      const superadmin = world.session('superadmin')
      const [existing] = await world.findAsSuper('pages', { and: [{ slug: { equals: 'a-propos' } }, { territory: { equals: world.territory.A } }] })
      const content = lexical([
        { type: 'text', text: XSS_TEXT, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        {
          type: 'link',
          fields: { url: 'javascript:window.__xss=5', newTab: false, linkType: 'custom' },
          children: [{ type: 'text', text: 'lien piégé', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 3,
        },
      ])
      // The javascript: link may be refused when saved (400) or saved and rendered inert.
      let saved: number
      if (existing) {
        const original = existing.content
        const reply = await call(world.baseUrl, superadmin, 'PATCH', `/api/pages/${existing.id}`, { content })
        saved = reply.status
        if (reply.status === 200) restore.push(() => call(world.baseUrl, superadmin, 'PATCH', `/api/pages/${existing.id}`, { content: original }))
      } else {
        const reply = await call(world.baseUrl, superadmin, 'POST', '/api/pages', { title: 'À propos', slug: 'a-propos', territory: world.territory.A, content })
        saved = reply.status
        if (reply.status === 201) world.track('pages', reply.json.doc.id)
      }
      expect([200, 201, 400]).toContain(saved)
      shown.push({ label: 'rich-text page', path: '/a-propos' })
    })

    it('every page that shows them escapes the payloads (HTML and JSON-LD)', async () => {
      expect(shown.length).toBeGreaterThanOrEqual(5)
      for (const { label, path } of shown) {
        const res = await fetch(`${world.baseUrl}${path}`, { headers: { accept: 'text/html' } })
        const html = await res.text()
        expect({ label, status: res.status }).toEqual({ label, status: 200 })
        for (const raw of RAW) expect({ label, raw: raw.source, found: raw.test(html) }).toEqual({ label, raw: raw.source, found: false })
      }
    })

    it('no payload runs in a real browser, and the pages raise no CSP violation', async () => {
      const browser = await launchBrowser()
      try {
        const context = await browser.newContext({ javaScriptEnabled: true })
        const page = await context.newPage()
        const dialogs: string[] = []
        page.on('dialog', (d) => {
          dialogs.push(d.message())
          void d.dismiss()
        })
        for (const { label, path } of shown) {
          await page.goto(`${world.baseUrl}${path}`, { waitUntil: 'load' })
          const links = page.locator('a[href^="javascript:" i]')
          for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ timeout: 2000 }).catch(() => undefined)
          const fired = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)
          expect({ label, fired }).toEqual({ label, fired: null })
        }
        expect(dialogs).toEqual([])
      } finally {
        await browser.close()
      }
    })
  })
}

/** SVG and polyglot uploads: refused, or re-encoded into a clean image. */
export function uploadTests(getWorld: () => World) {
  let world: World

  describe('uploads', () => {
    beforeAll(() => {
      world = getWorld()
    })

    async function upload(bytes: Buffer, filename: string, type: string) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
      form.append('_payload', JSON.stringify({ alt: `Essai ${filename}` }))
      const reply = await call(world.baseUrl, world.session('owner'), 'POST', `/api/media${query({ depth: 0 })}`, undefined, { raw: form })
      if (reply.status === 201) world.track('media', reply.json.doc.id)
      return reply
    }

    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>'
    const gifJs = Buffer.concat([Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;window.__xss=1;//', 'latin1'), Buffer.alloc(16)])
    const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'

    it.each([
      ['an SVG with script', Buffer.from(svg), 'logo.svg', 'image/svg+xml'],
      ['an SVG named .png', Buffer.from(svg), 'logo.png', 'image/png'],
      ['a GIF/JavaScript polyglot', gifJs, 'photo.gif', 'image/gif'],
      ['a GIF/JavaScript polyglot named .jpg', gifJs, 'photo.jpg', 'image/jpeg'],
      ['an HTML page named .png', Buffer.from(html), 'photo.png', 'image/png'],
    ])('%s is refused or neutralised', async (what, bytes, filename, type) => {
      const reply = await upload(bytes, filename, type)
      if (reply.status !== 201) {
        expect({ what, status: reply.status >= 400 && reply.status < 500 }).toEqual({ what, status: true })
        return
      }
      expect({ what, stored: await storedFile(reply.json.doc.url) }).toEqual({ what, stored: CLEAN_WEBP })
    })

    const CLEAN_WEBP = { status: 200, type: 'image/webp', nosniff: 'nosniff', webp: true, script: false }
    async function storedFile(url: string) {
      // Read by the owner who sent it: an image no public document shows is not the public's.
      const res = await fetch(new URL(url, world.baseUrl), { headers: { authorization: `JWT ${world.session('owner')!.token}` } })
      const bytes = Buffer.from(await res.arrayBuffer())
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        nosniff: res.headers.get('x-content-type-options'),
        webp: bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
        script: bytes.includes(Buffer.from('<script')) || bytes.includes(Buffer.from('__xss')),
      }
    }

    it('a JPEG carrying HTML and script is re-encoded: the stored file is a clean WebP, served as an image', async () => {
      const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c84' } }).jpeg().toBuffer()
      const polyglot = Buffer.concat([jpeg, Buffer.from(`<html><script>window.__xss=1</script></html>`)])
      const reply = await upload(polyglot, 'photo.jpg', 'image/jpeg')
      expect(reply.status).toBe(201)
      expect(await storedFile(reply.json.doc.url)).toEqual(CLEAN_WEBP)
    })
  })
}

/** A Lexical document with one paragraph holding `children`. */
function lexical(children: unknown[]) {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children }],
    },
  }
}
