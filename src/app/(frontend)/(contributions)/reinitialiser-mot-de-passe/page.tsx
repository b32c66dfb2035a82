import type { Metadata } from 'next'

import { passwordHint } from '@/auth/passwordPolicy'

import { ErrorSummary, Form, FormGuardFields, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState, } from '@/forms/pageState'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Nouveau mot de passe', robots: { index: false } }

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const state = await formState('reset', query)
  const token = typeof query.jeton === 'string' ? query.jeton : ''
  return (
    <div className="container prose">
      <h1>Choisir un nouveau mot de passe</h1>
      {!/^[a-f0-9]{20,128}$/i.test(token) ? (
        <div className="notice-box" role="status">
          <p>
            Ce lien n’est pas valide : il est incomplet. Copiez le lien entier depuis l’e-mail reçu, ou{' '}
            <a href="/mot-de-passe-oublie">demandez-en un nouveau</a>.
          </p>
        </div>
      ) : (
        <div id="formulaire">
          <ErrorSummary state={state} />
          <Form action={`/reinitialiser-mot-de-passe/envoyer?jeton=${encodeURIComponent(token)}`}>
            <FormGuardFields token={issueFormToken('reset', null)} />
            <input type="hidden" name="token" value={token} />
            <TextField name="password" label="Nouveau mot de passe" type="password" state={state} required autoComplete="new-password" hint={passwordHint()} />
            <TextField name="passwordConfirm" label="Confirmez le mot de passe" type="password" state={state} required autoComplete="new-password" />
            <button type="submit" className="button">
              Enregistrer le mot de passe
            </button>
          </Form>
          <p>
            <a href="/mot-de-passe-oublie">Demander un nouveau lien</a>
          </p>
        </div>
      )}
    </div>
  )
}
