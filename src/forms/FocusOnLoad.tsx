'use client'
import { useEffect } from 'react'

/**
 * Moves keyboard and screen-reader focus to the element `id` once the page is shown: a form
 * sent back with errors starts at their summary. Without JavaScript, the page's `#formulaire`
 * anchor brings the reader there instead.
 */
export function FocusOnLoad({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.focus()
  }, [id])
  return null
}
