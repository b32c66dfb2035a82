/** A commune the user may pick: its id and name, already in French order. */
export type CommuneChoice = { id: number | string; name: string }

/**
 * The commune picker of the admin's own views (moderation queue, paper booklet): a labelled
 * `<select name="commune">` with a first « all » option when there is one.
 */
export function CommuneSelect({
  id,
  communes,
  defaultValue,
  allLabel,
  required,
  label = 'Commune',
}: {
  id: string
  communes: CommuneChoice[]
  defaultValue: string
  /** The first option, value `''` (« Toutes », « Tout le territoire »); none when omitted. */
  allLabel?: string
  required?: boolean
  label?: string
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name="commune" defaultValue={defaultValue} required={required}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {communes.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.name}
          </option>
        ))}
      </select>
    </>
  )
}
