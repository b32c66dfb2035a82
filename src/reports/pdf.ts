import type PDFKit from 'pdfkit'

export type Pdf = InstanceType<typeof PDFKit>

/** An A4 document with French metadata; `render` draws, the buffer is returned at the end. */
export async function renderPdf(
  info: { title: string; subject?: string },
  render: (doc: Pdf) => void | Promise<void>,
  options: { margin?: number; footer?: string } = {},
): Promise<Buffer> {
  // Loaded with the first PDF: pdfkit and its font engine are several MB that no other request needs.
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin ?? 50,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject ?? info.title, Author: 'Annuaire local', Creator: 'Annuaire local' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  await render(doc)
  numberPages(doc, options.footer)
  doc.end()
  return done
}

/** "page n / N" (after the document's name, when given) at the bottom of every page. */
function numberPages(doc: Pdf, footer?: string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
    const y = doc.page.height - 34
    doc.font('Helvetica').fontSize(10).fillColor('#555555')
    if (footer && i > range.start) {
      doc.text(footer, doc.page.margins.left, y, { width: width - 60, lineBreak: false, ellipsis: true })
      doc.text(`${i + 1} / ${range.count}`, doc.page.margins.left, y, { width, align: 'right', lineBreak: false })
    } else doc.text(`${i + 1} / ${range.count}`, doc.page.margins.left, y, { width, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

/** Index of the page being drawn (0-based). */
export const currentPage = (doc: Pdf) => {
  const range = doc.bufferedPageRange()
  return range.start + range.count - 1
}

/** 12 345 with a plain space: the standard PDF fonts have no narrow no-break space. */
export const formatNumber = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')

/** Characters the standard PDF fonts (WinAnsi) cannot draw, replaced by close ones. */
export function pdfText(text: string): string {
  return text
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/[\u2010-\u2012]/g, '-')
    .replace(/[^\x00-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g, '')
}

export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right

export function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

export function heading(doc: Pdf, text: string, size = 14) {
  ensureSpace(doc, size * 4)
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#1a1a1a').text(text, doc.page.margins.left)
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#1a1a1a')
}

export const TABLE_FONT_SIZE = 10

/**
 * Column widths where no header word and no number is cut: each figure column as wide as its
 * longest header word or value, the first (text) column takes the rest.
 */
export function tableWidths(doc: Pdf, headers: string[], rows: Array<Array<string | number>>, width = contentWidth(doc)): number[] {
  const pad = 14
  const cols = headers.map((header, i) => {
    if (i === 0) return 0
    doc.font('Helvetica-Bold').fontSize(TABLE_FONT_SIZE)
    const word = Math.max(...header.split(/\s+/).map((w) => doc.widthOfString(pdfText(w))))
    doc.font('Helvetica')
    const value = Math.max(0, ...rows.map((r) => doc.widthOfString(typeof r[i] === 'number' ? formatNumber(r[i] as number) : pdfText(String(r[i] ?? '')))))
    return Math.max(word, value, 36) + pad
  })
  cols[0] = Math.max(120, width - cols.reduce((a, b) => a + b, 0))
  return cols
}

/** The height `table` takes for these rows when it is not cut by a page break. */
export function tableHeight(doc: Pdf, headers: string[], rows: Array<Array<string | number>>, widths = tableWidths(doc, headers, rows)): number {
  return [headers, ...rows].reduce<number>((sum, cells, n) => {
    doc.font(n === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT_SIZE)
    const texts = cells.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : pdfText(String(cell))))
    return sum + Math.max(...texts.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 8 }))) + 6
  }, 0)
}

/**
 * A table: header row in bold on a tinted band (repeated after a page break), right-aligned
 * numbers, rows never split across pages.
 */
export function table(doc: Pdf, headers: string[], rows: Array<Array<string | number>>, options: { widths?: number[]; headerFill?: string } = {}) {
  const width = contentWidth(doc)
  const cols = options.widths ?? tableWidths(doc, headers, rows, width)
  const measure = (cells: Array<string | number>, bold: boolean) =>
    Math.max(
      ...cells.map((cell, i) => {
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT_SIZE)
        const text = typeof cell === 'number' ? formatNumber(cell) : pdfText(String(cell))
        return doc.heightOfString(text, { width: cols[i]! - 8 })
      }),
    )
  const line = (cells: Array<string | number>, bold: boolean) => {
    const h = measure(cells, bold) + 6
    const y = doc.y
    if (bold) doc.rect(doc.page.margins.left, y - 2, width, h).fill(options.headerFill ?? '#e8eef4')
    let x = doc.page.margins.left
    cells.forEach((cell, i) => {
      // Figure columns (every column but the first) align right, header included.
      const numeric = i > 0
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT_SIZE).fillColor('#1a1a1a')
      const text = typeof cell === 'number' ? formatNumber(cell) : pdfText(String(cell))
      doc.text(text, x + 4, y + 1, { width: cols[i]! - 8, align: numeric ? 'right' : 'left' })
      x += cols[i]!
    })
    doc.y = y + h
    doc.moveTo(doc.page.margins.left, doc.y - 2).lineTo(doc.page.margins.left + width, doc.y - 2).lineWidth(0.3).strokeColor('#bbbbbb').stroke()
  }
  const headerHeight = measure(headers, true) + 6
  ensureSpace(doc, headerHeight + (rows[0] ? measure(rows[0], false) + 6 : 0))
  line(headers, true)
  for (const row of rows) {
    const h = measure(row, false) + 6
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      line(headers, true)
    }
    line(row, false)
  }
  doc.x = doc.page.margins.left
}

/** Horizontal bars with their label and value, for charts that also read well in black and white. */
export function barChart(doc: Pdf, title: string, bars: Array<{ label: string; value: number }>, color = '#2f5f8a', width = contentWidth(doc)) {
  const labelWidth = 110
  const barArea = width - labelWidth - 50
  const max = Math.max(1, ...bars.map((b) => b.value))
  ensureSpace(doc, 24 + bars.length * 17)
  const x = doc.x
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#1a1a1a').text(title, x, doc.y, { width })
  doc.moveDown(0.3)
  for (const bar of bars) {
    const y = doc.y
    doc.font('Helvetica').fontSize(10).fillColor('#1a1a1a').text(pdfText(bar.label), x, y + 1, { width: labelWidth - 6, lineBreak: false, ellipsis: true })
    const w = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * barArea)
    if (w > 0) doc.rect(x + labelWidth, y, w, 12).fill(color)
    doc.fillColor('#1a1a1a').text(formatNumber(bar.value), x + labelWidth + w + 4, y + 1, { lineBreak: false })
    doc.y = y + 17
  }
  doc.x = doc.page.margins.left
  doc.moveDown(0.5)
}
