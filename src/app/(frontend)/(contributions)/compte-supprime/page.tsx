import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Compte supprimé', robots: { index: false } }

export default function AccountDeletedPage() {
  return (
    <div className="container prose">
      <h1>Votre compte est supprimé</h1>
      <div className="success-box" role="status">
        <p>Votre compte, vos annonces et vos alertes ont été supprimés ; les messages que vous aviez envoyés sont anonymisés.</p>
      </div>
      <p>
        <a href="/">Revenir à l’accueil de l’annuaire</a>
      </p>
    </div>
  )
}
