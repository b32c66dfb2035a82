import type { Commune } from '@/payload-types'

import { CommuneSelect, RadiusSelect } from './CommuneSelect'

/** The big search box of the home page: what, where, how far. A plain GET form. */
export function HomeSearchForm({ communes, defaultRadius }: { communes: Commune[]; defaultRadius: number }) {
  return (
    <form action="/recherche" method="get" role="search" className="home-search" aria-label="Rechercher dans l’annuaire">
      <div className="field field-wide">
        <label htmlFor="q-accueil">Que cherchez-vous ?</label>
        <input id="q-accueil" name="q" type="search" placeholder="Ex. : boulangerie, plombier" />
      </div>
      <div className="field">
        <label htmlFor="commune-accueil">Où ?</label>
        <CommuneSelect id="commune-accueil" communes={communes} emptyLabel="Tout le territoire" />
      </div>
      <div className="field">
        <label htmlFor="rayon-accueil">Autour de la commune</label>
        <RadiusSelect id="rayon-accueil" value={defaultRadius} />
      </div>
      <div className="field field-submit">
        <button type="submit" className="button button-large">
          Rechercher
        </button>
      </div>
      <p className="geo-only" hidden>
        <button type="button" className="button-link" data-near-me>
          Chercher autour de ma position
        </button>
      </p>
    </form>
  )
}
