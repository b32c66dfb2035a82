import type { Metadata } from 'next'

import { ErrorSummary, Form, FormGuardFields, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Mot de passe oublié', robots: { index: false } }

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const state = await formState('forgot', query)
  return (
    <div className="container prose">
      <h1>Mot de passe oublié</h1>
      {query.envoye ? (
        <div className="success-box" role="status">
          <p>
            Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau
            mot de passe. Ce lien est valable une heure.
          </p>
        </div>
      ) : (
        <div id="formulaire">
          <p>Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
          <ErrorSummary state={state} />
          <Form action="/mot-de-passe-oublie/envoyer">
            <FormGuardFields token={issueFormToken('forgot', null)} />
            <TextField name="email" label="Adresse e-mail" type="email" state={state} required autoComplete="email" />
            <button type="submit" className="button">
              Recevoir le lien
            </button>
          </Form>
        </div>
      )}
    </div>
  )
}
