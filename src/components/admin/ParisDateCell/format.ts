/** Admin dates read in Paris time whatever the server's or the browser's time zone (issue 19). */
export const ADMIN_TIME_ZONE = 'Europe/Paris'

/** « 05/12/2026 21:04 », or « 05/12/2026 » for a day-only field. */
export function formatParisDate(value: string | number | Date, withTime = true): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: ADMIN_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  const day = `${parts.day}/${parts.month}/${parts.year}`
  return withTime ? `${day} ${parts.hour}:${parts.minute}` : day
}
