/**
 * « Publier une demande » and « Créer une alerte »: what a resident can do when the board or a
 * search does not show what they need. The alert form is filled from the search.
 */
export function HelpCallsToAction({
  words,
  categoryId,
  communeId,
  radiusKm,
}: {
  words?: string
  categoryId?: number | string
  communeId?: number | string
  radiusKm?: number | null
}) {
  const alert = new URLSearchParams()
  if (words) alert.set('words', words)
  if (categoryId !== undefined) alert.set('category', String(categoryId))
  if (communeId !== undefined) alert.set('commune', String(communeId))
  if (radiusKm) alert.set('radiusKm', String(radiusKm))
  const alertQuery = alert.toString()
  return (
    <div className="calls-to-action">
      <a className="button" href="/annonces/nouvelle?type=besoin">
        Publier une demande
      </a>
      <a className="button button-secondary" href={`/alertes${alertQuery ? `?${alertQuery}` : ''}`}>
        Créer une alerte
      </a>
    </div>
  )
}
