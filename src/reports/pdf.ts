import type PDFKit from 'pdfkit'

export type Pdf = InstanceType<typeof PDFKit>

/** An A4 document with French metadata; `render` draws, the buffer is returned at the end. */
export async function renderPdf(
  info: { title: string; subject?: string },
  render: (doc: Pdf) => void | Promise<void>,
  options: { margin?: number } = {},
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
  numberPages(doc)
  doc.end()
  return done
}

/** "page n / N" at the bottom of every page. */
function numberPages(doc: Pdf) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 30, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
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

/** A simple table: header row in bold, right-aligned numbers. */
export function table(doc: Pdf, headers: string[], rows: Array<Array<string | number>>, widths?: number[]) {
  const width = contentWidth(doc)
  const cols = widths ?? headers.map((_, i) => (i === 0 ? width * 0.55 : (width * 0.45) / (headers.length - 1)))
  const line = (cells: Array<string | number>, bold: boolean) => {
    ensureSpace(doc, 16)
    const y = doc.y
    let x = doc.page.margins.left
    let h = 0
    cells.forEach((cell, i) => {
      const numeric = typeof cell === 'number'
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
      const text = numeric ? formatNumber(cell) : pdfText(String(cell))
      const opts = { width: cols[i]! - 6, align: (numeric ? 'right' : 'left') as 'right' | 'left' }
      h = Math.max(h, doc.heightOfString(text, opts))
      doc.text(text, x, y, opts)
      x += cols[i]!
    })
    doc.y = y + h + 3
    doc.moveTo(doc.page.margins.left, doc.y - 1.5).lineTo(doc.page.margins.left + width, doc.y - 1.5).lineWidth(0.3).strokeColor('#bbbbbb').stroke()
  }
  line(headers, true)
  for (const row of rows) line(row, false)
  doc.x = doc.page.margins.left
}

/** Horizontal bars with their label and value, for charts that also read well in black and white. */
export function barChart(doc: Pdf, title: string, bars: Array<{ label: string; value: number }>) {
  const width = contentWidth(doc)
  const labelWidth = 110
  const barArea = width - labelWidth - 50
  const max = Math.max(1, ...bars.map((b) => b.value))
  ensureSpace(doc, 20 + bars.length * 16)
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#1a1a1a').text(title, doc.page.margins.left)
  doc.moveDown(0.3)
  for (const bar of bars) {
    const y = doc.y
    const x = doc.page.margins.left
    doc.font('Helvetica').fontSize(8.5).fillColor('#1a1a1a').text(pdfText(bar.label), x, y + 1, { width: labelWidth - 6, lineBreak: false, ellipsis: true })
    const w = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * barArea)
    if (w > 0) doc.rect(x + labelWidth, y, w, 11).fill('#2f5f8a')
    doc.fillColor('#1a1a1a').text(formatNumber(bar.value), x + labelWidth + w + 4, y + 1, { lineBreak: false })
    doc.y = y + 15
  }
  doc.x = doc.page.margins.left
  doc.moveDown(0.5)
}
