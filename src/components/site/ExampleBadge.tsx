/** Demo entries carry a text badge (not a colour only) and say that they are not real. */
export function ExampleBadge() {
  return (
    <span className="badge badge-example" title="Fiche de démonstration : cette entreprise n’existe pas">
      Exemple
    </span>
  )
}
