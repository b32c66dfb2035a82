import type { Metadata } from 'next'

/** Title, description, canonical link and Open Graph of one page (paths are made absolute by metadataBase). */
export function pageMetadata({
  title,
  description,
  path,
  type = 'website',
  noindex = false,
}: {
  title: string
  description?: string | null
  path: string
  type?: 'website' | 'article' | 'profile'
  noindex?: boolean
}): Metadata {
  const text = description ? description.replace(/\s+/g, ' ').trim().slice(0, 200) : undefined
  return {
    title,
    ...(text ? { description: text } : {}),
    alternates: { canonical: path },
    openGraph: { title, ...(text ? { description: text } : {}), url: path, type, locale: 'fr_FR' },
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
  }
}
