'use client'

import { useEffect } from 'react'

/**
 * After a decision the page comes back with its outcome at the top: move the focus there so
 * that keyboard and screen-reader users hear it and continue from the top of the queue.
 */
export function FocusNotice({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus()
  }, [targetId])
  return null
}
