import { INSEE } from './fixtures'
import { api, login } from './rest'

/** A resident posts an announcement in Hanvoile (one of the demo secrétaire's communes): it waits for moderation. */
export async function pendingAnnouncement(base: string, title: string, body = 'Je peux aider à monter des meubles en kit, le samedi matin, à Hanvoile et autour.'): Promise<number> {
  const resident = await login(base, 'resident')
  const hanvoile = await api(base, null, 'GET', `/api/communes?where[inseeCode][equals]=${INSEE.hanvoile}&depth=0`)
  const created = await api(base, resident, 'POST', '/api/announcements', { kind: 'offer', title, body, commune: hanvoile.json.docs[0].id, priceType: 'free' })
  expect(created.status).toBe(201)
  expect(created.json.doc.status).toBe('pending')
  return created.json.doc.id
}

/** The moderation status of an announcement, read by the territory's administrator. */
export async function announcementStatus(base: string, id: number): Promise<string> {
  const admin = await login(base, 'admin')
  return (await api(base, admin, 'GET', `/api/announcements/${id}?depth=0`)).json.status
}
