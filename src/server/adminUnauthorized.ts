/**
 * A resident or an owner who opens /admin is sent by Payload to its « Non autorisé » view
 * (the admin is for staff: Users `access.admin`). They land instead on the site's French page
 * that points to « Mon espace ». Staff never reach this view.
 */
import type { NextFunction, Request, Response } from 'express'

import { TERRITORY_HEADER, territoryPrefix } from '@/territories/prefix'

export const ADMIN_UNAUTHORIZED_PATH = /^\/admin\/unauthorized\/?$/
export const STAFF_ONLY_PAGE = '/espace-de-gestion'

export function adminUnauthorizedToSite(req: Request, res: Response, next: NextFunction): void {
  if ((req.method === 'GET' || req.method === 'HEAD') && ADMIN_UNAUTHORIZED_PATH.test(req.path) && !req.headers.rsc) {
    const slug = req.headers[TERRITORY_HEADER]
    res.redirect(303, `${typeof slug === 'string' && slug ? territoryPrefix(slug) : ''}${STAFF_ONLY_PAGE}`)
    return
  }
  next()
}
