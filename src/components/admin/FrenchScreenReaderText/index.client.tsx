'use client'

import { type ReactNode, useEffect } from 'react'

import { titleNewAnnouncement } from './newDocumentTitle'

/**
 * Words that Payload and its drag-and-drop library write in English whatever the language,
 * outside its translations: the screen-reader instructions of every page (dnd-kit), their
 * announcements while dragging, `aria-label="Edit …"` on a chosen relation and
 * `title="select-all"` (a field name) on checkboxes; and the brackets of « [Sans nom] », the title
 * of a document not yet named. They are rewritten in French as they appear.
 */
const INSTRUCTIONS =
  'Pour saisir un élément déplaçable, appuyez sur la barre d’espace. Pendant le déplacement, utilisez les flèches pour le déplacer. Appuyez de nouveau sur espace pour le déposer à sa nouvelle place, ou sur Échap pour annuler.'

const ANNOUNCEMENTS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^Picked up draggable item (.+)\.$/, (id) => `Élément ${id} saisi.`],
  [/^Draggable item (.+) was moved over droppable area (.+)\.$/, (id, over) => `Élément ${id} déplacé au-dessus de ${over}.`],
  [/^Draggable item (.+) is no longer over a droppable area\.$/, (id) => `Élément ${id} hors de toute zone de dépôt.`],
  [/^Draggable item (.+) was dropped over droppable area (.+)$/, (id, over) => `Élément ${id} déposé sur ${over}.`],
  [/^Draggable item (.+) was dropped\.$/, (id) => `Élément ${id} déposé.`],
  [/^Dragging was cancelled\. Draggable item (.+) was dropped\.$/, (id) => `Déplacement annulé. Élément ${id} reposé.`],
]

export function frenchAnnouncement(text: string): string | null {
  for (const [pattern, say] of ANNOUNCEMENTS) {
    const m = pattern.exec(text.trim())
    if (m) return say(...m.slice(1))
  }
  return null
}

/**
 * Changes an element's text in place, only when it is a single text node: React keeps
 * updating that same node afterwards, and no element React rendered is ever replaced.
 */
function setText(el: Element, text: string): void {
  const node = el.childNodes.length === 1 ? el.firstChild : null
  if (node?.nodeType === Node.TEXT_NODE) node.nodeValue = text
}

function rewrite(root: ParentNode): void {
  // dnd-kit's hidden instructions: a <div style="display: none"> holding that text alone, under an id React chose.
  for (const el of root.querySelectorAll<HTMLElement>('div[id][style*="display: none"]')) {
    if (el.textContent?.includes('To pick up a draggable item')) setText(el, INSTRUCTIONS)
  }
  for (const el of root.querySelectorAll<HTMLElement>('[id^="DndLiveRegion"]')) {
    const french = el.textContent ? frenchAnnouncement(el.textContent) : null
    if (french) setText(el, french)
  }
  // A new document is titled « [Sans nom] » until it has a name: no brackets.
  for (const el of root.querySelectorAll<HTMLElement>('.render-title')) {
    const inner = /^\[(.+)\]$/.exec(el.textContent ?? '')?.[1]
    if (inner) setText(el, inner)
    const title = /^\[(.+)\]$/.exec(el.title)?.[1]
    if (title) el.title = title
  }
  titleNewAnnouncement(document, setText)
  for (const el of root.querySelectorAll<HTMLElement>('[aria-label^="Edit "]')) {
    el.setAttribute('aria-label', `Modifier ${el.getAttribute('aria-label')!.slice(5)}`)
  }
  markMain(root)
  // Payload's checkboxes carry their field name as tooltip (« select-all », « isExample »).
  for (const el of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][title]')) {
    if (el.title !== el.name) continue
    const label = el.getAttribute('aria-label')
    if (label) el.title = label
    else el.removeAttribute('title')
  }
}

/**
 * Payload's frame has no main landmark (axe: landmark-one-main, region), and its template
 * offers no slot around a view: its content column (header and view) becomes the main region,
 * unless the view brings its own <main> (our custom views, AdminFrame).
 */
function markMain(root: ParentNode): void {
  const column = root.querySelector('.template-default__wrap')
  if (!column) return
  const ownMain = column.querySelector('main')
  if (ownMain && column.getAttribute('role') === 'main') column.removeAttribute('role')
  else if (!ownMain && column.getAttribute('role') !== 'main') column.setAttribute('role', 'main')
}

export function FrenchScreenReaderText({ children }: { children?: ReactNode }) {
  useEffect(() => {
    rewrite(document)
    let scheduled = false
    const observer = new MutationObserver(() => {
      if (scheduled) return
      scheduled = true
      requestAnimationFrame(() => {
        scheduled = false
        rewrite(document)
      })
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title'] })
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
