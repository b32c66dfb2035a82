/**
 * Above the admin's login form: who it is for, and the way back for residents and businesses,
 * who log in on the public site (« Mon espace ») instead.
 */
export function BeforeLogin() {
  return (
    <div className="before-login">
      <p>
        <strong>Espace de gestion réservé aux mairies et à l’intercommunalité.</strong>
      </p>
      <p>
        Habitant, entreprise ou association ? Connectez-vous sur le site :{' '}
        <a href="/connexion">aller à « Mon espace »</a>.
      </p>
    </div>
  )
}
