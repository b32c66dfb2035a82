import type { Metadata } from 'next'

import { EntryList } from '@/components/site/EntryCard'
import { HomeSearchForm } from '@/components/site/HomeSearchForm'
import { JsonLd } from '@/components/site/JsonLd'
import { docToCard, lookupOf } from '@/site/cards'
import { categoryTree, getCategories, getCommunes, listEntries } from '@/site/directory'
import { territoryJsonLd } from '@/site/jsonLd'
import { currentOrigin, getCurrentTerritory } from '@/site/territory'
import { categoryPath, communePath } from '@/territories/urls'
import { inTerritory } from '@/territories/names'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  return { alternates: { canonical: '/' } }
}

export default async function HomePage() {
  const territory = await getCurrentTerritory()
  if (!territory) {
    return (
      <div className="container">
        <h1>Annuaire local</h1>
        <p>Aucun territoire n’est encore configuré. Connectez-vous à l’espace de gestion pour importer une intercommunalité.</p>
        <p>
          <a href="/admin">Espace de gestion</a>
        </p>
      </div>
    )
  }
  const [categories, communes, exchanges, notices, origin] = await Promise.all([
    getCategories(territory.id),
    getCommunes(territory.id),
    listEntries('announcements', territory.id, [{ kind: { in: ['offer', 'need'] } }], { limit: 4 }),
    listEntries('announcements', territory.id, [{ kind: { equals: 'notice' } }], { limit: 3 }),
    currentOrigin(),
  ])
  const lookup = lookupOf(communes, categories)
  const tree = categoryTree(categories)
  return (
    <>
      <JsonLd
        data={[
          territoryJsonLd(territory, origin),
          {
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: `Annuaire local — ${territory.name}`,
            url: `${origin}/`,
            potentialAction: {
              '@type': 'SearchAction',
              target: `${origin}/recherche?q={search_term_string}`,
              'query-input': 'required name=search_term_string',
            },
          },
        ]}
      />
      <section className="hero" aria-labelledby="titre-accueil">
        <div className="container">
          <h1 id="titre-accueil">
            Commerces, artisans, associations et entraide
            <span className="hero-territory"> {inTerritory(territory)}</span>
          </h1>
          <p className="lead">
            {communes.length} communes, leurs professionnels, leurs associations et les coups de main entre voisins.
          </p>
          <HomeSearchForm communes={communes} defaultRadius={territory.settings?.defaultRadiusKm ?? 10} />
        </div>
      </section>

      <div className="container home-sections">
        <section aria-labelledby="titre-participer" className="home-invites">
          <h2 id="titre-participer">Participer</h2>
          <ul className="invite-grid" role="list">
            <li className="invite">
              <h3>Proposer ou demander un coup de main</h3>
              <p>Vous pouvez aider un voisin, ou vous cherchez quelqu’un pour les courses, le jardin, un trajet ?</p>
              <p>
                <a className="button" href="/annonces/nouvelle">
                  Déposer une annonce
                </a>
              </p>
            </li>
            <li className="invite">
              <h3>Faire connaître votre entreprise ou association</h3>
              <p>Inscription gratuite : votre fiche, vos horaires et vos services, vérifiés par la mairie.</p>
              <p>
                <a className="button button-secondary" href="/inscrire-mon-activite">
                  Inscrire mon activité
                </a>
              </p>
            </li>
            <li className="invite">
              <h3>Suivre ma commune</h3>
              <p>Recevez par e-mail, une fois par jour au plus, les nouvelles annonces et fiches près de chez vous.</p>
              <p>
                <a className="button button-secondary" href="/alertes">
                  Créer une alerte
                </a>
              </p>
            </li>
          </ul>
          <p>
            Première visite ? <a href="/inscription">Créer un compte</a> (gratuit) · Déjà inscrit ?{' '}
            <a href="/connexion">Se connecter</a>
          </p>
        </section>

        <section aria-labelledby="titre-categories">
          <h2 id="titre-categories">Parcourir par catégorie</h2>
          <ul className="category-grid" role="list">
            {tree.map(({ category, children }) => (
              <li key={category.id}>
                <a href={categoryPath(category.slug ?? String(category.id))} className="category-tile">
                  <span className="category-name">{category.name}</span>
                  {children.length ? (
                    <span className="category-children">
                      {children
                        .slice(0, 4)
                        .map((c) => c.name)
                        .join(' · ')}
                      {children.length > 4 ? '…' : ''}
                    </span>
                  ) : null}
                </a>
              </li>
            ))}
          </ul>
        </section>

        <div className="two-columns">
          <section aria-labelledby="titre-annonces">
            <h2 id="titre-annonces">Dernières offres et demandes d’aide</h2>
            {exchanges.docs.length ? (
              <EntryList entries={exchanges.docs.map((doc) => docToCard('announcements', doc, lookup))} />
            ) : (
              <p>Aucune annonce pour le moment.</p>
            )}
            <p>
              <a href="/annonces" className="more">
                Toutes les offres et demandes
              </a>
            </p>
          </section>
          <section aria-labelledby="titre-infos">
            <h2 id="titre-infos">Informations municipales</h2>
            {notices.docs.length ? (
              <EntryList entries={notices.docs.map((doc) => docToCard('announcements', doc, lookup))} />
            ) : (
              <p>Aucune information municipale en cours.</p>
            )}
            <p>
              <a href="/annonces?annonce=information" className="more">
                Toutes les informations municipales
              </a>
            </p>
          </section>
        </div>

        <section aria-labelledby="titre-communes">
          <h2 id="titre-communes">Les communes</h2>
          <ul className="commune-list" role="list">
            {communes.map((c) => (
              <li key={c.id}>
                <a href={communePath(c.slug)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}
