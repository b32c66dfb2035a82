import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { compressWith, negotiateEncoding } from '@/server/compression'

/**
 * Leaflet and its clustering plugin, served from node_modules so that maps need no
 * third-party script host. Only the files listed here are served.
 */
const FILES: Record<string, { file: string; type: string }> = {
  'leaflet/leaflet.js': { file: 'leaflet/dist/leaflet.js', type: 'text/javascript; charset=utf-8' },
  'leaflet/leaflet.css': { file: 'leaflet/dist/leaflet.css', type: 'text/css; charset=utf-8' },
  'leaflet/images/marker-icon.png': { file: 'leaflet/dist/images/marker-icon.png', type: 'image/png' },
  'leaflet/images/marker-icon-2x.png': { file: 'leaflet/dist/images/marker-icon-2x.png', type: 'image/png' },
  'leaflet/images/marker-shadow.png': { file: 'leaflet/dist/images/marker-shadow.png', type: 'image/png' },
  'leaflet/images/layers.png': { file: 'leaflet/dist/images/layers.png', type: 'image/png' },
  'leaflet/images/layers-2x.png': { file: 'leaflet/dist/images/layers-2x.png', type: 'image/png' },
  'markercluster/leaflet.markercluster.js': { file: 'leaflet.markercluster/dist/leaflet.markercluster.js', type: 'text/javascript; charset=utf-8' },
  'markercluster/MarkerCluster.css': { file: 'leaflet.markercluster/dist/MarkerCluster.css', type: 'text/css; charset=utf-8' },
  'markercluster/MarkerCluster.Default.css': { file: 'leaflet.markercluster/dist/MarkerCluster.Default.css', type: 'text/css; charset=utf-8' },
}

type Encoded = { raw: Uint8Array<ArrayBuffer>; br?: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer> }
/** Each file read and compressed once, at the best ratio: they never change. */
const encoded = new Map<string, Promise<Encoded>>()

async function read(file: string, compressible: boolean): Promise<Encoded> {
  const body = await readFile(path.join(process.cwd(), 'node_modules', file))
  if (!compressible) return { raw: new Uint8Array(body) }
  const [br, gzip] = await Promise.all([compressWith(body, 'br', 'static'), compressWith(body, 'gzip', 'static')])
  return { raw: new Uint8Array(body), br: new Uint8Array(br), gzip: new Uint8Array(gzip) }
}

function encode(file: string, compressible: boolean): Promise<Encoded> {
  let entry = encoded.get(file)
  if (!entry) {
    entry = read(file, compressible)
    entry.catch(() => encoded.delete(file))
    encoded.set(file, entry)
  }
  return entry
}

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const entry = FILES[(await params).path.join('/')]
  if (!entry) return new Response('Fichier introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const files = await encode(entry.file, !entry.type.startsWith('image/'))
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'))
  const body = (encoding && files[encoding]) || files.raw
  const encoded = body === files.raw ? null : encoding
  return new Response(body, {
    headers: {
      'Content-Type': entry.type,
      'Cache-Control': 'public, max-age=604800, immutable',
      Vary: 'Accept-Encoding',
      ...(encoded ? { 'Content-Encoding': encoded } : {}),
    },
  })
}
