import config from '@payload-config'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const payload = await getPayload({ config })
  const territories = await payload.find({ collection: 'territories', limit: 10, depth: 0 })
  const territory = territories.docs[0]
  const communes = territory
    ? await payload.count({ collection: 'communes', where: { territory: { equals: territory.id } } })
    : { totalDocs: 0 }
  return (
    <main id="contenu">
      <h1>{territory ? `Annuaire local — ${territory.name}` : 'Annuaire local'}</h1>
      <p>
        {territory
          ? `${communes.totalDocs} communes, leurs commerces, artisans, associations et services.`
          : 'Aucun territoire n’est encore configuré.'}
      </p>
      <p>
        <a href="/admin">Espace de gestion</a>
      </p>
    </main>
  )
}
