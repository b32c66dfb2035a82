/** One CSV cell, quoted when needed (RFC 4180). */
export function csvCell(value: unknown, separator = ','): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(rows: unknown[][], separator = ','): string {
  return rows.map((row) => row.map((v) => csvCell(v, separator)).join(separator)).join('\r\n') + '\r\n'
}
