import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { type Options, type Store, rateLimit } from 'express-rate-limit'
import { RedisStore } from 'rate-limit-redis'
import { createClient } from 'redis'

import { limitRoute } from './requestRoute'

/**
 * Abuse limits of the whole product, per client address (express `trust proxy` decides
 * which address that is), in one place: login, account creation and password reset,
 * every public form, search and the REST / GraphQL API. With REDIS_URL the counters live
 * in Redis, so that several instances share them; otherwise in this process's memory.
 * A refused request gets a French 429 (JSON under /api, a page elsewhere) with Retry-After.
 */

export type LimitName = 'login' | 'accounts' | 'contact' | 'report' | 'alert' | 'announcement' | 'forms' | 'search' | 'api'

type Rule = {
  name: LimitName
  /** Default allowance per window, per address; RATE_LIMIT_<NAME> overrides it. */
  limit: number
  windowMs: number
  matches: (req: Request) => boolean
  /** What the visitor reads when refused (the wait follows). */
  message: string
}

type Env = Record<string, string | undefined>

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const isPost = (req: Request) => req.method === 'POST'
/**
 * Rules match the normalised route (see `limitRoute`): `/api/users/LOGIN`, `/api/users/%6cogin`,
 * `/t/<slug>/api/users/login/` and a GraphQL `loginUser` all count as `/api/users/login`.
 */
const postTo = (...patterns: RegExp[]) => (req: Request) => isPost(req) && patterns.some((p) => p.test(limitRoute(req)))

/** Order matters: a request counts against the first rule it matches, and the API rule too. */
export const RULES: Rule[] = [
  {
    name: 'login',
    limit: 20,
    windowMs: 15 * MINUTE,
    matches: postTo(/^\/api\/users\/login\/?$/, /^\/connexion\/envoyer\/?$/),
    message: 'Trop de tentatives de connexion depuis votre adresse.',
  },
  {
    name: 'accounts',
    limit: 20,
    windowMs: HOUR,
    matches: postTo(
      /^\/api\/users\/?$/,
      /^\/api\/users\/(first-register|forgot-password|reset-password|verify\/[^/]+)\/?$/,
      /^\/(inscription|inscrire-mon-activite|mot-de-passe-oublie|reinitialiser-mot-de-passe)\/envoyer\/?$/,
      /^\/verifier-email\/renvoyer\/?$/,
    ),
    message: 'Trop de créations de compte, de demandes de mot de passe ou d’e-mails de confirmation depuis votre adresse.',
  },
  {
    name: 'contact',
    limit: 20,
    windowMs: HOUR,
    matches: postTo(/^\/contacter\/.+\/envoyer\/?$/),
    message: 'Vous avez envoyé beaucoup de messages en peu de temps.',
  },
  { name: 'report', limit: 20, windowMs: HOUR, matches: postTo(/^\/signaler\/.+\/envoyer\/?$/), message: 'Vous avez envoyé beaucoup de signalements en peu de temps.' },
  { name: 'alert', limit: 10, windowMs: HOUR, matches: postTo(/^\/alertes\/envoyer\/?$/), message: 'Vous avez créé beaucoup d’alertes en peu de temps.' },
  {
    name: 'announcement',
    limit: 20,
    windowMs: HOUR,
    matches: postTo(/^\/annonces\/nouvelle\/envoyer\/?$/),
    message: 'Vous avez déposé beaucoup d’annonces en peu de temps.',
  },
  {
    name: 'forms',
    limit: 120,
    windowMs: 15 * MINUTE,
    matches: (req) => isPost(req) && !limitRoute(req).startsWith('/api/') && !limitRoute(req).startsWith('/admin'),
    message: 'Vous avez envoyé beaucoup de formulaires en peu de temps.',
  },
  {
    name: 'search',
    limit: 120,
    windowMs: MINUTE,
    // HEAD runs the same search as GET (express answers both), so it counts alike.
    matches: (req) => (req.method === 'GET' || req.method === 'HEAD') && /^\/(recherche|api\/search)$/.test(limitRoute(req)),
    message: 'Vous avez lancé beaucoup de recherches en peu de temps.',
  },
]

/** Every API call, the admin's included, on top of the rules above. */
export const API_RULE: Rule = {
  name: 'api',
  limit: 600,
  windowMs: MINUTE,
  matches: (req) => limitRoute(req).startsWith('/api/'),
  message: 'Trop de requêtes vers l’API depuis votre adresse.',
}

/**
 * `RATE_LIMIT_<NAME>` = « 30 » or « 30/10m » (s, m, h) overrides a rule; `RATE_LIMIT_SCALE`
 * multiplies every allowance (the test servers, which send everything from 127.0.0.1).
 */
export function ruleFromEnv(rule: Rule, env: Env = process.env): Rule {
  const scale = Number(env.RATE_LIMIT_SCALE ?? '1')
  const raw = env[`RATE_LIMIT_${rule.name.toUpperCase()}`]?.trim()
  const match = raw ? /^(\d+)(?:\/(\d+)([smh]))?$/.exec(raw) : null
  const limit = match ? Number(match[1]) : rule.limit
  const windowMs = match?.[2] ? Number(match[2]) * { s: 1000, m: MINUTE, h: HOUR }[match[3] as 's' | 'm' | 'h'] : rule.windowMs
  return { ...rule, limit: Math.max(1, Math.round(limit * (Number.isFinite(scale) && scale > 0 ? scale : 1))), windowMs }
}

/** « 3 minutes », « 1 heure »: how long to wait, for the message. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} seconde${seconds > 1 ? 's' : ''}`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes} minute${minutes > 1 ? 's' : ''}`
  const hours = Math.ceil(minutes / 60)
  return `${hours} heure${hours > 1 ? 's' : ''}`
}

function refuse(rule: Rule) {
  return (req: Request, res: Response) => {
    const retryAfter = Number(res.getHeader('Retry-After') ?? Math.ceil(rule.windowMs / 1000))
    const message = `${rule.message} Réessayez dans ${waitText(retryAfter)}.`
    res.status(429)
    if (limitRoute(req).startsWith('/api/') || !String(req.headers.accept ?? '').includes('text/html')) {
      res.json({ errors: [{ message, data: { limit: rule.name, retryAfter } }] })
      return
    }
    res.type('html').send(tooManyRequestsPage(message))
  }
}

export function tooManyRequestsPage(message: string): string {
  return (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Trop de requêtes — Annuaire local</title></head><body><main>' +
    `<h1>Trop de requêtes</h1><p>${escapeHtml(message)}</p>` +
    '<p>Cette limite protège le site des envois automatiques. Si vous pensez qu’il s’agit d’une erreur, contactez votre mairie.</p>' +
    '<p><a href="/">Retour à l’accueil</a></p></main></body></html>'
  )
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export type StoreFactory = (rule: Rule) => Store | undefined

/**
 * One Redis connection shared by every rule's store. Start-up waits for Redis (a wrong
 * REDIS_URL stops the server with a clear message); later outages make commands fail at
 * once instead of queueing, so requests pass while the client reconnects by itself.
 */
export async function redisStores(url: string, onError: (error: Error) => void, timeoutMs = 10_000, namespace = 'annuaire'): Promise<StoreFactory> {
  const client = createClient({ url, disableOfflineQueue: true })
  let lastError: Error | undefined
  client.on('error', (error: Error) => {
    lastError = error
    if (client.isReady) onError(error)
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis (REDIS_URL) ne répond pas : ${lastError?.message ?? 'délai dépassé'}`)), timeoutMs)
  })
  try {
    await Promise.race([client.connect(), timeout])
  } catch (error) {
    client.destroy()
    throw error
  } finally {
    clearTimeout(timer)
  }
  return (rule) => new RedisStore({ prefix: `${namespace}:rl:${rule.name}:`, sendCommand: (...args: string[]) => client.sendCommand(args) })
}

/**
 * The middleware: each request counts against the first site rule it matches and, under
 * /api, against the API rule. Store errors let the request through (a Redis outage must
 * not take the site down), and are logged.
 */
export function rateLimits(options: { stores?: StoreFactory; env?: Env; log?: (error: Error) => void } = {}): RequestHandler {
  const build = (base: Rule) => {
    const rule = ruleFromEnv(base, options.env)
    const config: Partial<Options> = {
      windowMs: rule.windowMs,
      limit: rule.limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      passOnStoreError: true,
      handler: refuse(rule),
      logger: { error: (error: unknown) => options.log?.(error as Error), warn: () => undefined },
    }
    const store = options.stores?.(rule)
    if (store) config.store = store
    return { rule, middleware: rateLimit(config) }
  }
  const site = RULES.map(build)
  const api = build(API_RULE)
  return (req: Request, res: Response, next: NextFunction) => {
    const first = site.find(({ rule }) => rule.matches(req))
    const thenApi = (error?: unknown) => {
      if (error) return next(error)
      if (res.headersSent) return
      if (api.rule.matches(req)) return void api.middleware(req, res, next)
      next()
    }
    if (first) return void first.middleware(req, res, thenApi)
    thenApi()
  }
}
