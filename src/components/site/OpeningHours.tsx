import { currentClosure, DAYS, describeOpenState, formatDateRange, formatWeeklyHours, type OpeningHours as Hours } from '@/fields/openingHours'
import { wallClock } from '@/fields/openingHours/zonedTime'

/**
 * "Ouvert maintenant · ferme à 19 h 00" with the week's hours as a table, today's row marked.
 * During a closure the line says « Fermé pour congés du 24 au 26 décembre »; the usual week
 * stays below, for after.
 */
export function OpeningHours({ hours, now }: { hours: Hours; now: Date }) {
  const state = describeOpenState(hours, now)
  const open = state.startsWith('Ouvert')
  const { date: today, weekday } = wallClock(now, 'Europe/Paris')
  const closure = currentClosure(hours, now)
  const upcoming = hours.closures.filter((c) => c.to >= today && c !== closure)
  return (
    <section aria-labelledby="horaires" className="hours">
      <h2 id="horaires">Horaires</h2>
      <p className={`open-state ${open ? 'is-open' : 'is-closed'}`}>
        <span aria-hidden="true" className="open-dot" />
        {state}
      </p>
      <table className="hours-table">
        <caption className={closure ? 'hours-caption' : 'sr-only'}>
          {closure ? 'Horaires habituels' : 'Horaires d’ouverture de la semaine'}
        </caption>
        <tbody>
          {formatWeeklyHours(hours).map((row, i) => {
            const isToday = DAYS[i] === weekday
            return (
              <tr key={row.day} className={isToday ? 'is-today' : undefined} aria-current={isToday ? 'date' : undefined}>
                <th scope="row">
                  {row.day}
                  {isToday ? <span className="today-mark"> (aujourd’hui)</span> : null}
                </th>
                <td>{isToday && closure ? 'Fermé (congés)' : row.text}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {upcoming.length ? (
        <ul className="closures">
          {upcoming.map((c) => (
            <li key={`${c.from}-${c.to}`}>
              Fermé {formatDateRange(c.from, c.to)}
              {c.label ? ` (${c.label})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {hours.note ? <p className="hours-note">{hours.note}</p> : null}
    </section>
  )
}
