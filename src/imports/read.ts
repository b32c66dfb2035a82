import { parse } from 'csv-parse/sync'
import { readSheet } from 'read-excel-file/node'

import { checkCsvLines, checkXlsx, IMPORT_LIMITS, ImportLimitError, tooBigMessage, tooManyRowsMessage } from './limits'

export type Table = { header: string[]; rows: Array<Record<string, string>> }

export class ImportFileError extends Error {}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  // Spreadsheets turn SIRET and postcodes into numbers: write them back without exponent.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  return String(value).trim()
}

function toTable(matrix: unknown[][]): Table {
  const nonEmpty = matrix.filter((row) => row.some((c) => cellText(c) !== ''))
  const [head, ...body] = nonEmpty
  if (!head) throw new ImportFileError('Le fichier est vide : la première ligne doit porter les noms de colonnes.')
  const header = head.map((h, i) => cellText(h) || `colonne ${i + 1}`)
  if (body.length > IMPORT_LIMITS.rows) throw new ImportFileError(tooManyRowsMessage(body.length))
  return { header, rows: body.map((row) => Object.fromEntries(header.map((h, i) => [h, cellText(row[i])]))) }
}

const DELIMITERS = [';', '\t', ','] as const

/**
 * The separator of a CSV from its header line: the one that occurs most often outside quotes
 * (« ; » from a French Excel, tab from a copy of a sheet, « , » elsewhere); « , » by default.
 */
export function detectDelimiter(headerLine: string): (typeof DELIMITERS)[number] {
  const unquoted = headerLine.replace(/"[^"]*"/g, '')
  let best: (typeof DELIMITERS)[number] = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/** The caps of IMPORT_LIMITS on the raw bytes, then the format: throws an ImportFileError in French. */
export function checkImportFile(content: Buffer, fileName: string): void {
  if (content.length > IMPORT_LIMITS.bytes) throw new ImportFileError(tooBigMessage(content.length))
  const xlsx = /\.xlsx$/i.test(fileName)
  if (!xlsx && !/\.(csv|tsv|txt)$/i.test(fileName)) throw new ImportFileError('Format non pris en charge : envoyez un fichier .csv ou .xlsx.')
  try {
    if (xlsx) checkXlsx(content)
    else checkCsvLines(content)
  } catch (error) {
    if (error instanceof ImportLimitError) throw new ImportFileError(error.message)
    throw new ImportFileError('Fichier Excel illisible : enregistrez-le à nouveau au format .xlsx ou .csv.')
  }
}

/**
 * Reads a CSV (comma, semicolon or tab, UTF-8 with or without BOM) or an XLSX file (first sheet).
 * The caps (IMPORT_LIMITS) are checked first, on the raw bytes: a file too big, a zip bomb or too
 * many rows is refused before anything is parsed.
 */
export async function readTable(content: Buffer, fileName: string): Promise<Table> {
  checkImportFile(content, fileName)
  if (/\.xlsx$/i.test(fileName)) {
    try {
      return toTable((await readSheet(content)) as unknown[][])
    } catch (error) {
      if (error instanceof ImportFileError) throw error
      throw new ImportFileError(`Fichier Excel illisible (${error instanceof Error ? error.message : 'format inconnu'}) : enregistrez-le au format .xlsx ou .csv.`)
    }
  }
  // Excel « CSV (séparateur : point-virgule) » writes Windows-1252, not UTF-8.
  const utf8 = content.toString('utf8')
  const text = (utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(content) : utf8).replace(/^\uFEFF/, '')
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '')
  try {
    return toTable(parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][])
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError(`CSV illisible (${error instanceof Error ? error.message : 'format inconnu'}) : vérifiez les guillemets et le séparateur.`)
  }
}
