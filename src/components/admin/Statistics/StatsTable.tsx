import type { ReactNode } from 'react'

/** A column: its header, and whether it holds numbers (right-aligned). */
export type StatsColumn = { label: string; numeric?: boolean }

/** A table of figures of the statistics view: one header row, one row per item (`key` unique). */
export function StatsTable({
  columns,
  rows,
  caption,
}: {
  columns: StatsColumn[]
  rows: Array<{ key: string; cells: ReactNode[] }>
  caption?: string
}) {
  const numeric = (i: number) => (columns[i]?.numeric ? 'num' : undefined)
  return (
    <table>
      {caption ? <caption className="annuaire-sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c.label} scope="col" className={numeric(i)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) => (
              <td key={columns[i]?.label ?? i} className={numeric(i)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
