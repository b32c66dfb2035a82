import type { Branding } from './branding'
import type { Pdf } from './pdf'

/** Words of a territory's name that say what it is, not which one: left out of its initials. */
const GENERIC = /^(cc|ca|cu|cdc|communaut[eé]|communes?|agglom[eé]ration|urbaine|m[eé]tropole|pays|syndicat|intercommunalit[eé])$/i

/** « CC de la Picardie Verte » → « PV »: the capitalised words but the generic ones, three at most. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s'’-]+/).filter((w) => /^\p{Lu}/u.test(w) && !GENERIC.test(w))
  const letters = (words.length ? words : name.split(/\s+/).filter(Boolean)).map((w) => w[0]!.toUpperCase())
  return letters.slice(0, 3).join('') || '?'
}

/**
 * The territory's mark on a cover band: its logo on a white tile, so that a logo in the band's
 * own colour, or dark on a transparent background, still shows; without a logo (none uploaded,
 * or unreadable), its initials in its colour on the same tile.
 */
export function drawCoverMark(doc: Pdf, branding: Branding, territoryName: string, x: number, y: number, size: number) {
  doc.save()
  doc.roundedRect(x, y, size, size, size * 0.14).fill('#ffffff')
  const pad = Math.round(size * 0.08)
  if (branding.logo) {
    doc.image(branding.logo, x + pad, y + pad, { fit: [size - 2 * pad, size - 2 * pad], align: 'center', valign: 'center' })
  } else {
    const initials = initialsOf(territoryName)
    const fontSize = Math.round(size * (initials.length > 2 ? 0.3 : 0.38))
    doc.font('Helvetica-Bold').fontSize(fontSize).fillColor(branding.primary)
    const height = doc.heightOfString(initials, { width: size, lineBreak: false })
    doc.text(initials, x, y + (size - height) / 2 + fontSize * 0.08, { width: size, align: 'center', lineBreak: false })
  }
  doc.restore()
}
