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

/**
 * « Refuser » opens its reason box: put the cursor in it, so that refusing is « Refuser », type
 * the reason, « Confirmer le refus » (the toggle event does not bubble: listen while capturing).
 */
export function FocusReasonOnOpen() {
  useEffect(() => {
    const onToggle = (event: Event) => {
      const details = event.target
      if (!(details instanceof HTMLDetailsElement) || !details.open || !details.classList.contains('mq-reject')) return
      details.querySelector('textarea')?.focus()
    }
    document.addEventListener('toggle', onToggle, true)
    return () => document.removeEventListener('toggle', onToggle, true)
  }, [])
  return null
}
