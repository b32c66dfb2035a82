/**
 * Who reads the captured e-mails (/dev/emails) without a database: this machine in
 * development only, as express tells it (a forged header from elsewhere counts for nothing),
 * and nobody else without the right role. The role cases that read the database run over
 * HTTP in tests/int/origins.http.int.spec.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { addressesOf, capturedEmailsFor } from '@/contributions/outbox'
import { isLoopbackAddress, LOOPBACK_CLIENT_HEADER, markLoopbackClient } from '@/server/loopbackClient'

const noDatabase = {} as Payload

describe('captured e-mails', () => {
  const saved = process.env.EMAIL_OUTBOX_DIR
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-dev-emails-'))
    fs.writeFileSync(path.join(dir, '1.eml'), 'To: national@annuaire.example\r\nSubject: Réinitialisation\r\n\r\nhttp://x/reinitialiser-mot-de-passe?jeton=abc\r\n')
    process.env.EMAIL_OUTBOX_DIR = dir
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.EMAIL_OUTBOX_DIR
    else process.env.EMAIL_OUTBOX_DIR = saved
  })

  test('this machine in development reads them all; an anonymous visitor or a resident nothing', async () => {
    expect(await capturedEmailsFor(noDatabase, { viewer: null, territoryId: 1, localDevelopment: true })).toHaveLength(1)
    expect(await capturedEmailsFor(noDatabase, { viewer: null, territoryId: 1, localDevelopment: false })).toBeNull()
    expect(await capturedEmailsFor(noDatabase, { viewer: { id: 5, roles: ['resident'], territory: 1 }, territoryId: 1, localDevelopment: false })).toBeNull()
    expect(await capturedEmailsFor(noDatabase, { viewer: { id: 6, roles: ['editor'], territory: 1 }, territoryId: 1, localDevelopment: false })).toBeNull()
    // an administrator of another territory than the one visited
    expect(await capturedEmailsFor(noDatabase, { viewer: { id: 7, roles: ['admin'], territory: 2 }, territoryId: 1, localDevelopment: false })).toBeNull()
  })

  test('recipients are read from the To header', () => {
    expect(addressesOf('"Louise Bernard" <Habitant@annuaire.example>, autre@exemple.fr')).toEqual(['habitant@annuaire.example', 'autre@exemple.fr'])
  })
})

describe('markLoopbackClient', () => {
  const run = (ip: string, headers: Record<string, string> = {}) => {
    const req = { ip, headers: { ...headers } } as unknown as Request
    markLoopbackClient(req, {} as Response, () => {})
    return req.headers[LOOPBACK_CLIENT_HEADER]
  }

  test('marks only a client on this machine, and drops a forged mark', () => {
    expect(run('127.0.0.1')).toBe('1')
    expect(run('::1')).toBe('1')
    expect(run('::ffff:127.0.0.1')).toBe('1')
    expect(run('203.0.113.9', { [LOOPBACK_CLIENT_HEADER]: '1' })).toBeUndefined()
    expect(isLoopbackAddress('10.0.0.1')).toBe(false)
    expect(isLoopbackAddress(undefined)).toBe(false)
  })
})
