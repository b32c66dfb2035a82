import type { Metadata } from 'next'

import { verifyAccount } from '@/contributions/accounts'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmation de votre adresse e-mail', robots: { index: false } }

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { jeton } = await searchParams
  const outcome = await verifyAccount(await sitePayload(), jeton)
  return (
    <div className="container prose">
      {outcome === 'verified' ? (
        <>
          <h1>Adresse e-mail confirmée</h1>
          <div className="success-box" role="status">
            <p>Merci : votre compte est actif. Vous pouvez maintenant vous connecter.</p>
          </div>
          <p>
            <a className="button" href="/connexion">
              Se connecter
            </a>
          </p>
        </>
      ) : (
        <>
          <h1>Lien de confirmation invalide</h1>
          <div className="notice-box" role="status">
            <p>
              Ce lien n’est plus valable : il a peut-être déjà servi (votre adresse est alors déjà confirmée et vous pouvez
              vous connecter) ou il est incomplet. Copiez le lien entier depuis l’e-mail reçu.
            </p>
          </div>
          <p>
            <a href="/connexion">Se connecter</a>
          </p>
        </>
      )}
    </div>
  )
}
