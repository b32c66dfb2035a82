import type { Metadata } from 'next'

import { passwordHint } from '@/auth/passwordPolicy'

import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'

import { ResendVerificationForm } from '../_components/ResendVerificationForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Créer un compte', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignUpPage({ searchParams }: Props) {
  const query = await searchParams
  const viewer = await getViewer()
  const state = await formState('signup', query)
  return (
    <div className="container prose">
      <h1>Créer un compte</h1>
      {query.envoye ? (
        <>
          <div className="success-box" role="status">
            <p>
              Votre compte est créé. Nous vous avons envoyé un e-mail : cliquez sur le lien qu’il contient pour confirmer
              votre adresse, puis connectez-vous.
            </p>
          </div>
          <ResendVerificationForm />
        </>
      ) : viewer ? (
        <p>
          Vous êtes déjà connecté. <a href="/mon-espace">Ouvrir mon espace</a>
        </p>
      ) : (
        <div id="formulaire">
          <p>
            Un compte vous permet de déposer des annonces, d’inscrire votre entreprise ou votre association et de suivre
            les messages reçus. Déjà inscrit ? <a href="/connexion">Se connecter</a>
          </p>
          <ErrorSummary state={state} />
          <Form action="/inscription/envoyer">
            <FormGuardFields token={issueFormToken('signup', null)} />
            <TextField name="name" label="Votre nom" state={state} required autoComplete="name" maxLength={100} hint="Affiché seulement à l’équipe de la mairie." />
            <TextField name="email" label="Adresse e-mail" type="email" state={state} required autoComplete="email" hint="Jamais affichée sur le site." />
            <TextField name="password" label="Mot de passe" type="password" state={state} required autoComplete="new-password" hint={passwordHint()} />
            <TextField name="passwordConfirm" label="Confirmez le mot de passe" type="password" state={state} required autoComplete="new-password" />
            <button type="submit" className="button">
              Créer mon compte
            </button>
          </Form>
        </div>
      )}
    </div>
  )
}
