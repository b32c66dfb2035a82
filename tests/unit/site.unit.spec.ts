/** Pure helpers of the public site: search parameters, URLs, runtime stripping, colours, territory choice. */
import { fillLegalText, LEGAL_TEXTS, toLexical } from '@collections/Pages/defaults'
import { markSessionPagesPrivate, stripNextRuntime } from '@/server/htmlDelivery'
import { createElement } from 'react'

import { plural } from '@/i18n/plural'

import { DEMO_LEGAL_TEXTS } from '@/seed/demoLegal'
import { renderToStaticMarkup } from 'react-dom/server'

import { EntryCard } from '@/components/site/EntryCard'
import { SiteHeader } from '@/components/site/SiteHeader'
import { OpeningHours } from '@/components/site/OpeningHours'
import { describeOpenState, toSchemaOrgOpeningHours } from '@/fields/openingHours'
import { type CardRadius, hitToCard, lookupOf } from '@/site/cards'
import { compactWeeklyHours, toOpeningHours } from '@/site/hours'
import { serializeJsonLd } from '@/site/jsonLd'
import { formatDistance, withoutBrackets } from '@/site/labels'
import { parseSiteSearch } from '@/site/searchParams'
import { pickTerritory } from '@/territories/pickTerritory'
import { contrastOnWhite, DEFAULT_PRIMARY, readablePrimary } from '@/site/theme'
import { entryPath, mediaPath, searchPath, searchQueryString } from '@/territories/urls'

describe('parseSiteSearch', () => {
  test('keeps meaningful values and drops the rest without failing', () => {
    expect(
      parseSiteSearch({
        q: '  boulangerie   bio ',
        commune: 'Grandvilliers',
        rayon: '10',
        type: ['entreprises', 'inconnu'],
        tarif: 'gratuit,cesu',
        tri: 'distance',
        page: '2',
      }),
    ).toEqual({
      q: 'boulangerie bio',
      commune: 'grandvilliers',
      rayon: 10,
      type: ['entreprises'],
      tarif: ['gratuit', 'cesu'],
      tri: 'distance',
      page: 2,
    })
    expect(parseSiteSearch({ rayon: '9999', page: '-3', tri: 'n-importe', categorie: '../../etc', lat: '49.5' })).toEqual({})
  })

  test('a position counts only as a pair, rounded', () => {
    expect(parseSiteSearch({ lat: '49.667591', lng: '1.926471' })).toEqual({ lat: 49.6676, lng: 1.9265 })
  })
})

describe('URLs', () => {
  test('entry paths are French and readable', () => {
    expect(entryPath('businesses', 'boulangerie-martin-grandvilliers')).toBe('/entreprises/boulangerie-martin-grandvilliers')
    expect(entryPath('announcements', 'x')).toBe('/annonces/x')
  })

  test('search links keep a stable order, drop empty values and reset the page on a new filter', () => {
    const search = { q: 'pain', commune: 'formerie', page: 3, type: ['entreprises' as const] }
    expect(searchQueryString(search)).toBe('?q=pain&commune=formerie&type=entreprises&page=3')
    expect(searchPath(search, { commune: undefined })).toBe('/recherche?q=pain&type=entreprises')
    expect(searchPath(search, { page: 4 })).toBe('/recherche?q=pain&commune=formerie&type=entreprises&page=4')
    expect(searchPath({}, {}, '/carte')).toBe('/carte')
  })
})

describe('stripNextRuntime', () => {
  const page = [
    '<html><head><link rel="stylesheet" href="/_next/static/css/a.css" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>',
    '<script src="/_next/static/chunks/main-app.js" async=""></script></head><body><p>Bonjour</p>',
    '<script type="application/ld+json">{"@type":"LocalBusiness"}</script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    '<script>self.__next_f.push([1,"2:I[\\"x\\"]"])</script>',
    '<script src="/site/site.js" defer=""></script></body></html>',
  ].join('')

  test('removes Next scripts and the RSC payload, keeps the CSS, our scripts and JSON-LD', () => {
    const out = stripNextRuntime(page)
    expect(out).not.toMatch(/_next\/static\/chunks/)
    expect(out).not.toMatch(/__next_f/)
    expect(out).toMatch(/_next\/static\/css\/a\.css/)
    expect(out).toMatch(/<script type="application\/ld\+json">\{"@type":"LocalBusiness"\}<\/script>/)
    expect(out).toMatch(/<script src="\/site\/site\.js" defer=""><\/script>/)
    expect(out).toMatch(/<p>Bonjour<\/p>/)
  })

  test('a page that needs the runtime keeps it', () => {
    const keep = page.replace('<p>Bonjour</p>', '<div data-keep-next-runtime=""></div>')
    expect(stripNextRuntime(keep)).toBe(keep)
  })
})

describe('header', () => {
  test('« Mon espace » names the account without brackets inside brackets', () => {
    const viewer = { name: 'Sophie Lefèvre (mairie de Grandvilliers)', logoutToken: 't', canOpenAdmin: true }
    const html = renderToStaticMarkup(createElement(SiteHeader, { territory: null, viewer }))
    expect(html).toContain('Mon espace<span class="sr-only"> (Sophie Lefèvre, mairie de Grandvilliers)</span>')
    expect(withoutBrackets('Louise Bernard')).toBe('Louise Bernard')
    expect(withoutBrackets('(élu) Jean-Marc Caron')).toBe('élu Jean-Marc Caron')
    expect(withoutBrackets('A (b) (c')).toBe('A, b c')
  })
})

describe('readablePrimary', () => {
  test('keeps a territory colour only when it reads on white (4.5:1)', () => {
    expect(readablePrimary('#1D4F91')).toBe('#1d4f91')
    expect(readablePrimary('#ffcc00')).toBe(DEFAULT_PRIMARY)
    expect(readablePrimary('red; background:url(x)')).toBe(DEFAULT_PRIMARY)
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 0)
  })
})

describe('pickTerritory', () => {
  const territories = [
    { id: 1, hostnames: ['annuaire.picardie-verte.fr'] },
    { id: 2, hostnames: ['annuaire.portes-de-sologne.fr'] },
  ]
  test('by Host header, ignoring case and port; else the first', () => {
    expect(pickTerritory(territories, 'Annuaire.Portes-de-Sologne.fr:443')?.id).toBe(2)
    expect(pickTerritory(territories, '127.0.0.1:3000')?.id).toBe(1)
    expect(pickTerritory([], 'x')).toBeNull()
  })
})

describe('printed and structured data', () => {
  test('compact week for printed lists groups identical days', () => {
    const hours = toOpeningHours({
      weekly: [
        { day: 'tuesday', opens: '08:00', closes: '12:00', id: 'a' },
        { day: 'wednesday', opens: '08:00', closes: '12:00' },
        { day: 'saturday', opens: '09:00', closes: '12:00' },
      ],
      closures: null,
      exceptions: null,
    })
    expect(hours).not.toBeNull()
    expect(compactWeeklyHours(hours!)).toBe('mar. à mer. : 8 h 00 – 12 h 00 ; sam. : 9 h 00 – 12 h 00')
    expect(toOpeningHours({ weekly: [] })).toBeNull()
  })

  test('a closure stored by Payload (dates as instants) keeps the week, says « Fermé pour congés du … au … » and marks today', () => {
    // The owner picked 24–26 December in Paris: Payload keeps the instants of local midnight.
    const stored = {
      weekly: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((day) => ({ day: day as 'monday', opens: '07:00', closes: '19:00' })),
      closures: [{ from: '2026-12-23T23:00:00.000Z', to: '2026-12-25T23:00:00.000Z', label: 'congés', id: 'c1' }],
      exceptions: null,
    }
    const hours = toOpeningHours(stored)
    expect(hours).not.toBeNull()
    expect(hours!.closures).toEqual([{ from: '2026-12-24', to: '2026-12-26', label: 'congés' }])
    const during = new Date('2026-12-25T10:00:00Z')
    expect(describeOpenState(hours!, during)).toBe('Fermé pour congés du 24 au 26 décembre · ouvre lundi à 7 h 00')
    expect(describeOpenState(hours!, new Date('2026-12-22T10:00:00Z'))).toMatch(/^Ouvert maintenant/)
    const spec = toSchemaOrgOpeningHours(hours!)
    expect(spec.some((s) => s.dayOfWeek?.includes('Monday') && s.opens === '07:00')).toBe(true)
    const html = renderToStaticMarkup(createElement(OpeningHours, { hours: hours!, now: during }))
    expect(html).toContain('Fermé pour congés du 24 au 26 décembre')
    expect(html).toMatch(/<tr class="is-today" aria-current="date"><th scope="row">Vendredi<span class="today-mark"> \(aujourd’hui\)/)
    expect(html).toContain('Samedi</th><td>7 h 00 – 19 h 00')
    const normal = renderToStaticMarkup(createElement(OpeningHours, { hours: hours!, now: new Date('2026-12-22T10:00:00Z') }))
    expect(normal).not.toContain('Fermé pour congés du 24')
    expect(normal).toContain('Fermé du 24 au 26 décembre')
    // A closure that does not read never hides the week.
    expect(toOpeningHours({ ...stored, closures: [{ from: 'n’importe quoi', to: '2026-12-26', id: 'x' }] })?.weekly).toHaveLength(6)
  })

  test('a page asked with a session cookie is private (its header names the visitor); every page varies on the cookie', () => {
    const response = () => {
      const headers = new Map<string, string>([['cache-control', 'public, max-age=60'], ['vary', 'Accept-Encoding']])
      return { headers, getHeader: (n: string) => headers.get(n.toLowerCase()), setHeader: (n: string, v: string) => void headers.set(n.toLowerCase(), v) }
    }
    const logged = response()
    markSessionPagesPrivate({ headers: { cookie: 'a=1; payload-token=abc.def' } } as never, logged as never)
    expect(logged.headers.get('cache-control')).toBe('private, no-store')
    expect(logged.headers.get('vary')).toBe('Accept-Encoding, Cookie')
    // Payload trims cookie names: a space before « = » is a session too.
    const spaced = response()
    markSessionPagesPrivate({ headers: { cookie: 'a=1; payload-token =abc.def' } } as never, spaced as never)
    expect(spaced.headers.get('cache-control')).toBe('private, no-store')
    const anonymous = response()
    markSessionPagesPrivate({ headers: { cookie: 'payload-token=' } } as never, anonymous as never)
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60')
    expect(anonymous.headers.get('vary')).toBe('Accept-Encoding, Cookie')
  })

  test('the demo legal pages are real text with the territory’s name, nothing « à compléter »', () => {
    for (const slug of ['mentions-legales', 'confidentialite', 'accessibilite'] as const) {
      const text = JSON.stringify(fillLegalText(DEMO_LEGAL_TEXTS[slug], { name: 'CC de la Picardie Verte', address: null }))
      expect(text).toContain('CC de la Picardie Verte')
      expect(text).not.toMatch(/compléter|\{territoire\}|\{adresse\}/)
    }
    expect(JSON.stringify(fillLegalText(LEGAL_TEXTS['mentions-legales'], { name: 'CC X', address: null }))).toContain('Ce site est édité par la CC X.')
  })

  test('JSON-LD cannot close its script tag', () => {
    expect(serializeJsonLd({ name: '</script><script>alert(1)</script>' })).not.toMatch(/<\/script>/)
  })

  test('distances below 1 km are not falsely precise', () => {
    expect(formatDistance(0)).toBe('moins de 1 km')
    expect(formatDistance(7.94)).toBe('7,9 km')
    expect(formatDistance(23.4)).toBe('23 km')
  })

  test('legal texts name the territory and convert to Lexical', () => {
    const text = fillLegalText(LEGAL_TEXTS['mentions-legales'], { name: 'CC de la Picardie Verte', address: '1 rue X\n60210 Grandvilliers' })
    expect(JSON.stringify(text)).not.toMatch(/\{territoire\}|\{adresse\}/)
    expect(JSON.stringify(text)).toMatch(/CC de la Picardie Verte, 1 rue X, 60210 Grandvilliers/)
    const lexical = toLexical(text.blocks)
    expect(lexical.root.type).toBe('root')
    expect(lexical.root.children[0]).toMatchObject({ type: 'heading', tag: 'h2' })
  })

  describe('a result card in a radius search around a commune', () => {
    const hit = (distanceKm: number) => ({
      kind: 'services' as const,
      id: 1,
      title: 'Livraison de pain à domicile',
      slug: 'livraison-de-pain',
      summary: 'Tournée du boulanger',
      communeId: 7,
      categoryIds: [],
      latitude: 49.6,
      longitude: 1.9,
      distanceKm,
      score: 1,
      updatedAt: '2026-12-01T10:00:00.000Z',
    })
    const lookup = lookupOf([{ id: 7, name: 'Songeons' } as Parameters<typeof lookupOf>[0][number]], [])
    const radius: CardRadius = { radiusKm: 10, servedCommuneName: 'Formerie', centreLabel: 'Formerie' }
    const meta = (distanceKm: number, withRadius = radius) =>
      renderToStaticMarkup(createElement(EntryCard, { entry: hitToCard(hit(distanceKm), lookup, withRadius) })).match(/<p class="card-meta">([^<]*)<\/p>/)?.[1]

    test('an entry beyond the radius is there because it serves the commune, and says so', () => {
      expect(meta(14.2)).toBe('Songeons · intervient à Formerie · à 14 km de Formerie')
    })

    test('an entry within the radius gives its distance from the searched commune', () => {
      expect(meta(7.94)).toBe('Songeons · à 7,9 km de Formerie')
      expect(meta(7.94, { radiusKm: 10, servedCommuneName: 'Aumale', centreLabel: 'Aumale' })).toBe('Songeons · à 7,9 km d’Aumale')
      expect(meta(0.4, { radiusKm: 10, servedCommuneName: 'Le Hamel', centreLabel: 'Le Hamel' })).toBe('Songeons · à moins de 1 km du Hamel')
    })

    test('around one’s position nothing is said about a served commune', () => {
      expect(meta(14.2, { radiusKm: 10, servedCommuneName: null, centreLabel: 'votre position' })).toBe('Songeons · à 14 km de votre position')
    })
  })

  test('a locally stored file is linked by its path, whatever host name the territory uses', () => {
    expect(mediaPath('http://127.0.0.1:3000/api/media/file/logo-pv.webp')).toBe('/api/media/file/logo-pv.webp')
    expect(mediaPath('https://annuaire.example/api/media/file/photo%20vitrine.webp?2')).toBe('/api/media/file/photo%20vitrine.webp?2')
    expect(mediaPath('/api/media/file/logo-pv.webp')).toBe('/api/media/file/logo-pv.webp')
    expect(mediaPath('https://cdn.example/bucket/logo.webp')).toBe('https://cdn.example/bucket/logo.webp')
  })
})

describe('plural', () => {
  it('puts 0 and 1 in the singular, groups thousands, and lets a PDF write its numbers', () => {
    expect([0, 1, 2].map((n) => plural(n, 'fiche'))).toEqual(['0 fiche', '1 fiche', '2 fiches'])
    expect(plural(1234, 'lieu', 'lieux')).toBe('1\u202f234 lieux')
    expect(plural(1234, 'ligne', 'lignes', (n) => String(n))).toBe('1234 lignes')
  })
})
