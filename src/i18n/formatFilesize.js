/**
 * Payload's `formatFilesize` (payload/dist/uploads/formatFilesize.js) writes « 616 bytes »,
 * « 12KB » whatever the admin's language, and no translation key covers it: next.config.mjs
 * puts this French one in its place in the admin's bundle (« 616 octets », « 12 Ko »).
 */
const UNITS = [' octets', ' Ko', ' Mo', ' Go', ' To', ' Po', ' Eo', ' Zo', ' Yo']

export function formatFilesize(bytes, decimals = 0) {
  if (!bytes) return '0 octet'
  if (bytes === 1) return '1 octet'
  const k = 1024
  const dm = decimals < 0 ? 0 : decimals
  const i = Math.min(UNITS.length - 1, Math.floor(Math.log(bytes) / Math.log(k)))
  const value = parseFloat((bytes / k ** i).toFixed(i === 0 ? 0 : Math.max(dm, 1)))
  return `${value.toLocaleString('fr-FR')}${UNITS[i]}`
}
