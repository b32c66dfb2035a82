import type { NextFunction, Request, Response } from 'express'

import { CLIENT_ADDRESS_HEADER } from '@/stats/sittings'

/** Set by express only (any incoming value is removed): the client is this machine itself. */
export const LOOPBACK_CLIENT_HEADER = 'x-annuaire-client-local'

/** 127.0.0.0/8 and ::1, in the forms `req.ip` takes (IPv4-mapped included). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const ip = (address ?? '').replace(/^::ffff:/, '')
  return ip === '::1' || /^127(?:\.\d{1,3}){3}$/.test(ip)
}

/**
 * Tells the pages who the client is: `req.ip` follows TRUST_PROXY (loopback proxies only, by
 * default), so a forged X-Forwarded-For from elsewhere counts for nothing. Whether the client
 * is this machine serves the development page of captured e-mails; the address serves the
 * statistics' visitor key.
 */
export function markLoopbackClient(req: Request, _res: Response, next: NextFunction) {
  delete req.headers[LOOPBACK_CLIENT_HEADER]
  delete req.headers[CLIENT_ADDRESS_HEADER]
  if (isLoopbackAddress(req.ip)) req.headers[LOOPBACK_CLIENT_HEADER] = '1'
  if (req.ip) req.headers[CLIENT_ADDRESS_HEADER] = req.ip
  next()
}
