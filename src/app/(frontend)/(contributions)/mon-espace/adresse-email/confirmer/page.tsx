import type { Metadata } from 'next'

import { looksLikeToken } from '@/contributions/tokens'
import { EMAIL_CHANGE_CONFIRM_PATH } from '@/contributions/emailChange'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmer ma nouvelle adresse e-mail', robots: { index: false } }

/**
 * The link of the e-mail sent to a new address. Opening it changes nothing (a browser that asks
 * twice or a mail scanner must not use the one-time token): the button POSTs it.
 */
export default async function EmailChangeConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { jeton, resultat } = await searchParams
  if (resultat === 'change') {
    return (
      <div className="container prose">
        <h1>Nouvelle adresse e-mail enregistrée</h1>
        <div className="success-box" role="status">
          <p>C’est fait : connectez-vous désormais avec cette nouvelle adresse. L’ancienne a reçu un message qui le signale.</p>
        </div>
        <p>
          <a href="/mon-espace">Aller à mon espace</a>
        </p>
      </div>
    )
  }
  if (resultat === 'prise') {
    return (
      <div className="container prose">
        <h1>Adresse déjà utilisée</h1>
        <div className="notice-box" role="status">
          <p>
            Cette adresse est déjà celle d’un autre compte de l’annuaire : elle n’a pas été reprise. Le compte qui l’a demandée garde son
            adresse actuelle. Si l’autre compte est le vôtre, connectez-vous avec lui.
          </p>
        </div>
        <p>
          <a href="/connexion">Se connecter</a>
        </p>
      </div>
    )
  }
  if (resultat === 'invalide' || !looksLikeToken(jeton)) {
    return (
      <div className="container prose">
        <h1>Lien de confirmation invalide</h1>
        <div className="notice-box" role="status">
          <p>
            Ce lien n’est plus valable : il a déjà servi, il a plus de 24 heures ou il est incomplet (copiez le lien entier depuis l’e-mail).
            Pour recommencer, connectez-vous puis choisissez « Changer mon adresse e-mail » dans votre espace.
          </p>
        </div>
        <p>
          <a href="/mon-espace/adresse-email">Changer mon adresse e-mail</a>
        </p>
      </div>
    )
  }
  return (
    <div className="container prose">
      <h1>Confirmer ma nouvelle adresse e-mail</h1>
      <p>Un dernier clic : confirmez que cette adresse est bien la vôtre pour qu’elle devienne celle de votre compte.</p>
      <form method="post" action={`${EMAIL_CHANGE_CONFIRM_PATH}/envoyer`} className="contrib-form link-action">
        <input type="hidden" name="jeton" value={jeton} />
        <button type="submit" className="button">
          Confirmer ma nouvelle adresse
        </button>
      </form>
    </div>
  )
}
