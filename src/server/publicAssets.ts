import fs from 'node:fs'
import path from 'node:path'

import type { NextFunction, Request, RequestHandler, Response } from 'express'

/**
 * `/site/…` holds only the site's small scripts (public/site/). Any other address under it
 * would reach the catch-all page, which the HTML delivery leaves alone there (assets are not
 * pages) and which would then answer 200: answer 404 here instead.
 */
export function onlyExistingAssets(prefix: string, dir: string): RequestHandler {
  const files = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : [])
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(`${prefix}/`) && req.path !== prefix) return next()
    const name = req.path.slice(prefix.length + 1)
    if (files.has(name)) return next()
    res.status(404).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-store')
    res.send('Fichier introuvable.\n')
  }
}

export const SITE_ASSETS_DIR = path.join(process.cwd(), 'public', 'site')
