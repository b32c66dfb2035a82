import { lookupSiret, SireneUnavailable } from '@/sirene/client'

import { type SireneReplay, sireneReplayServer } from '../support/sireneReplay'

describe('SIRENE pre-fill client', () => {
  let server: SireneReplay
  beforeAll(async () => {
    server = await sireneReplayServer()
  })
  afterAll(async () => server.close())

  it('fills name, address, activity and commune from the register', async () => {
    const found = await lookupSiret('732 829 320 00074', { baseUrl: server.url })
    expect(found).toEqual({
      siret: '73282932000074',
      name: 'Boulangerie du Marche',
      activity: '10.71C',
      street: '12 rue de la Republique',
      postcode: '60210',
      inseeCode: '60286',
      communeName: 'Grandvilliers',
      latitude: 49.6654,
      longitude: 1.941,
      closed: false,
    })
    expect(server.requests.at(-1)).toBe('/search?q=73282932000074&page=1&per_page=1')
  })

  it('uses SIRENE_API_URL as base URL', async () => {
    process.env.SIRENE_API_URL = `${server.url}/`
    try {
      expect((await lookupSiret('73282932000074'))?.postcode).toBe('60210')
    } finally {
      delete process.env.SIRENE_API_URL
    }
  })

  it('answers null for an unknown or malformed SIRET, without calling for the malformed one', async () => {
    expect(await lookupSiret('12345678901234', { baseUrl: server.url })).toBeNull()
    const before = server.requests.length
    expect(await lookupSiret('123', { baseUrl: server.url })).toBeNull()
    expect(server.requests.length).toBe(before)
  })

  it('says the register is unavailable on a server error or without network, so the form is filled by hand', async () => {
    await expect(lookupSiret('00000000000000', { baseUrl: server.url })).rejects.toBeInstanceOf(SireneUnavailable)
    await expect(lookupSiret('73282932000074', { baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 })).rejects.toThrow(/à la main/)
  })
})
