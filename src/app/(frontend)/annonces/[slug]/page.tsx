import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DetailActions, ExampleNotice } from '@/components/site/DetailActions'
import { ExampleBadge } from '@/components/site/ExampleBadge'
import { NotFoundContent } from '@/components/site/NotFoundContent'
import { AnnouncementExtras } from '@/components/site/AnnouncementExtras'
import { MairieContactBox } from '@/components/site/MairieContactBox'
import type { Media } from '@/payload-types'
import { findEntry, relationId } from '@/site/directory'
import { ANNOUNCEMENT_LABELS, formatDate, PRICE_LABELS } from '@/site/labels'
import { mairieContact } from '@/site/mairie'
import { pageMetadata } from '@/site/metadata'
import { getCurrentTerritory } from '@/site/territory'
import { categoryPath, communePath, entryPath, mediaPath } from '@/territories/urls'
import { trackView } from '@/stats/track'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

async function load(slug: string) {
  const territory = await getCurrentTerritory()
  return territory ? findEntry('announcements', decodeURIComponent(slug), territory.id) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await load((await params).slug)
  if (!entry) return { title: 'Page introuvable', robots: { index: false } }
  return pageMetadata({ title: entry.title, description: entry.body, path: entryPath('announcements', entry.slug ?? String(entry.id)), type: 'article' })
}

function fileSize(bytes: number | null | undefined): string {
  if (!bytes) return ''
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo` : `${Math.max(1, Math.round(bytes / 1024))} Ko`
}

/** A notice's poster (shown) or PDF document (a download link saying what it is and its size). */
function NoticeAttachment({ media }: { media: number | Media | null | undefined }) {
  if (!media || typeof media !== 'object' || !media.url) return null
  if (media.mimeType === 'application/pdf') {
    return (
      <p className="notice-attachment">
        <a href={mediaPath(media.url)} type="application/pdf">
          Télécharger le document : {media.alt} <span className="hint">(PDF, {fileSize(media.filesize)})</span>
        </a>
      </p>
    )
  }
  return (
    <figure className="notice-attachment">
      <img src={mediaPath(media.sizes?.card?.url ?? media.url)} alt={media.alt} loading="lazy" />
    </figure>
  )
}

/** Beside a municipal notice: the mairie to call or visit (else the intercommunalité's contact). */
function NoticeContact({ contact }: { contact: ReturnType<typeof mairieContact> }) {
  if (!contact) return <p>Pour toute question, adressez-vous à votre mairie.</p>
  return (
    <>
      <p>{contact.isMairie ? 'Pour toute question, adressez-vous à la mairie :' : 'Pour toute question, contactez l’intercommunalité :'}</p>
      <MairieContactBox contact={contact} />
    </>
  )
}

/**
 * An offer, a need or a municipal notice. The author is never shown: neither name nor
 * contact; answers go through the relay.
 */
export default async function AnnouncementPage({ params }: Props) {
  const territory = await getCurrentTerritory()
  const entry = await load((await params).slug)
  if (!territory || !entry) return <NotFoundContent />
  await trackView({ territory: territory.id, kind: 'announcements', id: entry.id, communeId: relationId(entry.commune), categoryIds: [entry.category] })
  const commune = typeof entry.commune === 'object' ? entry.commune : null
  const category = typeof entry.category === 'object' ? entry.category : null
  const slug = entry.slug ?? String(entry.id)
  const isNotice = entry.kind === 'notice'
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          isNotice ? { href: '/annonces?annonce=information', label: 'Informations municipales' } : { href: '/annonces', label: 'Offres et besoins' },
          { label: entry.title },
        ]}
      />
      <article>
        <header className="profile-header">
          <p className="card-kind">
            <span className="tag">{ANNOUNCEMENT_LABELS[entry.kind]}</span>
            {entry.isExample ? <ExampleBadge /> : null}
          </p>
          <h1>{entry.title}</h1>
        </header>
        {entry.isExample ? <ExampleNotice what="Cette annonce" relaysNothing /> : null}
        <div className="profile-layout">
          <div>
            <p className="description">{entry.body}</p>
            {isNotice ? <NoticeAttachment media={entry.attachment} /> : null}
            <dl className="meta-list">
              {commune ? (
                <>
                  <dt>Commune</dt>
                  <dd>
                    <a href={communePath(commune.slug)}>{commune.name}</a>
                  </dd>
                </>
              ) : null}
              {category ? (
                <>
                  <dt>Catégorie</dt>
                  <dd>
                    <a href={categoryPath(category.slug ?? String(category.id))}>{category.name}</a>
                  </dd>
                </>
              ) : null}
              {!isNotice ? (
                <>
                  <dt>Tarif</dt>
                  <dd>{PRICE_LABELS[entry.priceType ?? 'free']}</dd>
                </>
              ) : null}
              <dt>Publiée le</dt>
              <dd>{formatDate(entry.createdAt)}</dd>
              {entry.expiresAt ? (
                <>
                  <dt>Jusqu’au</dt>
                  <dd>{formatDate(entry.expiresAt)}</dd>
                </>
              ) : null}
            </dl>
            <AnnouncementExtras announcement={entry} />
          </div>
          <aside className="profile-aside" aria-labelledby="repondre">
            <h2 id="repondre">{isNotice ? 'Une question ?' : 'Répondre'}</h2>
            {isNotice ? (
              <NoticeContact contact={mairieContact(commune, territory)} />
            ) : entry.isExample ? (
              <p>Cette annonce est un exemple : personne ne recevrait votre réponse.</p>
            ) : (
              <p className="hint">
                Votre message est transmis par l’annuaire : les coordonnées de l’auteur ne sont jamais affichées.
              </p>
            )}
            <DetailActions kind="announcements" slug={slug} contactLabel={isNotice || entry.isExample ? null : 'Répondre à cette annonce'} />
          </aside>
        </div>
      </article>
    </div>
  )
}
