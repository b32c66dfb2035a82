/**
 * Territory colours, used only when they stay readable: text and links in the primary
 * colour must keep a 4.5:1 contrast on white (WCAG 2.1 AA), otherwise the default is used.
 */
export const DEFAULT_PRIMARY = '#1d4f91'

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05)
}

export function readablePrimary(color: string | null | undefined): string {
  const hex = (color ?? '').trim().toLowerCase()
  if (!/^#[0-9a-f]{6}$/.test(hex)) return DEFAULT_PRIMARY
  return contrastOnWhite(hex) >= 4.5 ? hex : DEFAULT_PRIMARY
}
