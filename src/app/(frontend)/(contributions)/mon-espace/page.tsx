import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { AccountAlerts } from '@/components/site/account/AccountAlerts'
import { AccountAnnouncements } from '@/components/site/account/AccountAnnouncements'
import { AccountMessages } from '@/components/site/account/AccountMessages'
import { AccountProfiles } from '@/components/site/account/AccountProfiles'
import { accountModel } from '@/site/account'
import { sitePayload } from '@/site/payload'
import { getViewer } from '@/site/viewer'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Mon espace', robots: { index: false } }

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect('/connexion?suite=/mon-espace')
  const account = await accountModel(await sitePayload(), viewer, query)
  return (
    <div className="container">
      <h1>Mon espace</h1>
      <p>Bonjour {viewer.name}.</p>
      {account.notice ? (
        <div className="success-box" role="status">
          <p>{account.notice}</p>
        </div>
      ) : null}
      <ul className="account-nav">
        {account.canOpenAdmin ? (
          <li>
            <a href="/admin">Espace de gestion</a>
          </li>
        ) : null}
        <li>
          <a href="/annonces/nouvelle">Déposer une annonce</a>
        </li>
        <li>
          <a href="/inscrire-mon-activite">Inscrire mon entreprise ou mon association</a>
        </li>
        <li>
          <a href="/alertes">Créer une alerte e-mail</a>
        </li>
      </ul>

      <AccountAnnouncements announcements={account.announcements} viewerId={viewer.id} />
      <AccountProfiles profiles={account.profiles} />
      <AccountAlerts alerts={account.alerts} />
      <AccountMessages requests={account.requests} />

      <h2>Mes données personnelles</h2>
      <ul>
        <li>
          <a href="/mon-espace/mes-donnees" download>
            Télécharger toutes mes données (fichier JSON)
          </a>
        </li>
        <li>
          <a href="/mon-espace/adresse-email">Changer mon adresse e-mail</a> (aujourd’hui : {viewer.email})
        </li>
        <li>
          <a href="/mon-espace/supprimer-mon-compte">Supprimer mon compte</a>
        </li>
        <li>
          <a href="/confidentialite">Comment mes données sont traitées</a>
        </li>
      </ul>
    </div>
  )
}
