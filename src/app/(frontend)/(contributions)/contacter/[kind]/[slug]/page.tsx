import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { EXAMPLE_CONTACT_MESSAGE, findTarget, relaysNothing } from '@/contributions/targets'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, TextArea, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'
import { entryPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Envoyer un message', robots: { index: false } }

type Props = {
  params: Promise<{ kind: string; slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const OUTCOMES: Record<string, string> = {
  sent: 'Votre message a été transmis. La réponse vous parviendra par e-mail, sans que votre adresse soit communiquée.',
  confirm:
    'Presque fini : nous vous avons envoyé un e-mail. Cliquez sur le lien qu’il contient pour confirmer votre adresse, et votre message partira aussitôt.',
  flagged: 'Votre message a été reçu. Il sera relu par la mairie avant d’être transmis.',
}

export default async function ContactPage({ params, searchParams }: Props) {
  const { kind, slug } = await params
  const query = await searchParams
  const territory = await getCurrentTerritory()
  const payload = await sitePayload()
  const target = await findTarget(payload, kind, decodeURIComponent(slug), territory?.id)
  if (!target) notFound()
  const viewer = await getViewer()
  const state = await formState('contact', query)
  const back = entryPath(target.kind, target.slug)
  const outcome = typeof query.envoye === 'string' ? OUTCOMES[query.envoye] : undefined
  return (
    <div className="container prose">
      <Breadcrumbs items={[{ href: back, label: target.title }, { label: 'Envoyer un message' }]} />
      <h1>Envoyer un message à « {target.title} »</h1>
      {relaysNothing(target) ? (
        <div className="notice-box" role="status">
          <p>{EXAMPLE_CONTACT_MESSAGE}</p>
          <p>
            <a href={back}>Revenir à « {target.title} »</a>
          </p>
        </div>
      ) : outcome ? (
        <div className="success-box" role="status">
          <p>{outcome}</p>
          <p>
            <a href={back}>Revenir à « {target.title} »</a>
          </p>
        </div>
      ) : (
        <>
          <p>
            Votre message est transmis par e-mail, sans votre adresse. Votre correspondant vous répond par le site et la
            réponse vous arrive par e-mail : aucun de vous deux ne voit l’adresse de l’autre, sauf à l’écrire soi-même.
          </p>
          <div id="formulaire">
            <ErrorSummary state={state} />
            <Form action={`/contacter/${encodeURIComponent(kind)}/${encodeURIComponent(target.slug)}/envoyer`}>
              <FormGuardFields token={issueFormToken('contact', viewer?.id)} />
              <TextField name="senderName" label="Votre nom" state={state} required autoComplete="name" maxLength={100} defaultValue={viewer?.name ?? ''} />
              {viewer ? (
                <p>Vous êtes connecté : la réponse arrivera à l’adresse de votre compte.</p>
              ) : (
                <TextField
                  name="senderEmail"
                  label="Votre adresse e-mail"
                  type="email"
                  state={state}
                  required
                  autoComplete="email"
                  hint="Nous vous enverrons un lien pour la confirmer ; elle n’est jamais affichée."
                />
              )}
              <TextArea name="message" label="Votre message" state={state} required maxLength={3000} hint="Entre 10 et 3 000 caractères." />
              <button type="submit" className="button">
                Envoyer le message
              </button>
            </Form>
          </div>
          <p>
            <a href={back}>Annuler et revenir à « {target.title} »</a>
          </p>
        </>
      )}
    </div>
  )
}
