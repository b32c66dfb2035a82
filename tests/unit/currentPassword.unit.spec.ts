import crypto from 'node:crypto'

import { describe, expect, it } from '@jest/globals'

import { WRONG_CURRENT_PASSWORD_LIMIT, giveBackTry, matchesStoredPassword, takeCurrentPasswordTry } from '@/auth/currentPassword'
import { PASSWORD_HASH_PREFIX } from '@/auth/dummyPassword'

describe('current password check', () => {
  it('matches Payload’s stored hashes, current and legacy, and nothing else', async () => {
    const salt = crypto.randomBytes(16).toString('hex')
    const current = `${PASSWORD_HASH_PREFIX}${crypto.pbkdf2Sync('Bon-Mot-2026', salt, 600_000, 32, 'sha256').toString('hex')}`
    const legacy = crypto.pbkdf2Sync('Ancien-Mot-2026', salt, 25_000, 512, 'sha256').toString('hex')
    expect(await matchesStoredPassword({ hash: current, salt }, 'Bon-Mot-2026')).toBe(true)
    expect(await matchesStoredPassword({ hash: current, salt }, 'bon-mot-2026')).toBe(false)
    expect(await matchesStoredPassword({ hash: legacy, salt }, 'Ancien-Mot-2026')).toBe(true)
    expect(await matchesStoredPassword({ hash: null, salt }, 'Bon-Mot-2026')).toBe(false)
    expect(await matchesStoredPassword({ hash: current, salt }, '')).toBe(false)
  })

  it('takes a try before each check, so that tries sent together cannot pass the count; a right one is given back', () => {
    const account = `compte-${Date.now()}`
    const now = Date.now()
    const right = takeCurrentPasswordTry(account, now)
    giveBackTry(account, right.at)
    // Taken together, before any of them is checked: only the allowance goes through.
    const together = Array.from({ length: WRONG_CURRENT_PASSWORD_LIMIT + 3 }, () => takeCurrentPasswordTry(account, now + 1))
    expect(together.filter((t) => t.wait === 0)).toHaveLength(WRONG_CURRENT_PASSWORD_LIMIT)
    expect(together.at(-1)!.wait).toBe(15 * 60)
    // Another account is not concerned; the window ends.
    expect(takeCurrentPasswordTry(`${account}-autre`, now).wait).toBe(0)
    expect(takeCurrentPasswordTry(account, now + 15 * 60 * 1000 + 2).wait).toBe(0)
  })
})
