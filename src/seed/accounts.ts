import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '@/access/roles'

export type DemoAccount = { role: Role; email: string; name: string; password: string; communes?: string[] }

/** A readable random password (no ambiguous characters), long enough for any policy. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(16)
  let out = ''
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i]! % alphabet.length]
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`
}

/** One account per role on the demo territory; the administrator's password may come from the environment. */
export function demoAccounts(): DemoAccount[] {
  // Tests and reproducible demos may fix every demo password (never in a real deployment).
  const fixed = process.env.DEMO_PASSWORD
  const password = () => fixed || generatePassword()
  return [
    {
      role: 'admin',
      email: process.env.ADMIN_EMAIL || 'admin@annuaire.example',
      name: 'Claire Dumont (intercommunalité)',
      password: process.env.ADMIN_PASSWORD || password(),
    },
    {
      role: 'editor',
      email: 'mairie.grandvilliers@annuaire.example',
      name: 'Sophie Lefèvre (mairie de Grandvilliers)',
      password: password(),
      communes: ['60286', '60298'],
    },
    { role: 'viewer', email: 'elu@annuaire.example', name: 'Jean-Marc Caron (élu)', password: password() },
    { role: 'owner', email: 'boulangerie@annuaire.example', name: 'Thomas Martin (boulangerie)', password: password() },
    { role: 'resident', email: 'habitant@annuaire.example', name: 'Louise Bernard', password: password() },
    {
      role: 'superadmin',
      email: 'national@annuaire.example',
      name: 'Administration nationale',
      password: password(),
    },
  ]
}

export async function createAccount(
  payload: Payload,
  account: DemoAccount,
  territory: number | string,
  communeIds: Map<string, number | string>,
) {
  const existing = await payload.find({
    collection: 'users',
    where: { email: { equals: account.email } },
    limit: 1,
    overrideAccess: true,
  })
  if (existing.docs[0]) return existing.docs[0]
  return payload.create({
    collection: 'users',
    data: {
      email: account.email,
      password: account.password,
      name: account.name,
      roles: [account.role],
      territory: account.role === 'superadmin' ? undefined : (territory as number),
      communes: (account.communes ?? []).map((code) => communeIds.get(code)).filter(Boolean) as number[],
      _verified: true,
    },
    overrideAccess: true,
    disableVerificationEmail: true,
  })
}
