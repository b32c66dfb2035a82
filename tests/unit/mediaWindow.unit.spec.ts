import { uploadsInRichText } from '@/hooks/mediaVisibility/references'
import { ALWAYS, currentWindow } from '@/hooks/mediaVisibility/window'

const now = new Date('2026-12-05T12:00:00.000Z')
const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()

describe('the public window of a media file', () => {
  test('no public document, or only expired ones: hidden', () => {
    expect(currentWindow([], now)).toBeNull()
    expect(currentWindow([{ from: at(-9), until: at(-1) }], now)).toBeNull()
  })

  test('a published entry: always; with a notice too, still always', () => {
    expect(currentWindow([{ from: ALWAYS, until: null }], now)).toEqual({ from: ALWAYS, until: null })
    expect(currentWindow([{ from: at(3), until: at(10) }, { from: ALWAYS, until: null }], now)).toEqual({ from: ALWAYS, until: null })
  })

  test('a coming notice: from its first day; overlapping notices merge; a later one after a gap waits', () => {
    expect(currentWindow([{ from: at(3), until: at(10) }], now)).toEqual({ from: at(3), until: at(10) })
    expect(currentWindow([{ from: at(-2), until: at(4) }, { from: at(3), until: at(10) }], now)).toEqual({ from: at(-2), until: at(10) })
    expect(currentWindow([{ from: at(-2), until: at(1) }, { from: at(3), until: at(10) }], now)).toEqual({ from: at(-2), until: at(1) })
  })

  test('an expiry before the first day shows nothing', () => {
    expect(currentWindow([{ from: at(5), until: at(2) }], now)).toBeNull()
  })
})

describe('images inside a page’s rich text', () => {
  test('finds upload nodes of the media collection at any depth, ids or populated', () => {
    const content = {
      root: {
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'Bonjour' }] },
          { type: 'upload', relationTo: 'media', value: 12 },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'upload', relationTo: 'media', value: { id: 13, url: '/x' } }] }] },
          { type: 'upload', relationTo: 'other', value: 14 },
        ],
      },
    }
    expect(uploadsInRichText(content)).toEqual([12, 13])
    expect(uploadsInRichText(null)).toEqual([])
  })
})
