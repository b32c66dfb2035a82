import type { NextFunction, Request, Response } from 'express'

/** Set by express only (any incoming value is removed): the client is this machine itself. */
export const LOOPBACK_CLIENT_HEADER = 'x-annuaire-client-local'

/** 127.0.0.0/8 and ::1, in the forms `req.ip` takes (IPv4-mapped included). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const ip = (address ?? '').replace(/^::ffff:/, '')
  return ip === '::1' || /^127(?:\.\d{1,3}){3}$/.test(ip)
}

/**
 * Tells the pages whether the client is on this machine: `req.ip` follows TRUST_PROXY
 * (loopback proxies only, by default), so a forged X-Forwarded-For from elsewhere counts
 * for nothing. Used by the development page of captured e-mails.
 */
export function markLoopbackClient(req: Request, _res: Response, next: NextFunction) {
  delete req.headers[LOOPBACK_CLIENT_HEADER]
  if (isLoopbackAddress(req.ip)) req.headers[LOOPBACK_CLIENT_HEADER] = '1'
  next()
}
