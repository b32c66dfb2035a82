import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { getViewer } from '@/site/viewer'
import { Form, FormGuardFields } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { canDeleteOwnAccount } from '@/privacy/accountData'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Supprimer mon compte', robots: { index: false } }

const ERRORS: Record<string, string> = {
  confirmation: 'Cochez la case pour confirmer la suppression de votre compte.',
  formulaire: 'Le formulaire n’a pas pu être vérifié : rechargez la page et recommencez.',
}

export default async function DeleteAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams
  const viewer = await getViewer()
  if (!viewer) redirect('/connexion?suite=/mon-espace/supprimer-mon-compte')
  const error = typeof query.erreur === 'string' ? ERRORS[query.erreur] : undefined
  return (
    <div className="container prose">
      <h1>Supprimer mon compte</h1>
      {!canDeleteOwnAccount(viewer) ? (
        <p>
          Votre compte est un compte d’agent : demandez sa fermeture à l’administrateur de votre intercommunalité, qui confiera d’abord
          votre travail à une autre personne.
        </p>
      ) : (
        <>
          <p>La suppression est définitive. Elle entraîne :</p>
          <ul>
            <li>la suppression de toutes vos annonces et de vos alertes e-mail ;</li>
            <li>l’anonymisation des messages que vous avez envoyés par le formulaire de contact (votre nom, votre adresse et votre texte sont effacés) ;</li>
            <li>le retrait de votre compte des fiches d’entreprise ou d’association que vous gériez (les fiches elles-mêmes restent dans l’annuaire) ;</li>
            <li>la suppression de votre compte et de votre adresse e-mail.</li>
          </ul>
          <p>
            Avant de supprimer votre compte, vous pouvez <a href="/mon-espace/mes-donnees">télécharger toutes vos données</a> (fichier JSON).
          </p>
          {error ? (
            <div className="error-summary" role="alert" tabIndex={-1} id="erreur">
              <h2>Le compte n’a pas été supprimé</h2>
              <p>{error}</p>
            </div>
          ) : null}
          <Form action="/mon-espace/supprimer-mon-compte/envoyer">
            <FormGuardFields token={issueFormToken('account-delete', viewer.id)} />
            <p>
              <input type="checkbox" id="confirmation" name="confirmation" value="oui" required aria-describedby={error ? 'erreur' : undefined} />{' '}
              <label htmlFor="confirmation">Je confirme vouloir supprimer définitivement mon compte ({viewer.email}).</label>
            </p>
            <button type="submit" className="button">
              Supprimer définitivement mon compte
            </button>
          </Form>
          <p>
            <a href="/mon-espace">Annuler et revenir à mon espace</a>
          </p>
        </>
      )}
    </div>
  )
}
