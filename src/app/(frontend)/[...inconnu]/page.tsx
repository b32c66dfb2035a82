import { notFound } from 'next/navigation'

/**
 * Any address no page answers: the site's own « Page introuvable » (in the site's layout,
 * in French, with its navigation) instead of Next's bare default page.
 */
export default function UnknownPage(): never {
  notFound()
}
