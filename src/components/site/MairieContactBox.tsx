import type { MairieContact } from '@/site/mairie'

import { PhoneLink } from './PhoneLink'

/**
 * The mairie's contact box beside a municipal notice: who to call or visit, when it is open.
 * Plain HTML (an `<address>`), phone as « 03 44 46 12 34 », works without JavaScript.
 */
export function MairieContactBox({ contact }: { contact: MairieContact }) {
  return (
    <div className="mairie-box">
      <p className="mairie-name">{contact.title}</p>
      <address>
        {contact.addressLines.map((line) => (
          <span key={line}>
            {line}
            <br />
          </span>
        ))}
        {contact.phone ? (
          <span>
            Téléphone : <PhoneLink phone={contact.phone} />
            <br />
          </span>
        ) : null}
        {contact.email ? (
          <span>
            E-mail : <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </span>
        ) : null}
      </address>
      {contact.hoursLines.length ? (
        <>
          <p className="mairie-hours-title">Horaires d’ouverture</p>
          <ul className="mairie-hours">
            {contact.hoursLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
