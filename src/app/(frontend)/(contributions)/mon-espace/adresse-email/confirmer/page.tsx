import type { Metadata } from 'next'

import { addressWaitingFor, EMAIL_CHANGE_CONFIRM_PATH, EMAIL_CHANGE_PATH } from '@/contributions/emailChange'
import { sitePayload } from '@/site/payload'

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
  const address = resultat === 'invalide' ? null : await addressWaitingFor(await sitePayload(), jeton)
  if (!address) {
    return (
      <div className="container prose">
        <h1>Lien de confirmation invalide</h1>
        <div className="notice-box" role="status">
          <p>Ce lien ne sert plus. Peut-être :</p>
          <ul>
            <li>a-t-il déjà servi (l’adresse est alors déjà changée : connectez-vous avec la nouvelle) ;</li>
            <li>une demande plus récente l’a-t-elle remplacé (seul le lien du dernier e-mail reçu fonctionne) ;</li>
            <li>la demande a-t-elle plus de 24 heures, ou a-t-elle été annulée ;</li>
            <li>le lien est-il incomplet : copiez-le en entier depuis l’e-mail.</li>
          </ul>
        </div>
        <p>
          <a href={EMAIL_CHANGE_PATH}>Refaire une demande de changement d’adresse</a>
        </p>
      </div>
    )
  }
  return (
    <div className="container prose">
      <h1>Confirmer ma nouvelle adresse e-mail</h1>
      <p>
        Nouvelle adresse : <strong>{address}</strong>
      </p>
      <p>Un dernier clic : confirmez que cette adresse est bien la vôtre pour qu’elle devienne celle de votre compte.</p>
      <form method="post" action={`${EMAIL_CHANGE_CONFIRM_PATH}/envoyer`} className="contrib-form link-action">
        <input type="hidden" name="jeton" value={String(jeton)} />
        <button type="submit" className="button">
          Confirmer ma nouvelle adresse
        </button>
      </form>
    </div>
  )
}
