import PDFDocument from 'pdfkit'
import { getDocumentProxy } from 'unpdf'

/** `drawn`: each text item with its baseline (`y`, from the bottom of the page) and size, in points. */
export type PdfPage = { text: string; items: string[]; minFontSize: number; drawn: Array<{ text: string; y: number; size: number }> }

/**
 * Reads a PDF as pdf.js does: each page's text (items joined by spaces) and the smallest
 * font size drawn on it (the scale of the item's text matrix, in points).
 */
export async function readPdf(buffer: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer))
  const pages: PdfPage[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i)
    const content = await page.getTextContent()
    const items = content.items.filter((it): it is typeof it & { str: string; transform: number[] } => 'str' in it && it.str.trim() !== '')
    const sizes = items.map((it) => Math.hypot(it.transform[2]!, it.transform[3]!))
    pages.push({
      text: items.map((it) => it.str).join(' ').replace(/\s+/g, ' '),
      items: items.map((it) => it.str),
      minFontSize: sizes.length ? Math.min(...sizes) : 0,
      drawn: items.map((it, n) => ({ text: it.str, y: it.transform[5]!, size: sizes[n]! })),
    })
  }
  return pages
}

/** A one-page PDF holding `text`, as a mairie's scanned arrêté would be uploaded. */
export function samplePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.fontSize(14).text(text)
    doc.end()
  })
}
