import type { Metadata } from 'next'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Désinscription', robots: { index: false } }

export default async function UnsubscribedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { invalide } = await searchParams
  return (
    <div className="container prose">
      <h1>{invalide ? 'Lien de désinscription invalide' : 'Vous êtes désinscrit'}</h1>
      <div className={invalide ? 'notice-box' : 'success-box'} role="status">
        <p>
          {invalide
            ? 'Ce lien est incomplet : copiez le lien entier depuis l’e-mail reçu, ou demandez la désinscription à votre mairie.'
            : 'Vous ne recevrez plus cette alerte. Vous pouvez en créer une autre à tout moment.'}
        </p>
      </div>
      <p>
        <a href="/alertes">Créer une alerte</a>
      </p>
    </div>
  )
}
