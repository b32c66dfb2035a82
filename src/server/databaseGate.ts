import type { NextFunction, Request, Response } from 'express'

type Logger = { info: (msg: string) => void; warn: (msg: string) => void }

export const UNAVAILABLE_MESSAGE =
  'Le service est momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques instants.'

const RETRY_AFTER_SECONDS = 10

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Service momentanément indisponible – Annuaire local</title>
</head>
<body>
<main>
<h1>Service momentanément indisponible</h1>
<p>${UNAVAILABLE_MESSAGE}</p>
<p>Aucune donnée n’est perdue : l’annuaire reprend de lui-même dès que la base de données répond à nouveau.</p>
<p><a href="">Recharger la page</a></p>
</main>
</body>
</html>
`

/** Paths that never need the database (health checks, build assets). */
function bypasses(path: string): boolean {
  return path === '/healthz' || path === '/readyz' || path.startsWith('/_next/static/') || path === '/favicon.ico'
}

/**
 * Watches the database with a cheap query every few seconds (at once after any 5xx) and,
 * while it does not answer, serves a French 503 page (JSON for /api) with Retry-After
 * instead of letting each request fail on its own. Nothing to restart when the database
 * comes back: the next successful probe opens the gate again.
 */
export function databaseGate(probe: () => Promise<boolean>, logger: Logger, intervalMs = Number(process.env.DATABASE_PROBE_MS || 2000)) {
  let available = true
  let probing: Promise<void> | null = null

  const check = (): Promise<void> => {
    probing ??= probe()
      .catch(() => false)
      .then((ok) => {
        if (ok !== available) {
          if (ok) logger.info('Base de données de nouveau disponible : le service reprend.')
          else logger.warn('Base de données injoignable : les requêtes reçoivent une page 503 jusqu’à son retour.')
        }
        available = ok
      })
      .finally(() => {
        probing = null
      })
    return probing
  }

  const timer = setInterval(() => void check(), intervalMs)
  timer.unref()

  const middleware = (req: Request, res: Response, nextHandler: NextFunction) => {
    if (bypasses(req.path)) return nextHandler()
    if (available) {
      res.on('finish', () => {
        if (res.statusCode >= 500) void check()
      })
      return nextHandler()
    }
    res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).set('Cache-Control', 'no-store')
    if (req.path === '/api' || req.path.startsWith('/api/')) {
      res.json({ errors: [{ message: UNAVAILABLE_MESSAGE }] })
    } else {
      res.type('html').send(UNAVAILABLE_PAGE)
    }
  }

  return { middleware, isAvailable: () => available, check, stop: () => clearInterval(timer) }
}
