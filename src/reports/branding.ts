import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

/** What makes a printout look like the territory's own: its colours and its logo. */
export type Branding = {
  primary: string
  accent: string
  /** The logo as PNG (pdfkit draws PNG and JPEG only; uploads are stored as WebP). */
  logo?: Buffer
}

const HEX = /^#[0-9a-f]{6}$/i
export const DEFAULT_BRANDING: Branding = { primary: '#1d4f91', accent: '#b34000' }

/** Reads the territory's colours (checked) and logo file; a missing or unreadable logo is left out. */
export async function loadBranding(payload: Payload, territory: { primaryColor?: string | null; accentColor?: string | null; logo?: unknown }): Promise<Branding> {
  const primary = territory.primaryColor && HEX.test(territory.primaryColor) ? territory.primaryColor : DEFAULT_BRANDING.primary
  const accent = territory.accentColor && HEX.test(territory.accentColor) ? territory.accentColor : DEFAULT_BRANDING.accent
  const logoId = territory.logo && typeof territory.logo === 'object' ? (territory.logo as { id: number | string }).id : territory.logo
  if (logoId === null || logoId === undefined || logoId === '') return { primary, accent }
  try {
    const media = await payload.findByID({ collection: 'media', id: logoId as number, depth: 0, overrideAccess: true })
    const dir = payload.collections.media?.config.upload.staticDir
    if (!media.filename || !dir) return { primary, accent }
    const file = await readFile(path.resolve(dir, path.basename(media.filename)))
    const { default: sharp } = await import('sharp')
    const logo = await sharp(file).resize(240, 240, { fit: 'inside', withoutEnlargement: true }).png().toBuffer()
    return { primary, accent, logo }
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'Logo du territoire illisible : document imprimé sans logo' })
    return { primary, accent }
  }
}

/** Black or white, whichever reads better on the colour. */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return lum > 0.55 ? '#1a1a1a' : '#ffffff'
}

/** A pale tint of the colour, for table headers and boxes. */
export function tint(hex: string, amount = 0.88): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `#${c.map((v) => Math.round(v + (255 - v) * amount).toString(16).padStart(2, '0')).join('')}`
}

/** French alphabetical order (« Élencourt » before « Wambez »), shared by every printout. */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })
