/**
 * The one origin helper (src/territories/publicOrigin.ts): links follow a request's host only
 * when it is a configured one, and state-changing requests with cookies come only from the
 * installation's own sites (src/server/foreignOrigins.ts).
 */
import { refusesOrigin } from '@/server/foreignOrigins'
import { defaultOrigin, isConfiguredOrigin, publicOrigin, territoryOrigin } from '@/territories/publicOrigin'

const territories = [
  { slug: 'cc-de-la-picardie-verte', hostnames: ['annuaire.picardie-verte.fr'] },
  { slug: 'cc-des-portes-de-sologne', hostnames: ['sologne.localhost'] },
]
const env = (vars: Record<string, string>) => ({ NODE_ENV: 'production', ...vars }) as NodeJS.ProcessEnv
const withUrl = env({ PUBLIC_URL: 'https://annuaire.example.fr', PORT: '3000' })
const withoutUrl = env({ PORT: '3100' })

describe('publicOrigin: links never name an unknown host', () => {
  test('a forged Host or X-Forwarded-Host gives PUBLIC_URL, or localhost without it', () => {
    expect(publicOrigin('evil.example', territories, withUrl)).toBe('https://annuaire.example.fr')
    expect(publicOrigin('evil.example:443, annuaire.example.fr', territories, withUrl)).toBe('https://annuaire.example.fr')
    expect(publicOrigin('evil.example', territories, withoutUrl)).toBe('http://localhost:3100')
    expect(publicOrigin('', territories, withoutUrl)).toBe('http://localhost:3100')
    expect(publicOrigin('bad host/x', territories, withUrl)).toBe('https://annuaire.example.fr')
    // a look-alike of a configured name is still unknown
    expect(publicOrigin('annuaire.picardie-verte.fr.evil.example', territories, withUrl)).toBe('https://annuaire.example.fr')
  })

  test('PUBLIC_URL’s own host, a territory’s host name and loopback names are followed', () => {
    expect(publicOrigin('annuaire.example.fr', territories, withUrl)).toBe('https://annuaire.example.fr')
    expect(publicOrigin('ANNUAIRE.picardie-verte.fr', territories, withUrl)).toBe('https://annuaire.picardie-verte.fr')
    expect(publicOrigin('annuaire.picardie-verte.fr', territories, withoutUrl)).toBe('https://annuaire.picardie-verte.fr')
    expect(publicOrigin('sologne.localhost:3100', territories, withoutUrl)).toBe('http://sologne.localhost:3100')
    expect(publicOrigin('127.0.0.1:3221', territories, withUrl)).toBe('http://127.0.0.1:3221')
    expect(publicOrigin('localhost:3000', [], withoutUrl)).toBe('http://localhost:3000')
    expect(publicOrigin('[::1]:3100', [], withoutUrl)).toBe('http://[::1]:3100')
  })

  test('a *.localhost name no territory lists is not followed (issue 17, F7)', () => {
    expect(publicOrigin('evil.localhost:3100', territories, withoutUrl)).toBe('http://localhost:3100')
    expect(publicOrigin('evil.localhost', territories, withUrl)).toBe('https://annuaire.example.fr')
    expect(publicOrigin('picardie-verte.localhost:3100', territories, withoutUrl)).toBe('http://localhost:3100')
  })

  test('links without a request are absolute too: a territory’s host name, else the default with its prefix', () => {
    expect(territoryOrigin(territories[0], withUrl)).toBe('https://annuaire.picardie-verte.fr')
    expect(territoryOrigin({ slug: 'cc-x', hostnames: [] }, withUrl)).toBe('https://annuaire.example.fr/t/cc-x')
    expect(territoryOrigin({ slug: 'cc-x', hostnames: [] }, withoutUrl)).toBe('http://localhost:3100/t/cc-x')
    expect(territoryOrigin(null, withoutUrl)).toBe('http://localhost:3100')
    expect(defaultOrigin(env({}))).toBe('http://localhost:3000')
  })

  test('a territory name that only reaches this machine is never given to a reader elsewhere (issue 19)', () => {
    // The demo served as https://annuaire.example.fr: `sologne.localhost` would lead nowhere.
    expect(territoryOrigin(territories[1], withUrl)).toBe('https://annuaire.example.fr/t/cc-des-portes-de-sologne')
    expect(territoryOrigin(territories[1], withoutUrl)).toBe('http://localhost:3100/t/cc-des-portes-de-sologne')
    // Unless PUBLIC_URL itself is that name.
    expect(territoryOrigin(territories[1], env({ PUBLIC_URL: 'http://sologne.localhost:3000' }))).toBe('http://sologne.localhost:3000')
    // A reachable name comes first even when listed after a local one.
    expect(territoryOrigin({ slug: 'cc-y', hostnames: ['y.localhost', 'annuaire.y.fr'] }, withUrl)).toBe('https://annuaire.y.fr')
  })
})

describe('allowed origins for state-changing requests with cookies', () => {
  test('configured origins and localhost are allowed, in every mode', () => {
    for (const env of [withUrl, withoutUrl]) {
      expect(isConfiguredOrigin('http://localhost:3000', territories, env)).toBe(true)
      expect(isConfiguredOrigin('http://sologne.localhost:3000', territories, env)).toBe(true)
      expect(isConfiguredOrigin('https://annuaire.picardie-verte.fr', territories, env)).toBe(true)
      expect(isConfiguredOrigin('https://evil.example', territories, env)).toBe(false)
      expect(isConfiguredOrigin('null', territories, env)).toBe(false)
      expect(isConfiguredOrigin('ftp://localhost', territories, env)).toBe(false)
      expect(isConfiguredOrigin('http://127.0.0.2:3000', territories, env)).toBe(true)
      expect(isConfiguredOrigin('http://[::1]:3000', territories, env)).toBe(true)
      // only the *.localhost names a territory lists (the demo's sologne.localhost) are trusted
      expect(isConfiguredOrigin('http://evil.localhost:3000', territories, env)).toBe(false)
      expect(isConfiguredOrigin('http://sologne.localhost.evil.example', territories, env)).toBe(false)
    }
    expect(isConfiguredOrigin('https://annuaire.example.fr', territories, withUrl)).toBe(true)
    expect(isConfiguredOrigin('http://annuaire.example.fr', territories, withUrl)).toBe(false)
  })

  test('refusesOrigin: only unsafe methods with a cookie and a foreign (or, on the API, null) Origin', () => {
    const evil = 'https://evil.example'
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: evil, hasCookie: true }, territories, withoutUrl)).toBe(true)
    expect(refusesOrigin({ method: 'POST', path: '/api/graphql', origin: evil, hasCookie: true }, territories, withoutUrl)).toBe(true)
    expect(refusesOrigin({ method: 'PATCH', path: '/mon-espace/annonces/1/modifier', origin: evil, hasCookie: true }, territories, withoutUrl)).toBe(true)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: 'null', hasCookie: true }, territories, withoutUrl)).toBe(true)
    expect(refusesOrigin({ method: 'POST', path: '/connexion/envoyer', origin: 'null', hasCookie: true }, territories, withoutUrl)).toBe(false)
    expect(refusesOrigin({ method: 'GET', path: '/api/users', origin: evil, hasCookie: true }, territories, withoutUrl)).toBe(false)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: evil, hasCookie: false }, territories, withoutUrl)).toBe(false)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', hasCookie: true }, territories, withoutUrl)).toBe(false)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: 'http://localhost:3000', hasCookie: true }, territories, withoutUrl)).toBe(false)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: 'http://attaque.localhost:3000', hasCookie: true }, territories, withoutUrl)).toBe(true)
    expect(refusesOrigin({ method: 'POST', path: '/api/users', origin: 'http://attaque.localhost:3000', hasCookie: true }, territories, withUrl)).toBe(true)
  })
})
