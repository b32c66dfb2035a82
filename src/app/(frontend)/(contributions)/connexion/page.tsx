import type { Metadata } from 'next'

import { LOGIN_UNVERIFIED } from '@/contributions/accounts'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, TextField, valueOf } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { safeNext } from '@/forms/handle'
import { formState } from '@/forms/pageState'

import { ResendVerificationForm } from '../_components/ResendVerificationForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Se connecter', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Why a visitor sent here by a button must log in first, by where the button leads. */
const REASONS: Array<[prefix: string, doing: string]> = [
  ['/annonces/nouvelle', 'Pour déposer une annonce'],
  ['/inscrire-mon-activite', 'Pour inscrire votre activité'],
]

function AccountNeeded({ next }: { next: string }) {
  const doing = REASONS.find(([prefix]) => next.startsWith(prefix))?.[1]
  if (!doing) return null
  return (
    <p className="notice-box">
      {doing}, il faut un compte, gratuit : connectez-vous ci-dessous, ou <a href="/inscription">créez un compte</a> en
      donnant votre nom, votre adresse e-mail et un mot de passe. Votre adresse n’est jamais publiée.
    </p>
  )
}

export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams
  const viewer = await getViewer()
  const state = await formState('login', query)
  const next = safeNext(query.suite)
  return (
    <div className="container prose">
      <h1>Se connecter</h1>
      {query.deconnecte ? (
        <div className="success-box" role="status">
          <p>Vous êtes déconnecté.</p>
        </div>
      ) : null}
      {query.reinitialise ? (
        <div className="success-box" role="status">
          <p>Votre mot de passe est changé : connectez-vous avec le nouveau.</p>
        </div>
      ) : null}
      {viewer ? (
        <p>
          Vous êtes connecté en tant que {viewer.name}. <a href="/mon-espace">Ouvrir mon espace</a>
        </p>
      ) : (
        <div id="formulaire">
          <AccountNeeded next={next} />
          <ErrorSummary state={state} />
          <Form action={`/connexion/envoyer?suite=${encodeURIComponent(next)}`}>
            <FormGuardFields token={issueFormToken('login', null)} />
            <TextField name="email" label="Adresse e-mail" type="email" state={state} required autoComplete="email" />
            <TextField name="password" label="Mot de passe" type="password" state={state} required autoComplete="current-password" />
            <button type="submit" className="button">
              Se connecter
            </button>
          </Form>
          <p>
            <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a> · Pas encore de compte ? <a href="/inscription">Créer un compte</a>
          </p>
          {state.errors._form === LOGIN_UNVERIFIED ? <ResendVerificationForm email={valueOf(state, 'email')} /> : null}
        </div>
      )}
    </div>
  )
}
