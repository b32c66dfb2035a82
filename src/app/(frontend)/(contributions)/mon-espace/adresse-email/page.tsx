import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { EMAIL_CHANGE_PATH, waitingAddressOf } from '@/contributions/emailChange'
import { ErrorSummary, Form, FormGuardFields, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getViewer } from '@/site/viewer'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Changer mon adresse e-mail', robots: { index: false } }

export default async function EmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion?suite=${EMAIL_CHANGE_PATH}`)
  const state = await formState('email-change', query)
  const pending = await waitingAddressOf(await sitePayload(), viewer.id)
  return (
    <div className="container prose">
      <h1>Changer mon adresse e-mail</h1>
      {query.envoye && pending ? (
        <div className="success-box" role="status">
          <p>
            Un e-mail vient d’être envoyé à <strong>{pending}</strong>. Ouvrez le lien qu’il contient (valable 24 heures) et appuyez sur
            « Confirmer ma nouvelle adresse » : elle deviendra alors celle de votre compte. D’ici là, vous vous connectez toujours avec{' '}
            {viewer.email}.
          </p>
        </div>
      ) : null}
      <p>
        Adresse actuelle : <strong>{viewer.email}</strong>. Elle sert à vous connecter et à recevoir les messages du site ; elle n’est
        jamais publiée.
      </p>
      {pending && !query.envoye ? (
        <p>
          Changement en attente : {pending} (pas encore confirmé par le lien envoyé à cette adresse). Une nouvelle demande remplace
          celle-ci.
        </p>
      ) : null}
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`${EMAIL_CHANGE_PATH}/envoyer`}>
          <FormGuardFields token={issueFormToken('email-change', viewer.id)} />
          <TextField
            name="newEmail"
            label="Nouvelle adresse e-mail"
            type="email"
            state={state}
            required
            autoComplete="email"
            hint="Nous y enverrons un lien : l’adresse ne change qu’une fois confirmée depuis ce lien."
          />
          <TextField
            name="currentPassword"
            label="Votre mot de passe actuel"
            type="password"
            state={state}
            required
            autoComplete="current-password"
            hint="Pour vérifier que c’est bien vous."
          />
          <p>
            <a href="/mot-de-passe-oublie">Mot de passe oublié ? En choisir un nouveau</a>
          </p>
          <button type="submit" className="button">
            Recevoir le lien de confirmation
          </button>
        </Form>
      </div>
      <p>
        <a href="/mon-espace">Revenir à mon espace</a>
      </p>
    </div>
  )
}
