import { inflateRawSync } from 'node:zlib'

/** Caps checked before a file is parsed: an import stays short enough not to tie up the server. */
export const IMPORT_LIMITS = {
  /** Size of the uploaded file. */
  bytes: 5 * 1024 * 1024,
  /** Rows of data (the header line not counted). */
  rows: 5000,
  /** Everything an XLSX (a zip) holds once uncompressed: a tiny file may unfold into gigabytes. */
  unzippedBytes: 40 * 1024 * 1024,
} as const

/** A file refused before it is read, with what to do in French. */
export class ImportLimitError extends Error {}

const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n)
const mb = (bytes: number) => `${fr(Math.round(bytes / (1024 * 1024)))} Mo`

export function tooBigMessage(bytes: number): string {
  return `Fichier trop gros (${fr(Math.ceil(bytes / 1024))} Ko ; ${mb(IMPORT_LIMITS.bytes)} au plus) : découpez-le en plusieurs fichiers.`
}

export function tooManyRowsMessage(rows: number): string {
  return `Le fichier compte ${fr(rows)} lignes de données : ${fr(IMPORT_LIMITS.rows)} au plus par fichier. Découpez-le en plusieurs fichiers (par commune, par exemple), puis importez-les l’un après l’autre.`
}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number }

/** The entries of a zip from its central directory (names and declared sizes; nothing inflated). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i
      break
    }
  }
  if (end === -1) throw new ImportLimitError('Fichier Excel illisible (ce n’est pas un fichier .xlsx) : enregistrez-le au format .xlsx ou .csv.')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new ImportLimitError('Fichier Excel abîmé : enregistrez-le à nouveau au format .xlsx ou .csv.')
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** One entry's bytes, never inflating more than `max` (a lying header cannot make it bigger). */
function inflateEntry(zip: Buffer, entry: ZipEntry, max: number): Buffer {
  const at = entry.localOffset
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data
  try {
    return inflateRawSync(data, { maxOutputLength: max })
  } catch {
    throw new ImportLimitError(`Fichier Excel trop volumineux une fois décompressé (plus de ${mb(IMPORT_LIMITS.unzippedBytes)}) : enregistrez-le au format .csv ou découpez-le.`)
  }
}

/**
 * Checks an XLSX before it is parsed: its uncompressed size (a « zip bomb » is refused) and the
 * number of rows of its first sheet (counted from the sheet's XML, without building the table).
 */
export function checkXlsx(zip: Buffer): void {
  const entries = zipEntries(zip)
  // 0xffffffff: a zip64 size, bigger than anything an import accepts.
  const declared = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Infinity : e.size), 0)
  if (declared > IMPORT_LIMITS.unzippedBytes) {
    throw new ImportLimitError(`Fichier Excel trop volumineux une fois décompressé (${declared === Infinity ? 'plus de 4 Go' : mb(declared)} ; ${mb(IMPORT_LIMITS.unzippedBytes)} au plus) : enregistrez-le au format .csv ou découpez-le.`)
  }
  const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
  const first = sheets.find((e) => e.name === 'xl/worksheets/sheet1.xml') ?? sheets[0]
  if (!first) return
  const xml = inflateEntry(zip, first, IMPORT_LIMITS.unzippedBytes).toString('utf8')
  const rows = (xml.match(/<(?:\w+:)?row[\s>]/g) ?? []).length
  if (rows - 1 > IMPORT_LIMITS.rows) throw new ImportLimitError(tooManyRowsMessage(rows - 1))
}

/** Counts the non-blank lines of a CSV without parsing it (a quoted line break may count twice). */
export function checkCsvLines(content: Buffer): void {
  let lines = 0
  let blank = true
  for (let i = 0; i < content.length; i++) {
    const byte = content[i]
    if (byte === 0x0a) {
      if (!blank) lines++
      blank = true
    } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09 && byte !== 0x3b && byte !== 0x2c) blank = false
  }
  if (!blank) lines++
  if (lines - 1 > IMPORT_LIMITS.rows) throw new ImportLimitError(tooManyRowsMessage(lines - 1))
}

/** Lets the server answer other requests between two steps of a long import. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
