import { buildSchema, parse, specifiedRules, validate } from 'graphql'

import { passwordHint, passwordMinLength, passwordProblem } from '@/auth/passwordPolicy'
import { hideSuggestionsRule, withoutSuggestions } from '@/graphql/hideSuggestions'
import { fileNameProblem, queryProblem } from '@/server/rejectMalformedQueries'

describe('password policy', () => {
  it.each([
    ['Court-1!', /au moins 10 caractères/],
    ['motdepasse123', /trop facile à deviner/],
    ['azertyuiop1', /trop facile à deviner/],
    ['abcdefghijk', /trop facile à deviner/],
  ])('refuses %j and says what to fix', (password, message) => {
    expect(passwordProblem(password)).toMatch(message)
  })

  it('refuses a password built on the account’s e-mail, not on its domain nor on ordinary words of its name', () => {
    const account = ['sophie.lefevre@annuaire.example', 'Sophie Lefèvre (mairie de Grandvilliers)']
    expect(passwordProblem('Sophie.Lefèvre-2026', account)).toMatch(/votre adresse e-mail/)
    expect(passwordProblem('Demo-Annuaire-2026!', account)).toBeNull()
    expect(passwordProblem('Acces-Essai-2026-long!', ['acces-1-adminb@annuaire.example', "Compte d'essai adminB"])).toBeNull()
    expect(passwordProblem('Artisan-du-village-2026', ['artisan.1764@exemple.fr', 'Paul Dupont'])).toBeNull()
    expect(passwordProblem('xx-artisan.1764-xx', ['artisan.1764@exemple.fr'])).toMatch(/votre adresse e-mail/)
  })

  it('accepts long, uncommon passwords and refuses what is not text', () => {
    expect(passwordProblem('Hirondelle-violon-cadastre-81')).toBeNull()
    expect(passwordProblem('correct cheval pile agrafe')).toBeNull()
    expect(passwordProblem(12345678901)).toMatch(/texte/)
  })

  it('states the real rule in the hint: the current minimum, and that a guessable one like « Dupont2026 » is refused (issue 18)', () => {
    const saved = process.env.PASSWORD_MIN_LENGTH
    try {
      delete process.env.PASSWORD_MIN_LENGTH
      expect(passwordHint()).toContain(`Au moins ${passwordMinLength()} caractères`)
      expect(passwordHint()).toContain('Au moins 10 caractères et difficile à deviner')
      expect(passwordProblem('Dupont2026')).toMatch(/trop facile à deviner/)
      process.env.PASSWORD_MIN_LENGTH = '14'
      expect(passwordHint()).toContain('Au moins 14 caractères')
      expect(passwordHint()).toContain('« Dupont2026 » est refusé')
    } finally {
      if (saved === undefined) delete process.env.PASSWORD_MIN_LENGTH
      else process.env.PASSWORD_MIN_LENGTH = saved
    }
  })
})

describe('REST query shapes', () => {
  it.each([
    ['limit=1&limit=2', /limit/],
    ['limit[equals]=x', /limit/],
    ['depth[a]=1', /depth/],
    ['where[name][equals][a]=1', /une seule valeur/],
    ['where[or][0][id][equals]=a&where[or][0][id][equals]=b', /une seule valeur/],
    ['where[or][0][id][equals][__proto__[isAdmin]]=1', /une seule valeur/],
  ])('refuses %s', (search, message) => {
    expect(queryProblem(search)).toMatch(message)
  })

  it.each(['', 'limit=10&page=2&depth=1', 'where[id][in]=1&where[id][in]=2', 'where[or][0][name][like]=pain&where[or][1][slug][equals]=x', 'sort=-createdAt&select[name]=true'])(
    'lets %j through',
    (search) => {
      expect(queryProblem(search)).toBeNull()
    },
  )
})

describe('upload file names (issue 17: no 500 on a crafted name)', () => {
  it.each(['/api/media/file/logo-pv.webp%00.html', '/api/media/file/%252e%252e%252fpackage.json', '/api/media/file/..', '/api/media/file/a%2Fb.webp', '/api/media/file/%E0%A4%A', '/api/media/file/'])(
    'refuses %s',
    (path) => {
      expect(fileNameProblem(path)).toBe('Nom de fichier invalide.')
    },
  )
  it.each(['/api/media/file/logo-pv.webp', '/api/media/file/Caf%C3%A9%20du%20coin-400x300.webp', '/api/businesses/1'])('lets %s through', (path) => {
    expect(fileNameProblem(path)).toBeNull()
  })
})

describe('GraphQL suggestions (issue 17: field names not revealed)', () => {
  const schema = buildSchema('type Query { business(id: ID!): Business } type Business { id: ID! name: String email: String }')
  const messages = (query: string) => validate(schema, parse(query), [...specifiedRules, hideSuggestionsRule as never]).map((e) => e.message)
  const env = process.env.NODE_ENV

  afterEach(() => {
    ;(process.env as Record<string, string | undefined>).NODE_ENV = env
  })

  it('cuts « Did you mean » in production, keeps it in development', () => {
    ;(process.env as Record<string, string | undefined>).NODE_ENV = 'production'
    expect(messages('{ business(id: 1) { nam emai } }')).toEqual([
      'Cannot query field "nam" on type "Business".',
      'Cannot query field "emai" on type "Business".',
    ])
    ;(process.env as Record<string, string | undefined>).NODE_ENV = 'development'
    expect(messages('{ business(id: 1) { nam } }')[0]).toMatch(/Did you mean "name"\?/)
  })

  it('cuts it from execution errors too', () => {
    expect(withoutSuggestions('Field "nme" is not defined by type "X". Did you mean "name" or "id"?')).toBe('Field "nme" is not defined by type "X".')
  })
})
