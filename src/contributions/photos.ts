/**
 * Photos sent from « Mon espace »: the type is read from the file's first bytes (never from
 * its name or the browser's claim), so a script renamed .jpg or an SVG is refused. The
 * media collection then re-encodes the image with sharp (resized, EXIF removed).
 */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png'
  if (bytes.length >= 12 && String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp'
  return null
}

export type PhotoCheck = { ok: true; data: Buffer; mimetype: PhotoType; name: string } | { ok: false; error: string }

export async function checkPhoto(file: File): Promise<PhotoCheck> {
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, error: 'Cette photo est trop lourde : 5 Mo au plus. Réduisez-la puis recommencez.' }
  const data = Buffer.from(await file.arrayBuffer())
  const mimetype = sniffImageType(data)
  if (!mimetype) return { ok: false, error: 'Ce fichier n’est pas une photo JPEG, PNG ou WebP : choisissez une autre image.' }
  const sharp = (await import('sharp')).default
  try {
    const meta = await sharp(data).metadata()
    if (!meta.width || !meta.height) throw new Error('no size')
  } catch {
    return { ok: false, error: 'Cette image est illisible ou abîmée : choisissez une autre photo.' }
  }
  const base = file.name.replace(/\.[^.]*$/, '').replace(/[^\w-]+/g, '-').slice(0, 60) || 'photo'
  return { ok: true, data, mimetype, name: `${base}.${mimetype.split('/')[1]}` }
}
