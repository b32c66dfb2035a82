import { fillLegalText, LEGAL_TEXTS } from '@collections/Pages/defaults'
import { localDirectoryOf } from '@/email/templates/layout'
import * as names from '@/territories/names'
import { pickTerritory } from '@/territories/pickTerritory'
import { prefixLinks, prefixLocation, prefixPath, splitTerritoryPath } from '@/territories/prefix'

const territories = [
  { id: 1, slug: 'cc-de-la-picardie-verte', hostnames: ['picardie-verte.localhost'] },
  { id: 2, slug: 'cc-des-portes-de-sologne', hostnames: ['sologne.localhost'] },
]

describe('pickTerritory with a path prefix', () => {
  test('the prefix wins over the host; an unknown prefix is no territory', () => {
    expect(pickTerritory(territories, 'picardie-verte.localhost', 'cc-des-portes-de-sologne')?.id).toBe(2)
    expect(pickTerritory(territories, 'sologne.localhost:3000')?.id).toBe(2)
    expect(pickTerritory(territories, 'localhost')?.id).toBe(1)
    expect(pickTerritory(territories, 'localhost', 'inconnu')).toBeNull()
  })
})

describe('territory path prefix', () => {
  test('splits /t/<slug>/… into the slug and the path the routes know', () => {
    expect(splitTerritoryPath('/t/cc-des-portes-de-sologne/recherche?q=pain')).toEqual({ slug: 'cc-des-portes-de-sologne', url: '/recherche?q=pain' })
    expect(splitTerritoryPath('/t/cc-des-portes-de-sologne')).toEqual({ slug: 'cc-des-portes-de-sologne', url: '/' })
    expect(splitTerritoryPath('/t/cc-des-portes-de-sologne?x=1')).toEqual({ slug: 'cc-des-portes-de-sologne', url: '/?x=1' })
    expect(splitTerritoryPath('/recherche')).toBeNull()
    expect(splitTerritoryPath('/t/../admin')).toBeNull()
    expect(splitTerritoryPath('/t/A_B/')).toBeNull()
  })

  test('prefixes site paths, never assets, the API, the admin or uploads', () => {
    const p = '/t/s'
    expect(prefixPath('/', p)).toBe('/t/s/')
    expect(prefixPath('/entreprises/x?y=1', p)).toBe('/t/s/entreprises/x?y=1')
    for (const shared of ['/_next/static/a.css', '/api/media/file/a.webp', '/admin', '/site/site.js', '/vendor/leaflet/leaflet.js', '/logo.svg', '/t/s/x', '//cdn.example/x']) {
      expect(prefixPath(shared, p)).toBe(shared)
    }
  })

  test('rewrites links, form actions, map markers and absolute self links of a page', () => {
    const html = [
      '<a href="/">Accueil</a><a href="#contenu">x</a><form action="/recherche" method="get">',
      '<link rel="stylesheet" href="/_next/static/css/a.css"><img src="/api/media/file/logo.png">',
      '<div data-markers="[{&quot;lat&quot;:1,&quot;href&quot;:&quot;/entreprises/b&quot;}]"></div>',
      '<link rel="canonical" href="http://localhost:3000/communes/ardon"><a href="https://example.org/x">ailleurs</a>',
    ].join('')
    const out = prefixLinks(html, '/t/s', ['http://localhost:3000'])
    expect(out).toContain('href="/t/s/"')
    expect(out).toContain('href="#contenu"')
    expect(out).toContain('action="/t/s/recherche"')
    expect(out).toContain('href="/_next/static/css/a.css"')
    expect(out).toContain('src="/api/media/file/logo.png"')
    expect(out).toContain('&quot;href&quot;:&quot;/t/s/entreprises/b&quot;')
    expect(out).toContain('href="http://localhost:3000/t/s/communes/ardon"')
    expect(out).toContain('href="https://example.org/x"')
    expect(prefixLinks(out, '/t/s', ['http://localhost:3000'])).toBe(out)
  })

  test('redirects to this site keep the prefix', () => {
    expect(prefixLocation('/mon-espace?ok=1', '/t/s', [])).toBe('/t/s/mon-espace?ok=1')
    expect(prefixLocation('http://h/connexion', '/t/s', ['http://h'])).toBe('http://h/t/s/connexion')
    expect(prefixLocation('https://autre.example/x', '/t/s', ['http://h'])).toBe('https://autre.example/x')
  })
})

describe('e-mail links to a territory site', () => {
  const saved = process.env.PUBLIC_URL
  afterEach(() => {
    process.env.PUBLIC_URL = saved
  })

  test('a host name takes the scheme and port of PUBLIC_URL, https without it', async () => {
    const { siteLink } = await import('@/email/templates/links')
    process.env.PUBLIC_URL = 'http://localhost:3000'
    // A name that only reaches this machine (the demo's) is never given to a reader: PUBLIC_URL and the prefix (issue 19).
    expect(siteLink(territories[1], '/mon-espace')).toBe('http://localhost:3000/t/cc-des-portes-de-sologne/mon-espace')
    process.env.PUBLIC_URL = 'https://annuaire.example.fr'
    expect(siteLink(territories[1], '/mon-espace')).toBe('https://annuaire.example.fr/t/cc-des-portes-de-sologne/mon-espace')
    expect(siteLink({ hostnames: ['annuaire.cc-exemple.fr'] }, '/mon-espace')).toBe('https://annuaire.cc-exemple.fr/mon-espace')
    process.env.PUBLIC_URL = 'http://sologne.localhost:3000'
    expect(siteLink(territories[1], '/mon-espace')).toBe('http://sologne.localhost:3000/mon-espace')
    delete process.env.PUBLIC_URL
    // Without PUBLIC_URL: https for a real domain; a local name gives way to this server on PORT.
    expect(siteLink({ hostnames: ['annuaire.cc-exemple.fr'] }, '/mon-espace')).toBe('https://annuaire.cc-exemple.fr/mon-espace')
    const port = process.env.PORT
    process.env.PORT = '3000'
    expect(siteLink(territories[1], '/mon-espace')).toBe('http://localhost:3000/t/cc-des-portes-de-sologne/mon-espace')
    if (port === undefined) delete process.env.PORT
    else process.env.PORT = port
  })

  test('without a host name, PUBLIC_URL with the territory prefix', async () => {
    const { siteLink } = await import('@/email/templates/links')
    process.env.PUBLIC_URL = 'http://localhost:3000'
    expect(siteLink({ slug: 'cc-des-portes-de-sologne', hostnames: [] }, '/')).toBe('http://localhost:3000/t/cc-des-portes-de-sologne/')
  })
})

describe('a territory’s name inside a sentence (issue 19: « l’annuaire local de CC de la Picardie Verte »)', () => {
  const { inTerritory, ofPlace, ofTerritory, toTerritory, withArticle } = names
  test('the article is derived from the kind of intercommunalité', () => {
    expect(ofTerritory({ name: 'CC de la Picardie Verte' })).toBe('de la CC de la Picardie Verte')
    expect(inTerritory({ name: 'CC des Portes de Sologne' })).toBe('dans la CC des Portes de Sologne')
    expect(toTerritory({ name: 'Communauté de communes du Vexin' })).toBe('à la Communauté de communes du Vexin')
    expect(ofTerritory({ name: 'Pays de Bray' })).toBe('du Pays de Bray')
    expect(toTerritory({ name: 'Pays de Bray' })).toBe('au Pays de Bray')
    expect(ofTerritory({ name: 'Agglomération du Beauvaisis' })).toBe('de l’Agglomération du Beauvaisis')
    expect(ofTerritory({ name: 'CA du Beauvaisis' })).toBe('de la CA du Beauvaisis')
    // No known kind: the name alone, elided before a vowel.
    expect(ofTerritory({ name: 'Oise Picarde' })).toBe('d’Oise Picarde')
    expect(inTerritory({ name: 'Grandvilliers' })).toBe('à Grandvilliers')
  })

  test('« nom avec article » wins over the rule', () => {
    const t = { name: 'Les Sources', nameWithArticle: 'les Sources' }
    expect(withArticle(t)).toBe('les Sources')
    expect(ofTerritory(t)).toBe('des Sources')
    expect(inTerritory(t)).toBe('dans les Sources')
    expect(ofTerritory({ name: 'Thelle Bray', nameWithArticle: 'la communauté de communes Thelle Bray' })).toBe('de la communauté de communes Thelle Bray')
  })

  test('a commune after « de »', () => {
    expect(ofPlace('Formerie')).toBe('de Formerie')
    expect(ofPlace('Aumale')).toBe('d’Aumale')
    expect(ofPlace('Le Hamel')).toBe('du Hamel')
    expect(ofPlace('Les Andelys')).toBe('des Andelys')
    expect(ofPlace('La Ferté-Saint-Aubin')).toBe('de La Ferté-Saint-Aubin')
    expect(ofPlace('votre position')).toBe('de votre position')
  })

  test('the legal pages and the e-mails use it', () => {
    const text = fillLegalText(LEGAL_TEXTS['mentions-legales'], { name: 'Pays de Bray', address: null })
    expect(JSON.stringify(text)).toContain('Ce site est édité par le Pays de Bray.')
    expect(JSON.stringify(text)).toContain('la présidente du Pays de Bray.')
    expect(JSON.stringify(fillLegalText(LEGAL_TEXTS['accessibilite'], { name: 'CC de la Picardie Verte' }))).toContain('La CC de la Picardie Verte s’engage')
    expect(localDirectoryOf('CC de la Picardie Verte')).toBe('l’annuaire local de la CC de la Picardie Verte')
    expect(localDirectoryOf('Bray', 'le Pays de Bray')).toBe('l’annuaire local du Pays de Bray')
  })
})
