import type { Metadata } from 'next'

import { confirmContact } from '@/contributions/relay'
import { sitePayload } from '@/site/payload'
import { currentOrigin, currentPrefix } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmation de votre message', robots: { index: false } }

const MESSAGES = {
  sent: { title: 'Message envoyé', text: 'Merci : votre adresse est confirmée et votre message a été transmis. La réponse vous arrivera par e-mail.' },
  'already-confirmed': { title: 'Message déjà confirmé', text: 'Déjà confirmé, merci : votre message a bien été transmis. Inutile de recommencer, la réponse vous arrivera par e-mail.' },
  expired: { title: 'Lien expiré', text: 'Ce lien a expiré (il est valable 48 heures) : votre message n’a pas été envoyé. Écrivez-le à nouveau depuis la fiche.' },
  unknown: { title: 'Lien invalide', text: 'Ce lien n’est pas valide : vérifiez qu’il est complet, ou écrivez votre message à nouveau depuis la fiche.' },
} as const

export default async function ConfirmContactPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { jeton } = await searchParams
  const outcome = await confirmContact(await sitePayload(), jeton, `${await currentOrigin()}${await currentPrefix()}`)
  const message = MESSAGES[outcome]
  return (
    <div className="container prose">
      <h1>{message.title}</h1>
      <div className={outcome === 'sent' || outcome === 'already-confirmed' ? 'success-box' : 'notice-box'} role="status">
        <p>{message.text}</p>
      </div>
      <p>
        <a href="/">Revenir à l’accueil</a>
      </p>
    </div>
  )
}
