import type { Metadata } from 'next'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Se désinscrire d’une alerte', robots: { index: false } }

/** Reached from the unsubscribe link of a digest: nothing happens until the button is pressed. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { alerte, signature } = await searchParams
  const valid = typeof alerte === 'string' && /^[\w-]{1,40}$/.test(alerte) && typeof signature === 'string' && /^[\w-]{10,64}$/.test(signature)
  if (!valid) {
    return (
      <div className="container prose">
        <h1>Lien de désinscription invalide</h1>
        <div className="notice-box" role="status">
          <p>Ce lien est incomplet : copiez le lien entier depuis l’e-mail reçu.</p>
        </div>
        <p>
          <a href="/alertes">Créer une alerte</a>
        </p>
      </div>
    )
  }
  const action = `/alertes/desinscription?${new URLSearchParams({ alerte, signature })}`
  return (
    <div className="container prose">
      <h1>Se désinscrire de cette alerte</h1>
      <p>Vous ne recevrez plus les nouveautés de cette recherche. Vous pourrez en créer une autre à tout moment.</p>
      <form method="post" action={action} className="contrib-form link-action">
        <input type="hidden" name="depuis" value="page" />
        <button type="submit" className="button">
          Me désinscrire
        </button>
      </form>
      <p>
        <a href="/">Rester inscrit et revenir à l’accueil</a>
      </p>
    </div>
  )
}
