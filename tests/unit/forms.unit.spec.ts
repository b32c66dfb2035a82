import { findBadWord } from '@/contributions/badWords'
import { priceCompatible, distanceKm } from '@/contributions/matching'
import { fieldErrors, parseWith } from '@/forms/errors'
import { flashCookie, readFlash } from '@/forms/flash'
import { checkFormGuard, issueFormToken } from '@/forms/guard'
import { safeNext } from '@/forms/handle'
import { readFormBody } from '@/forms/http'
import { alertSchema, announcementSchema, anonymousContactSchema, contactSchema, forgotSchema, loginSchema, profileSchema, registrationSchema, reportSchema, signupSchema, staffAnnouncementSchema } from '@/forms/schemas'

function post(values: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request('http://annuaire.test/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(values),
  })
}

describe('form schemas', () => {
  it('keeps HTML as text and trims', () => {
    const parsed = parseWith(contactSchema, { senderName: '  <b>Jeanne</b> ', message: '<script>alert(1)</script> bonjour' })
    expect(parsed.ok && parsed.data.senderName).toBe('<b>Jeanne</b>')
    expect(parsed.ok && parsed.data.message).toBe('<script>alert(1)</script> bonjour')
  })

  it('answers in French, field by field', () => {
    const result = signupSchema.safeParse({ name: '', email: 'x', password: 'court', passwordConfirm: 'autre' })
    expect(result.success).toBe(false)
    const errors = fieldErrors(result.error!)
    expect(errors.name).toBe('Indiquez votre nom.')
    expect(errors.email).toMatch(/n’est pas valide/)
    expect(errors.password).toMatch(/au moins 10 caractères/)
  })

  it('refuses a password built on the account’s e-mail with the other errors, not on the next submit (issue 18)', () => {
    // Acceptable alone, refused with this account's e-mail: said with the wrong e-mail, at once.
    const parsed = parseWith(signupSchema, { name: 'Jeanne', email: 'artisan.1764@exemple', password: 'xx-artisan.1764-xx', passwordConfirm: 'xx-artisan.1764-xx' })
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(['email', 'password'])
    expect(!parsed.ok && parsed.errors.password).toMatch(/votre adresse e-mail/)
    expect(parseWith(signupSchema, { name: 'Paul Dupont', email: 'artisan.1764@exemple.fr', password: 'Artisan-du-village-2026', passwordConfirm: 'Artisan-du-village-2026' }).ok).toBe(true)
  })

  it('checks mismatched passwords', () => {
    const parsed = parseWith(signupSchema, { name: 'Jeanne', email: 'j@exemple.fr', password: 'abcdefghijk', passwordConfirm: 'abcdefghijz' })
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors.passwordConfirm).toMatch(/pas identiques/)
  })

  it('refuses notices, unknown price types and past expiry dates in the public announcement form', () => {
    const base = { kind: 'offer', title: 'Aide au jardin', body: 'Je peux tondre votre pelouse.', category: '3', commune: '7', priceType: 'free' }
    const ok = parseWith(announcementSchema, base)
    expect(ok.ok && ok.data.category).toBe(3)
    expect(parseWith(announcementSchema, { ...base, kind: 'notice' }).ok).toBe(false)
    expect(parseWith(announcementSchema, { ...base, priceType: 'gratuit' }).ok).toBe(false)
    const past = parseWith(announcementSchema, { ...base, expiresAt: '2020-01-01' })
    expect(!past.ok && past.errors.expiresAt).toMatch(/futur/)
  })

  it('requires a valid SIRET for a business, RNA or SIRET for an association', () => {
    const base = { name: 'Garage', category: '1', commune: '2' }
    expect(parseWith(registrationSchema, { ...base, kind: 'businesses' }).ok).toBe(false)
    const bad = parseWith(registrationSchema, { ...base, kind: 'businesses', siret: '73282932000075' })
    expect(!bad.ok && bad.errors.siret).toMatch(/clé de contrôle/)
    const good = parseWith(registrationSchema, { ...base, kind: 'businesses', siret: '732 829 320 00074' })
    expect(good.ok && good.data.siret).toBe('73282932000074')
    const association = parseWith(registrationSchema, { ...base, kind: 'associations', rna: 'w601234567' })
    expect(association.ok && association.data.rna).toBe('W601234567')
    expect(parseWith(registrationSchema, { ...base, kind: 'associations' }).ok).toBe(false)
  })

  it('never tells to leave a required e-mail field empty, and lets an optional one be empty (issue 18)', () => {
    const required = [
      [anonymousContactSchema, { senderName: 'Jeanne', message: 'Bonjour, êtes-vous ouvert le lundi ?' }, 'senderEmail'],
      [signupSchema, { name: 'Jeanne', password: 'Hirondelle-violon-cadastre-81', passwordConfirm: 'Hirondelle-violon-cadastre-81' }, 'email'],
      [loginSchema, { password: 'x' }, 'email'],
      [forgotSchema, {}, 'email'],
      [alertSchema, {}, 'email'],
    ] as const
    for (const [schema, base, field] of required) {
      for (const value of ['pas-une-adresse', '', undefined]) {
        const parsed = parseWith(schema, value === undefined ? base : { ...base, [field]: value })
        expect(parsed.ok).toBe(false)
        const message = !parsed.ok ? parsed.errors[field] : ''
        expect(message).toMatch(value ? /n’est pas valide/ : /^Indiquez votre adresse e-mail/)
        expect(message).not.toMatch(/laissez le champ vide/)
      }
    }
    const optional = [
      [reportSchema, { reason: 'closed' }, 'reporterEmail'],
      [profileSchema, {}, 'email'],
      [contactSchema, { senderName: 'Jeanne', message: 'Bonjour, êtes-vous ouvert le lundi ?' }, 'senderEmail'],
    ] as const
    for (const [schema, base, field] of optional) {
      expect(parseWith(schema, { ...base, [field]: '' }).ok).toBe(true)
      const bad = parseWith(schema, { ...base, [field]: 'pas-une-adresse' })
      expect(!bad.ok && bad.errors[field]).toMatch(/n’est pas valide.*ou laissez le champ vide/)
    }
    const anonymous = parseWith(anonymousContactSchema, { senderName: 'Jeanne', senderEmail: ' Jeanne@Exemple.FR ', message: 'Bonjour, êtes-vous ouvert le lundi ?' })
    expect(anonymous.ok && anonymous.data.senderEmail).toBe('jeanne@exemple.fr')
  })

  it('reports a bad e-mail, phone and website of a profile all at once, as the collection would (issue 18)', () => {
    const parsed = parseWith(profileSchema, { email: 'contact@garage', phone: '03 44 46 12', website: 'www.garage-dupont.fr' })
    expect(parsed.ok).toBe(false)
    const errors = !parsed.ok ? parsed.errors : {}
    expect(Object.keys(errors).sort()).toEqual(['email', 'phone', 'website'])
    expect(errors.email).toMatch(/n’est pas valide/)
    expect(errors.phone).toMatch(/10 chiffres/)
    expect(errors.website).toMatch(/http:\/\/ ou https:\/\//)
    // What zod's e-mail check lets through but the collection's refuses is refused here too.
    const longLocal = parseWith(profileSchema, { email: `${'a'.repeat(65)}@exemple.fr` })
    expect(!longLocal.ok && longLocal.errors.email).toMatch(/entre 1 et 64 caractères.*ou laissez le champ vide\.$/)
    expect(parseWith(profileSchema, { phone: '+44 20 7946 0958' }).ok).toBe(false)
    expect(parseWith(profileSchema, { website: 'javascript:alert(1)' }).ok).toBe(false)
    const good = parseWith(profileSchema, { email: 'Contact@Garage-Dupont.fr', phone: '03 44 46 12 34', website: 'https://garage-dupont.fr', street: '' })
    expect(good.ok && good.data).toMatchObject({ email: 'contact@garage-dupont.fr', phone: '03 44 46 12 34', website: 'https://garage-dupont.fr', street: undefined })
  })

  it('checks the on-behalf fields of a secrétaire with the rest of the announcement, all at once', () => {
    const base = { kind: 'offer', title: 'Aide au jardin', body: 'Je peux tondre votre pelouse.', category: '3', commune: '7', priceType: 'free' }
    const both = parseWith(staffAnnouncementSchema, { ...base, title: 'Aide', residentName: 'M' })
    expect(!both.ok && Object.keys(both.errors).sort()).toEqual(['residentName', 'title'])
    const own = parseWith(staffAnnouncementSchema, { ...base, residentName: '  ' })
    expect(own.ok && own.data.residentName).toBeUndefined()
    const forResident = parseWith(staffAnnouncementSchema, { ...base, residentName: ' Mme Martin ', residentPhone: '03 44 00 00 00' })
    expect(forResident.ok && forResident.data).toMatchObject({ residentName: 'Mme Martin', residentPhone: '03 44 00 00 00' })
  })

  it('checks a postcode as the collections do', async () => {
    const { optionalPostcode } = await import('@/forms/fields')
    expect(optionalPostcode.safeParse('60200').success).toBe(true)
    expect(optionalPostcode.safeParse('').success).toBe(true)
    expect(optionalPostcode.safeParse('00123').error?.issues[0]?.message).toMatch(/ne commence pas par 00/)
    expect(optionalPostcode.safeParse('6020').error?.issues[0]?.message).toMatch(/5 chiffres/)
  })

  it('bounds the alert radius', () => {
    expect(parseWith(alertSchema, { email: 'a@exemple.fr', radiusKm: '500' }).ok).toBe(false)
    const ok = parseWith(alertSchema, { email: 'A@Exemple.fr', radiusKm: '20' })
    expect(ok.ok && ok.data).toMatchObject({ email: 'a@exemple.fr', radiusKm: 20 })
  })
})

describe('form guard', () => {
  it('accepts a token of the right form and account after the minimum time', () => {
    const token = issueFormToken('contact', 7, Date.now() - 5000)
    expect(checkFormGuard(post({ _jeton: token }), { _jeton: token }, 'contact', 7)).toBeNull()
    expect(checkFormGuard(post({ _jeton: token }), { _jeton: token }, 'contact', 8)).toBe('token')
    expect(checkFormGuard(post({ _jeton: token }), { _jeton: token }, 'report', 7)).toBe('token')
  })

  it('refuses instant posts, old tokens, filled honeypots and other origins', () => {
    const now = issueFormToken('contact', null)
    expect(checkFormGuard(post({}), { _jeton: now }, 'contact', null)).toBe('too-fast')
    const old = issueFormToken('contact', null, Date.now() - 2 * 24 * 3600 * 1000)
    expect(checkFormGuard(post({}), { _jeton: old }, 'contact', null)).toBe('expired')
    const fine = issueFormToken('contact', null, Date.now() - 5000)
    expect(checkFormGuard(post({}), { _jeton: fine, site_web_confirmation: 'x' }, 'contact', null)).toBe('honeypot')
    expect(checkFormGuard(post({}, { origin: 'https://evil.example' }), { _jeton: fine }, 'contact', null)).toBe('origin')
    expect(checkFormGuard(post({}, { origin: 'http://annuaire.test' }), { _jeton: fine }, 'contact', null)).toBeNull()
  })

  it('only continues to a path of this site after login', () => {
    expect(safeNext('/annonces/nouvelle')).toBe('/annonces/nouvelle')
    expect(safeNext('//evil.example')).toBe('/mon-espace')
    expect(safeNext('https://evil.example')).toBe('/mon-espace')
  })
})

describe('bodies', () => {
  it('413 over the limit, 415 for other content types', async () => {
    const big = await readFormBody(post({ a: 'x'.repeat(70_000) }))
    expect(!big.ok && big.response.status).toBe(413)
    const json = await readFormBody(new Request('http://a.test', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))
    expect(!json.ok && json.response.status).toBe(415)
    const ok = await readFormBody(post({ a: 'é' }))
    expect(ok.ok && ok.data.get('a')).toBe('é')
  })
})

describe('flash state', () => {
  it('round-trips values and errors, signed, never the password', () => {
    const cookie = flashCookie({ form: 'login', values: { email: 'a@b.fr', password: 'secret' }, errors: { _form: 'Non' } }, false)
    const value = cookie.split(';')[0]!.slice('annuaire-formulaire='.length)
    const state = readFlash(value, 'login')!
    expect(state.values).toEqual({ email: 'a@b.fr' })
    expect(state.errors._form).toBe('Non')
    expect(readFlash(value, 'contact')).toBeNull()
    expect(readFlash(`${value.slice(0, -2)}xx`, 'login')).toBeNull()
    expect(cookie).toContain('HttpOnly')
  })
})

describe('bad words, matching', () => {
  it('finds insults despite accents, case and digits, not inside other words', () => {
    expect(findBadWord('Espèce de C0NNARD')).toBe('connard')
    expect(findBadWord('un vrai Débile')).toBe('debile')
    expect(findBadWord('Bonjour, je cherche un computer')).toBeNull()
    expect(findBadWord('Conditions de la députée')).toBeNull()
  })

  it('matches prices: a free need wants free help, CESU wants free or CESU', () => {
    expect(priceCompatible('free', 'free')).toBe(true)
    expect(priceCompatible('paid', 'free')).toBe(false)
    expect(priceCompatible('cesu', 'cesu')).toBe(true)
    expect(priceCompatible('paid', 'cesu')).toBe(false)
    expect(priceCompatible('paid', 'paid')).toBe(true)
  })

  it('measures distances between places', () => {
    const d = distanceKm({ latitude: 49.66, longitude: 1.94 }, { latitude: 49.58, longitude: 1.9 })!
    expect(d).toBeGreaterThan(8)
    expect(d).toBeLessThan(10)
  })
})
