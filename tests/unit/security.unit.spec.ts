import { passwordProblem } from '@/auth/passwordPolicy'
import { queryProblem } from '@/server/rejectMalformedQueries'

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
