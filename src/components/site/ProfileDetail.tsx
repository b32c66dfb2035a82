import { describeOpenState } from '@/fields/openingHours'
import type { Association, Business, Category, Commune, Media, Service } from '@/payload-types'
import { relationId } from '@/site/directory'
import { toOpeningHours } from '@/site/hours'
import { KIND_LABELS, PRICE_LABELS } from '@/site/labels'
import { categoryPath, communePath, entryPath, mediaPath } from '@/territories/urls'

import { Breadcrumbs } from './Breadcrumbs'
import { DetailActions, ExampleNotice } from './DetailActions'
import { ExampleBadge } from './ExampleBadge'
import { MapBlock } from './MapBlock'
import { OpeningHours } from './OpeningHours'
import { PhoneLink } from './PhoneLink'

const asObjects = <T extends { id: number }>(values: Array<number | T> | null | undefined): T[] =>
  (values ?? []).filter((v): v is T => typeof v === 'object' && v !== null)

function websiteLabel(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return url
  }
}

/** The public page of a business or an association. */
export function ProfileDetail({
  kind,
  entry,
  services,
  now,
}: {
  kind: 'businesses' | 'associations'
  entry: Business | Association
  services: Service[]
  now: Date
}) {
  const commune = typeof entry.commune === 'object' ? (entry.commune as Commune) : null
  const categories = asObjects<Category>(entry.categories as Array<number | Category>)
  const photos = asObjects<Media>(entry.photos as Array<number | Media> | null)
  const hours = toOpeningHours(entry.openingHours)
  const slug = entry.slug ?? String(entry.id)
  const postcode = entry.postcode ?? commune?.postcodes?.[0] ?? ''
  const address = [entry.street, [postcode, commune?.name].filter(Boolean).join(' ')].filter(Boolean)
  const first = categories[0]
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          first ? { href: categoryPath(first.slug ?? String(first.id)), label: first.name } : { href: '/recherche', label: 'Recherche' },
          { label: entry.name },
        ]}
      />
      <header className="profile-header">
        <p className="card-kind">
          <span className="tag">{KIND_LABELS[kind].one}</span>
          {entry.isExample ? <ExampleBadge /> : null}
        </p>
        <h1>{entry.name}</h1>
        <p className="card-meta">
          {categories.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <a href={categoryPath(c.slug ?? String(c.id))}>{c.name}</a>
            </span>
          ))}
          {commune ? (
            <>
              {categories.length ? ' · ' : ''}
              <a href={communePath(commune.slug)}>{commune.name}</a>
            </>
          ) : null}
        </p>
        {entry.phone || hours ? (
          <p className="quick-facts">
            {hours ? <span>{describeOpenState(hours, now)}</span> : null}
            {entry.phone ? (
              <span>
                Tél. <PhoneLink phone={entry.phone} />
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
      {entry.isExample ? <ExampleNotice what={kind === 'businesses' ? 'Cette entreprise' : 'Cette association'} /> : null}
      <div className="profile-layout">
        <div>
          {entry.description ? (
            <section aria-labelledby="presentation">
              <h2 id="presentation">Présentation</h2>
              <p className="description">{entry.description}</p>
            </section>
          ) : null}
          {photos.length ? (
            <ul className="photos" aria-label="Photos">
              {photos.map((p) =>
                p.url ? (
                  <li key={p.id}>
                    <img src={mediaPath(p.sizes?.card?.url ?? p.url)} alt={p.alt ?? ''} loading="lazy" />
                  </li>
                ) : null,
              )}
            </ul>
          ) : null}
          {services.length ? (
            <section aria-labelledby="services">
              <h2 id="services">Services proposés</h2>
              <ul>
                {services.map((s) => (
                  <li key={s.id}>
                    <a href={entryPath('services', s.slug ?? String(s.id))}>{s.title}</a> ({PRICE_LABELS[s.priceType]})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {hours ? <OpeningHours hours={hours} now={now} /> : null}
          <section aria-labelledby="acces">
            <h2 id="acces">Adresse</h2>
            <address>
              {address.map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
            </address>
            {entry.latitude != null && entry.longitude != null ? (
              <MapBlock
                label={`Carte : emplacement de ${entry.name}`}
                markers={[{ lat: entry.latitude, lng: entry.longitude, title: entry.name, detail: address.join(', ') }]}
              />
            ) : null}
          </section>
        </div>
        <aside className="profile-aside" aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          <ul className="contact-list">
            {entry.phone ? (
              <li>
                Téléphone : <PhoneLink phone={entry.phone} />
              </li>
            ) : null}
            {entry.website ? (
              <li>
                Site web :{' '}
                <a href={entry.website} rel="noopener external" className="print-url">
                  {websiteLabel(entry.website)}
                </a>
              </li>
            ) : null}
            {address.length ? <li>{address.join(', ')}</li> : null}
          </ul>
          <p className="hint">
            Le message passe par l’annuaire : votre adresse e-mail n’est transmise qu’à {entry.name}, et la sienne ne
            s’affiche jamais.
          </p>
          <DetailActions kind={kind} slug={slug} contactLabel={`Écrire à ${entry.name}`} />
        </aside>
      </div>
    </div>
  )
}
