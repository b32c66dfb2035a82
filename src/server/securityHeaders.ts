import helmet from 'helmet'

/**
 * Security headers. The Payload admin needs inline scripts and styles, and the map needs
 * its tile server; development adds what Next's hot reload uses.
 */
export function securityHeaders({ dev }: { dev: boolean }) {
  const tiles = tileOrigin()
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
        'font-src': ["'self'", 'data:'],
        'frame-ancestors': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // `no-referrer` (helmet's default) makes Chromium send `Origin: null` on plain HTML form
    // posts, which Payload's CSRF check treats as foreign: session-cookie forms would then
    // act logged out. `same-origin` keeps the origin for our own forms and leaks nothing out.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: process.env.NODE_ENV === 'production' && !dev ? { maxAge: 31536000 } : false,
  })
}

function tileOrigin(): string | undefined {
  const template = process.env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin
  } catch {
    return undefined
  }
}
