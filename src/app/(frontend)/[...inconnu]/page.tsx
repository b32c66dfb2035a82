import type { Metadata } from 'next'

import { NotFoundContent } from '@/components/site/NotFoundContent'

export const metadata: Metadata = { title: 'Page introuvable', robots: { index: false } }

/** Any address no page answers: the site's own « Page introuvable », answered with HTTP 404. */
export default function UnknownPage() {
  return <NotFoundContent />
}
