import type { Metadata } from 'next'

import { confirmAlert } from '@/contributions/alerts'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmation de votre alerte', robots: { index: false } }

const MESSAGES = {
  confirmed: { title: 'Alerte confirmée', text: 'Merci : vous recevrez désormais, une fois par jour au plus, les nouveautés qui correspondent à votre recherche.' },
  'already-confirmed': { title: 'Alerte déjà confirmée', text: 'Déjà confirmée, merci : votre alerte est active. Inutile de recommencer.' },
  expired: { title: 'Lien expiré', text: 'Ce lien a expiré (il est valable 7 jours) : créez l’alerte à nouveau.' },
  unknown: { title: 'Lien invalide', text: 'Ce lien n’est pas valide : vérifiez qu’il est complet, ou créez l’alerte à nouveau.' },
} as const

export default async function ConfirmAlertPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { jeton } = await searchParams
  const outcome = await confirmAlert(await sitePayload(), jeton)
  const message = MESSAGES[outcome]
  return (
    <div className="container prose">
      <h1>{message.title}</h1>
      <div className={outcome === 'confirmed' || outcome === 'already-confirmed' ? 'success-box' : 'notice-box'} role="status">
        <p>{message.text}</p>
      </div>
      <p>
        <a href={outcome === 'confirmed' || outcome === 'already-confirmed' ? '/' : '/alertes'}>
          {outcome === 'confirmed' || outcome === 'already-confirmed' ? 'Revenir à l’accueil' : 'Créer une alerte'}
        </a>
      </p>
    </div>
  )
}
