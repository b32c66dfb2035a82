/**
 * A bar chart drawn on the server as SVG: no JavaScript, no chart library, readable by
 * screen readers through its title, description and the table that follows it.
 */
export function BarChart({ id, title, data }: { id: string; title: string; data: Array<{ label: string; value: number }> }) {
  const width = 640
  const height = 200
  const pad = { top: 16, right: 8, bottom: 36, left: 40 }
  const max = Math.max(1, ...data.map((d) => d.value))
  const step = (width - pad.left - pad.right) / Math.max(1, data.length)
  const barWidth = Math.min(48, step * 0.7)
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max)
  const summary = data.map((d) => `${d.label} : ${d.value}`).join(', ')
  return (
    <figure className="stats-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" style={{ maxWidth: width }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="currentColor">
          {max}
        </text>
        <text x={pad.left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="currentColor">
          0
        </text>
        {data.map((d, i) => {
          const x = pad.left + i * step + (step - barWidth) / 2
          return (
            <g key={d.label}>
              <rect x={x} y={y(d.value)} width={barWidth} height={Math.max(0, y(0) - y(d.value))} fill="#2f5f8a" />
              <text x={x + barWidth / 2} y={y(d.value) - 3} textAnchor="middle" fontSize="11" fill="currentColor">
                {d.value}
              </text>
              <text x={x + barWidth / 2} y={height - pad.bottom + 16} textAnchor="middle" fontSize="11" fill="currentColor">
                {d.label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}
