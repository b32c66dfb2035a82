/** Map settings of the public site: tiles come from MAP_TILE_URL (OpenStreetMap by default). */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'

export function mapSettings() {
  return {
    tileUrl: process.env.MAP_TILE_URL || DEFAULT_TILE_URL,
    attribution: process.env.MAP_TILE_ATTRIBUTION || '© les contributeurs d’OpenStreetMap',
  }
}

export type MapMarker = { lat: number; lng: number; title: string; href?: string; detail?: string }
