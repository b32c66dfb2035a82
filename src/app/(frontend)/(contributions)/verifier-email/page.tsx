import type { Metadata } from 'next'

import { formState } from '@/forms/pageState'

import { ResendVerificationForm } from '../_components/ResendVerificationForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmation de votre adresse e-mail', robots: { index: false } }

const TOKEN = /^[a-f0-9]{20,128}$/i

/**
 * The link of the verification e-mail. Opening it changes nothing (a browser that asks twice
 * or a mail scanner must not use the one-time token): the button POSTs it.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const { jeton, confirmee, invalide, renvoyer, renvoye } = query
  if (renvoye) {
    return (
      <div className="container prose">
        <h1>E-mail de confirmation</h1>
        <div className="success-box" role="status">
          <p>
            Si un compte attend sa confirmation avec cette adresse, un nouvel e-mail vient de lui être envoyé : cliquez sur le
            lien qu’il contient, puis connectez-vous. Pensez à regarder dans les courriers indésirables.
          </p>
        </div>
        <p>
          <a href="/connexion">Se connecter</a>
        </p>
      </div>
    )
  }
  if (renvoyer) {
    return (
      <div className="container prose">
        <h1>Renvoyer l’e-mail de confirmation</h1>
        <div id="formulaire">
          <ResendVerificationForm state={await formState('resend-verification', query)} heading={false} />
        </div>
      </div>
    )
  }
  if (confirmee) {
    return (
      <div className="container prose">
        <h1>Adresse e-mail confirmée</h1>
        <div className="success-box" role="status">
          <p>Merci : votre compte est actif. Vous pouvez maintenant vous connecter.</p>
        </div>
        <p>
          <a className="button" href="/connexion">
            Se connecter
          </a>
        </p>
      </div>
    )
  }
  if (invalide || typeof jeton !== 'string' || !TOKEN.test(jeton)) {
    return (
      <div className="container prose">
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
        <ResendVerificationForm />
      </div>
    )
  }
  return (
    <div className="container prose">
      <h1>Confirmer votre adresse e-mail</h1>
      <p>Un dernier clic : confirmez que cette adresse est bien la vôtre pour activer votre compte.</p>
      <form method="post" action="/verifier-email/envoyer" className="contrib-form link-action">
        <input type="hidden" name="jeton" value={jeton} />
        <button type="submit" className="button">
          Confirmer mon adresse e-mail
        </button>
      </form>
    </div>
  )
}
