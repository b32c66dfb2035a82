import type { Territory } from '@/payload-types'
import { LEGAL_PATHS, OPEN_DATA_PATH } from '@/territories/urls'

import { PhoneLink } from './PhoneLink'

export function SiteFooter({ territory }: { territory: Territory | null }) {
  return (
    <footer className="site-footer">
      <div className="container footer-body">
        <div>
          <p className="footer-name">{territory?.name ?? 'Annuaire local'}</p>
          {territory?.address ? <p className="footer-address">{territory.address}</p> : null}
          {territory?.contactPhone ? (
            <p>
              Téléphone : <PhoneLink phone={territory.contactPhone} />
            </p>
          ) : null}
          <p className="footer-note">
            Pas d’accès à internet ? L’annuaire imprimé de votre commune est disponible à la mairie ; on peut aussi
            l’imprimer depuis la <a href="/communes">page de chaque commune</a>.
          </p>
        </div>
        <nav aria-label="Pied de page">
          <ul className="footer-links">
            <li>
              <a href={LEGAL_PATHS['mentions-legales']}>Mentions légales</a>
            </li>
            <li>
              <a href={LEGAL_PATHS.confidentialite}>Données personnelles</a>
            </li>
            <li>
              <a href={LEGAL_PATHS.accessibilite}>Accessibilité : non conforme</a>
            </li>
            <li>
              <a href={LEGAL_PATHS['a-propos']}>À propos</a>
            </li>
            <li>
              <a href={OPEN_DATA_PATH}>Données ouvertes</a>
            </li>
            <li>
              <a href="/plan-du-site">Plan du site</a>
            </li>
            <li>
              <a href="/inscription">Créer un compte</a>
            </li>
            <li>
              <a href="/inscrire-mon-activite">Inscrire mon activité</a>
            </li>
            <li>
              <a href="/alertes">Alertes e-mail</a>
            </li>
            <li>
              <a href="/admin">Espace de gestion (mairies)</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
