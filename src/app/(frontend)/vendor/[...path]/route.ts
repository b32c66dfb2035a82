import { readFile } from 'node:fs/promises'
import path from 'node:path'

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

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const entry = FILES[(await params).path.join('/')]
  if (!entry) return new Response('Fichier introuvable', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const body = await readFile(path.join(process.cwd(), 'node_modules', entry.file))
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': entry.type, 'Cache-Control': 'public, max-age=604800, immutable' },
  })
}
