import type { Commune } from '@/payload-types'

/** A commune picker whose values are commune slugs. */
export function CommuneSelect({
  id,
  communes,
  value,
  emptyLabel = 'Toutes les communes',
}: {
  id: string
  communes: Commune[]
  value?: string
  emptyLabel?: string
}) {
  return (
    <select id={id} name="commune" defaultValue={value ?? ''}>
      <option value="">{emptyLabel}</option>
      {communes.map((c) => (
        <option key={c.id} value={c.slug}>
          {c.name}
          {c.postcodes?.[0] ? ` (${c.postcodes[0]})` : ''}
        </option>
      ))}
    </select>
  )
}

export const RADIUS_CHOICES = [5, 10, 20, 30, 50] as const

/** "Dans la commune seulement" or a radius around it, in km. */
export function RadiusSelect({ id, value }: { id: string; value?: number }) {
  const choices: number[] = [...RADIUS_CHOICES]
  if (value && !choices.includes(value)) choices.push(value)
  choices.sort((a, b) => a - b)
  return (
    <select id={id} name="rayon" defaultValue={value ? String(value) : ''}>
      <option value="">Dans la commune seulement</option>
      {choices.map((km) => (
        <option key={km} value={km}>
          {`À moins de ${km} km`}
        </option>
      ))}
    </select>
  )
}
