/**
 * A new announcement is titled « Sans nom » by Payload until its title is typed: say what is
 * being written instead, « Nouvelle information municipale » or « Nouvelle annonce » (the
 * kind can change while the form is open, the heading follows it).
 */
const NOTICE_TITLE = 'Nouvelle information municipale'
const ANNOUNCEMENT_TITLE = 'Nouvelle annonce'
const PLACEHOLDERS = new Set(['Sans nom', '[Sans nom]'])

export function titleNewAnnouncement(root: Document, setText: (el: Element, text: string) => void): void {
  if (!/\/collections\/announcements\/create\/?$/.test(root.location?.pathname ?? '')) return
  const wanted = root.querySelector<HTMLInputElement>('#field-kind-notice')?.checked ? NOTICE_TITLE : ANNOUNCEMENT_TITLE
  for (const el of root.querySelectorAll<HTMLElement>('.render-title, .step-nav__last')) {
    // A drawer opened from the form (the PDF's upload) is another document: its title stays.
    if (el.closest('.drawer, .doc-drawer')) continue
    const text = el.textContent?.trim() ?? ''
    const ours = el.dataset.newTitle === '1' && (text === NOTICE_TITLE || text === ANNOUNCEMENT_TITLE)
    if (!PLACEHOLDERS.has(text) && !ours) continue
    if (text !== wanted) setText(el, wanted)
    el.dataset.newTitle = '1'
    if (el.title && el.title !== wanted) el.title = wanted
  }
}
