import type { Metadata } from 'next'

import { getViewer } from '@/site/viewer'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Espace de gestion réservé aux mairies', robots: { index: false } }

/**
 * Where a resident or an owner lands instead of Payload's « Non autorisé » when they open
 * /admin (src/server/adminUnauthorized.ts sends them here): the admin is for the mairies
 * and the intercommunalité; their own things are in « Mon espace ».
 */
export default async function StaffOnlyPage() {
  const viewer = await getViewer()
  return (
    <div className="container prose">
      <h1>L’espace de gestion est réservé aux mairies</h1>
      <p>
        L’espace de gestion sert aux secrétaires de mairie et au personnel de l’intercommunalité pour vérifier et publier
        les fiches et les annonces.
      </p>
      {viewer ? (
        <p>
          Vous êtes connecté en tant que <strong>{viewer.name}</strong>. Vos annonces, vos fiches, vos alertes et vos
          messages se trouvent dans votre espace personnel.
        </p>
      ) : (
        <p>Vos annonces, vos fiches, vos alertes et vos messages se trouvent dans votre espace personnel.</p>
      )}
      <p>
        <a className="button button-large" href="/mon-espace">
          Aller à Mon espace
        </a>
      </p>
      <p>
        Vous travaillez à la mairie et votre compte n’a pas accès à la gestion ? Demandez à l’intercommunalité de vous
        donner le rôle de secrétaire de mairie
        {viewer ? (
          <>
            , ou <a href="/deconnexion">déconnectez-vous</a> pour vous connecter avec le compte de la mairie.
          </>
        ) : (
          '.'
        )}
      </p>
    </div>
  )
}
