/**
 * When a media file is public: the union of the windows of the public documents that show it
 * (a published entry: always; a notice: from its first day to its expiry).
 */

/** A window: from `from` (ISO, inclusive) to `until` (ISO, exclusive; null: no end). */
export type Window = { from: string; until: string | null }

/** Since ever: the window of a document public as long as it stays as it is. */
export const ALWAYS = '1970-01-01T00:00:00.000Z'

const ms = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso))

/**
 * The window stored on the media: the one, among the merged windows, that holds `now` or
 * comes next (the earliest window not over yet); null when none is left (hidden).
 * A later window separated by a gap is picked up when the document that closes the current
 * one changes (the daily job archives an expired notice): until then the file stays hidden,
 * never shown early.
 */
export function currentWindow(windows: Window[], now: Date = new Date()): Window | null {
  const open = windows.filter((w) => ms(w.until) > now.getTime() && ms(w.until) > ms(w.from)).sort((a, b) => ms(a.from) - ms(b.from))
  if (open.length === 0) return null
  const merged: Window = { ...open[0]! }
  for (const next of open.slice(1)) {
    if (ms(next.from) > ms(merged.until)) break
    if (ms(next.until) > ms(merged.until)) merged.until = next.until
  }
  return merged
}
