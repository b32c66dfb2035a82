/**
 * Every CSV this product writes (open data, the six-month report, any export) goes through
 * `csvCell`, so that a business named `=HYPERLINK("http://…")` stays text in a spreadsheet.
 */

/** Cells a spreadsheet would read as a formula (OWASP « CSV injection »): = + - @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain number (« -1.5 », « +33 ») cannot run anything: kept as is so that it stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/

/** The text of a cell, with a leading single quote when a spreadsheet would run it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/** One CSV cell, neutralised then quoted when needed (RFC 4180). */
export function csvCell(value: unknown, separator = ','): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : neutraliseFormula(String(value))
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(rows: unknown[][], separator = ','): string {
  return rows.map((row) => row.map((v) => csvCell(v, separator)).join(separator)).join('\r\n') + '\r\n'
}
