/**
 * The site's one response compressor, used by the public pages' middleware
 * (htmlDelivery.ts), the search API (searchRoute.ts) and the vendor route. Compression runs on libuv's thread pool
 * (zlib's asynchronous calls), never on the event loop: a page being compressed does not
 * hold up the requests behind it. Figures: docs/benchmarks.md, « Compression ».
 */
import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/**
 * `page`: compressed at each request, a balance between size and time (brotli 6, gzip 6).
 * `static`: a file that never changes, compressed once at the best ratio (brotli 11, gzip 9).
 */
export type Effort = 'page' | 'static'

const LEVELS: Record<Effort, { br: number; gzip: number }> = { page: { br: 6, gzip: 6 }, static: { br: 11, gzip: 9 } }

/** Below this size the encoding's own header and the time spent are not worth it. */
export const MIN_COMPRESSED_BYTES = 1024

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg\+xml)/

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType)
}

/** The first of the offered encodings that the client accepts (brotli, then gzip, by default). */
export function negotiateEncoding(acceptEncoding: string | null | undefined, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | null {
  const accepted = acceptEncoding ?? ''
  return offered.find((encoding) => new RegExp(`\\b${encoding}\\b`).test(accepted)) ?? null
}

export async function compressWith(body: Uint8Array, encoding: Encoding, effort: Effort): Promise<Buffer> {
  const level = LEVELS[effort][encoding]
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level } })
    : gzip(body, { level })
}

/** The body for a client's Accept-Encoding, with the encoding used (none for a small body). */
export async function compressFor<B extends Uint8Array>(
  body: B,
  acceptEncoding: string | null | undefined,
  effort: Effort,
  offered?: readonly Encoding[],
): Promise<{ body: B | Buffer; encoding: Encoding | null }> {
  const encoding = body.length < MIN_COMPRESSED_BYTES ? null : negotiateEncoding(acceptEncoding, offered)
  return encoding ? { body: await compressWith(body, encoding, effort), encoding } : { body, encoding: null }
}
