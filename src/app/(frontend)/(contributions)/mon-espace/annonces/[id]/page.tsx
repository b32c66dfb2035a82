import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'

import { AnnouncementFields } from '../../../_components/AnnouncementFields'
import { findOwnAnnouncement } from '@/contributions/announcements'
import { categoryOptions, communeOptions } from '@/contributions/options'
import { refId } from '@/contributions/targets'
import { getViewer } from '@/site/viewer'
import { ErrorSummary, Form, FormGuardFields, type FormState } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'
import { getCurrentTerritory } from '@/site/territory'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Modifier mon annonce', robots: { index: false } }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditAnnouncementPage({ params, searchParams }: Props) {
  const { id } = await params
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect(`/connexion?suite=/mon-espace/annonces/${encodeURIComponent(id)}`)
  const payload = await sitePayload()
  const announcement = await findOwnAnnouncement(payload, viewer, id)
  if (!announcement) notFound()
  const territory = await getCurrentTerritory()
  const flashed = await formState('announcement-edit', query)
  const state: FormState = Object.keys(flashed.errors).length
    ? flashed
    : {
        errors: {},
        values: {
          kind: announcement.kind,
          title: announcement.title,
          body: announcement.body,
          category: String(refId(announcement.category as never) ?? ''),
          commune: String(refId(announcement.commune as never) ?? ''),
          priceType: announcement.priceType ?? 'free',
          expiresAt: announcement.expiresAt ? announcement.expiresAt.slice(0, 10) : '',
        },
      }
  const [categories, communes] = await Promise.all([categoryOptions(payload, territory?.id), communeOptions(payload, territory?.id)])
  return (
    <div className="container prose">
      <h1>Modifier « {announcement.title} »</h1>
      {announcement.status === 'published' ? (
        <p className="notice-box">Vos modifications sont publiées aussitôt ; la mairie pourra les relire.</p>
      ) : null}
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`/mon-espace/annonces/${announcement.id}/modifier`}>
          <FormGuardFields token={issueFormToken('announcement-edit', viewer.id)} />
          <AnnouncementFields state={state} categories={categories} communes={communes} />
          <button type="submit" className="button">
            Enregistrer
          </button>
        </Form>
      </div>
      <p>
        <a href="/mon-espace">Revenir à mon espace</a>
      </p>
    </div>
  )
}
