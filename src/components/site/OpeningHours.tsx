import { describeOpenState, formatWeeklyHours, type OpeningHours as Hours } from '@/fields/openingHours'
import { formatDate } from '@/site/labels'

/** "Ouvert maintenant · ferme à 19 h 00" with the week's hours as a table. */
export function OpeningHours({ hours, now }: { hours: Hours; now: Date }) {
  const state = describeOpenState(hours, now)
  const open = state.startsWith('Ouvert')
  const upcoming = hours.closures.filter((c) => c.to >= now.toISOString().slice(0, 10))
  return (
    <section aria-labelledby="horaires" className="hours">
      <h2 id="horaires">Horaires</h2>
      <p className={`open-state ${open ? 'is-open' : 'is-closed'}`}>
        <span aria-hidden="true" className="open-dot" />
        {state}
      </p>
      <table className="hours-table">
        <caption className="sr-only">Horaires d’ouverture de la semaine</caption>
        <tbody>
          {formatWeeklyHours(hours).map((row) => (
            <tr key={row.day}>
              <th scope="row">{row.day}</th>
              <td>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {upcoming.length ? (
        <ul className="closures">
          {upcoming.map((c) => (
            <li key={`${c.from}-${c.to}`}>
              Fermé du {formatDate(c.from)} au {formatDate(c.to)}
              {c.label ? ` (${c.label})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {hours.note ? <p className="hours-note">{hours.note}</p> : null}
    </section>
  )
}
