import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'

import { fillLegalText, LEGAL_TEXTS, type LegalSlug } from '@collections/Pages/defaults'
import { findLegalPage } from '@/site/legal'
import { pageMetadata } from '@/site/metadata'
import { getCurrentTerritory, requireTerritory } from '@/site/territory'
import { LEGAL_PATHS } from '@/territories/urls'

import { Breadcrumbs } from './Breadcrumbs'
import { ProcessingRegister } from './ProcessingRegister'

export async function legalMetadata(slug: LegalSlug): Promise<Metadata> {
  const territory = await getCurrentTerritory()
  const page = territory ? await findLegalPage(slug, territory.id) : null
  return pageMetadata({ title: page?.title ?? LEGAL_TEXTS[slug].title, path: LEGAL_PATHS[slug] })
}

/** A legal page as edited in the admin, or its default text while none exists. */
export async function LegalPage({ slug }: { slug: LegalSlug }) {
  const territory = await requireTerritory()
  const page = await findLegalPage(slug, territory.id)
  const fallback = fillLegalText(LEGAL_TEXTS[slug], territory)
  const title = page?.title ?? fallback.title
  return (
    <div className="container prose">
      <Breadcrumbs items={[{ label: title }]} />
      <h1>{title}</h1>
      {page?.content ? (
        <RichText data={page.content as never} disableContainer />
      ) : (
        fallback.blocks.map((block, i) =>
          'h2' in block ? (
            <h2 key={i}>{block.h2}</h2>
          ) : 'p' in block ? (
            <p key={i}>{block.p}</p>
          ) : (
            <ul key={i}>
              {block.ul.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ),
        )
      )}
      {slug === 'confidentialite' ? <ProcessingRegister /> : null}
      {page?.updatedAt ? (
        <p className="hint">
          Mise à jour le {new Date(page.updatedAt).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })}.
        </p>
      ) : null}
    </div>
  )
}
