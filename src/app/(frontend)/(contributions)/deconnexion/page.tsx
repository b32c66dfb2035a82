import type { Metadata } from 'next'

import { getViewer } from '@/site/viewer'
import { Form, FormGuardFields } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Se déconnecter', robots: { index: false } }

export default async function LogoutPage() {
  const viewer = await getViewer()
  return (
    <div className="container prose">
      <h1>Se déconnecter</h1>
      {viewer ? (
        <Form action="/deconnexion/envoyer">
          <FormGuardFields token={issueFormToken('logout', viewer.id)} />
          <p>Vous êtes connecté en tant que {viewer.name}.</p>
          <button type="submit" className="button">
            Me déconnecter
          </button>
        </Form>
      ) : (
        <p>
          Vous n’êtes pas connecté. <a href="/connexion">Se connecter</a>
        </p>
      )}
    </div>
  )
}
