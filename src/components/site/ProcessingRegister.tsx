import { processings } from '@/privacy/processings'
import { retention } from '@/privacy/retention'

/** The register of processing activities, appended to the privacy page whatever its edited text says. */
export function ProcessingRegister() {
  const rows = processings(retention())
  return (
    <section aria-labelledby="registre-traitements">
      <h2 id="registre-traitements">Registre des traitements</h2>
      <p>
        Chaque traitement de données personnelles réalisé par l’annuaire, avec sa finalité, sa base légale et sa durée de conservation.
        Pour exercer vos droits, utilisez « Mon espace » (téléchargement de vos données, suppression de votre compte) ou écrivez à
        l’intercommunalité.
      </p>
      {rows.map((row) => (
        <div key={row.name} className="processing">
          <h3>{row.name}</h3>
          <dl>
            <dt>Finalité</dt>
            <dd>{row.purpose}</dd>
            <dt>Données</dt>
            <dd>{row.data}</dd>
            <dt>Base légale</dt>
            <dd>{row.legalBasis}</dd>
            <dt>Durée de conservation</dt>
            <dd>{row.retention}</dd>
          </dl>
        </div>
      ))}
    </section>
  )
}
