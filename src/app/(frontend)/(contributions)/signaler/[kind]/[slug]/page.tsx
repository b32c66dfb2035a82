import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { REPORT_REASONS } from '@collections/Reports'
import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { findTarget } from '@/contributions/targets'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, RadioGroup, TextArea, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'
import { entryPath } from '@/territories/urls'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Signaler un problème', robots: { index: false } }

type Props = {
  params: Promise<{ kind: string; slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { kind, slug } = await params
  const query = await searchParams
  const territory = await getCurrentTerritory()
  const target = await findTarget(await sitePayload(), kind, decodeURIComponent(slug), territory?.id)
  if (!target) notFound()
  const viewer = await getViewer()
  const state = await formState('report', query)
  const back = entryPath(target.kind, target.slug)
  return (
    <div className="container prose">
      <Breadcrumbs items={[{ href: back, label: target.title }, { label: 'Signaler un problème' }]} />
      <h1>Signaler un problème : « {target.title} »</h1>
      {query.envoye ? (
        <div className="success-box" role="status">
          <p>Merci : votre signalement a été transmis à l’équipe qui modère l’annuaire. Il sera examiné rapidement.</p>
          <p>
            <a href={back}>Revenir à « {target.title} »</a>
          </p>
        </div>
      ) : (
        <div id="formulaire">
          <p>Une information fausse, une activité fermée, un contenu choquant ? Dites-le-nous : la mairie vérifiera.</p>
          <ErrorSummary state={state} />
          <Form action={`/signaler/${encodeURIComponent(kind)}/${encodeURIComponent(target.slug)}/envoyer`}>
            <FormGuardFields token={issueFormToken('report', viewer?.id)} />
            <RadioGroup name="reason" legend="Motif" state={state} required options={REPORT_REASONS.map((r) => ({ value: r.value, label: r.label }))} />
            <TextArea name="message" label="Précisions" state={state} maxLength={2000} hint="Facultatif, sauf pour « Autre raison »." />
            <TextField
              name="reporterEmail"
              label="Votre adresse e-mail"
              type="email"
              state={state}
              autoComplete="email"
              hint="Facultatif : seulement si vous acceptez que la mairie vous recontacte. Elle n’est jamais publiée."
            />
            <button type="submit" className="button">
              Envoyer le signalement
            </button>
          </Form>
          <p>
            <a href={back}>Annuler et revenir à « {target.title} »</a>
          </p>
        </div>
      )}
    </div>
  )
}
