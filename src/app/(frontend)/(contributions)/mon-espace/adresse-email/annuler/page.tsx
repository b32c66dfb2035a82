import type { Metadata } from 'next'

import { EMAIL_CHANGE_CANCEL_PATH } from '@/contributions/emailChange'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Annuler un changement d’adresse e-mail', robots: { index: false } }

/**
 * The « Annuler cette demande » link of the notice sent to the current address. Opening it
 * changes nothing (a mail scanner follows links): the button POSTs the signed link.
 */
export default async function EmailChangeCancelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { compte, signature, resultat } = await searchParams
  if (resultat === 'annule') {
    return (
      <div className="container prose">
        <h1>Demande annulée</h1>
        <div className="success-box" role="status">
          <p>
            Votre compte garde son adresse e-mail ; le lien envoyé à l’autre adresse ne fonctionne plus. Si quelqu’un d’autre utilise votre
            compte, choisissez maintenant un nouveau mot de passe : cela ferme toutes les autres connexions.
          </p>
        </div>
        <p>
          <a className="button" href="/mot-de-passe-oublie">
            Choisir un nouveau mot de passe
          </a>
        </p>
      </div>
    )
  }
  if (resultat === 'invalide' || typeof compte !== 'string' || typeof signature !== 'string') {
    return (
      <div className="container prose">
        <h1>Lien d’annulation invalide</h1>
        <div className="notice-box" role="status">
          <p>
            Ce lien ne sert plus : la demande a déjà été confirmée, annulée ou remplacée par une plus récente, ou elle a plus de 24 heures. Si
            l’adresse de votre compte a changé sans votre accord, prévenez votre mairie.
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="container prose">
      <h1>Annuler le changement d’adresse e-mail</h1>
      <p>Votre compte gardera son adresse actuelle et le lien envoyé à la nouvelle adresse ne fonctionnera plus.</p>
      <form method="post" action={`${EMAIL_CHANGE_CANCEL_PATH}/envoyer`} className="contrib-form link-action">
        <input type="hidden" name="compte" value={compte} />
        <input type="hidden" name="signature" value={signature} />
        <button type="submit" className="button">
          Annuler la demande
        </button>
      </form>
    </div>
  )
}
