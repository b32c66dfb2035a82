import type { Category, Commune } from '@/payload-types'
import { categoryTree } from '@/site/directory'
import { ANNOUNCEMENT_LABELS, KIND_LABELS, PRICE_LABELS, SORT_LABELS } from '@/site/labels'
import type { SearchCentre } from '@/site/search'
import { ANNOUNCEMENT_SEGMENTS, KIND_SEGMENTS, PRICE_SEGMENTS, type SiteSearch, SORT_SEGMENTS } from '@/territories/urls'

import { CommuneSelect, RadiusSelect } from './CommuneSelect'

function Checks<T extends string>({
  name,
  legend,
  options,
  selected,
}: {
  name: string
  legend: string
  options: Array<{ value: T; label: string }>
  selected: readonly string[] | undefined
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checks">
        {options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={selected?.includes(o.value) ?? false}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** Every filter of the search as one GET form: works without JavaScript, enhanced by site.js. */
export function SearchFilters({
  search,
  categories,
  communes,
  centre,
  defaultRadiusKm,
}: {
  search: SiteSearch
  categories: Category[]
  communes: Commune[]
  centre: SearchCentre | null
  /** Offered while no commune is chosen, as on the home page: choosing one then searches around it. */
  defaultRadiusKm: number
}) {
  const tree = categoryTree(categories)
  const usesPosition = search.lat !== undefined && search.lng !== undefined
  return (
    <form action="/recherche" method="get" id="filtres" role="search" aria-label="Filtres de recherche" data-instant="">
      <div className="field">
        <label htmlFor="q">Mots recherchés</label>
        <input id="q" name="q" type="search" defaultValue={search.q ?? ''} placeholder="Boulangerie, plombier…" />
      </div>
      <div className="field">
        <label htmlFor="categorie">Catégorie</label>
        <select id="categorie" name="categorie" defaultValue={search.categorie ?? ''}>
          <option value="">Toutes les catégories</option>
          {tree.map(({ category, children }) => (
            <optgroup key={category.id} label={category.name}>
              <option value={category.slug ?? ''}>{`${category.name} (tout)`}</option>
              {children.map((c) => (
                <option key={c.id} value={c.slug ?? ''}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {usesPosition ? (
        <div className="field">
          <p className="notice-box">
            Autour de votre position.{' '}
            <a href={`/recherche${search.q ? `?q=${encodeURIComponent(search.q)}` : ''}`}>Choisir une commune à la place</a>
          </p>
          <input type="hidden" name="lat" value={search.lat} />
          <input type="hidden" name="lng" value={search.lng} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor="commune">Commune</label>
          <CommuneSelect id="commune" communes={communes} value={search.commune} />
        </div>
      )}
      <div className="field">
        <label htmlFor="rayon">
          Distance <span className="hint">{usesPosition ? '(autour de votre position)' : '(autour de la commune choisie)'}</span>
        </label>
        <RadiusSelect id="rayon" value={search.rayon ?? (usesPosition ? (centre?.radiusKm ?? undefined) : search.commune ? undefined : defaultRadiusKm)} />
      </div>
      <p className="geo-only" hidden>
        <button type="button" className="button-link" data-near-me="">
          Chercher autour de ma position
        </button>
      </p>
      <Checks
        name="type"
        legend="Type de fiche"
        options={(Object.keys(KIND_SEGMENTS) as Array<keyof typeof KIND_SEGMENTS>).map((k) => ({ value: KIND_SEGMENTS[k], label: KIND_LABELS[k].many }))}
        selected={search.type}
      />
      <Checks
        name="annonce"
        legend="Type d’annonce"
        options={(Object.keys(ANNOUNCEMENT_SEGMENTS) as Array<keyof typeof ANNOUNCEMENT_SEGMENTS>).map((k) => ({
          value: ANNOUNCEMENT_SEGMENTS[k],
          label: ANNOUNCEMENT_LABELS[k],
        }))}
        selected={search.annonce}
      />
      <Checks
        name="tarif"
        legend="Tarif"
        options={(Object.keys(PRICE_SEGMENTS) as Array<keyof typeof PRICE_SEGMENTS>).map((k) => ({ value: PRICE_SEGMENTS[k], label: PRICE_LABELS[k] }))}
        selected={search.tarif}
      />
      <div className="field">
        <label htmlFor="tri">Trier par</label>
        <select id="tri" name="tri" defaultValue={search.tri ?? ''}>
          <option value="">Automatique</option>
          {(Object.keys(SORT_SEGMENTS) as Array<keyof typeof SORT_SEGMENTS>)
            .filter((k) => k !== 'distance' || centre)
            .map((k) => (
              <option key={k} value={SORT_SEGMENTS[k]}>
                {SORT_LABELS[k]}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="button">
        Afficher les résultats
      </button>
    </form>
  )
}
