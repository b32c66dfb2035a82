/**
 * Small rate limits for public forms, behind one interface so that a shared store (Redis)
 * can replace the in-memory one on a multi-instance deployment.
 */
export interface RateLimiter {
  /** Counts one hit for `key`; false when the key has used up its allowance. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>
}

export class MemoryRateLimiter implements RateLimiter {
  private hits = new Map<string, number[]>()

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = Date.now()
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < windowMs)
    if (recent.length >= limit) {
      this.hits.set(key, recent)
      return false
    }
    recent.push(now)
    this.hits.set(key, recent)
    if (this.hits.size > 10_000) this.prune(now, windowMs)
    return true
  }

  private prune(now: number, windowMs: number) {
    for (const [key, times] of this.hits) if (times.every((at) => now - at >= windowMs)) this.hits.delete(key)
  }
}

const slot = globalThis as { __annuaireRateLimiter?: RateLimiter }

export function rateLimiter(): RateLimiter {
  slot.__annuaireRateLimiter ??= new MemoryRateLimiter()
  return slot.__annuaireRateLimiter
}

/** Allowances per hour; CONTACT_LIMIT_PER_HOUR etc. override them. */
export const LIMITS = {
  contactPerIp: () => envNumber('CONTACT_LIMIT_PER_IP', 20),
  contactPerSender: () => envNumber('CONTACT_LIMIT_PER_SENDER', 10),
  reportPerIp: () => envNumber('REPORT_LIMIT_PER_IP', 20),
  alertPerIp: () => envNumber('ALERT_LIMIT_PER_IP', 10),
  accountPerIp: () => envNumber('ACCOUNT_LIMIT_PER_IP', 20),
}

export const HOUR_MS = 60 * 60 * 1000

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export const LIMIT_MESSAGE = 'Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans une heure.'
