import type { Series } from './types'

/** The series in drawing order, each with its swatch (and line style, for line charts). */
export function Legend({ series, lines = false }: { series: Series[]; lines?: boolean }) {
  return (
    <ul className="chart-legend">
      {series.map((s, i) => (
        <li key={s.key}>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            {lines ? (
              <line
                x1="2"
                x2="26"
                y1="6"
                y2="6"
                stroke={s.colour}
                strokeWidth="3"
                strokeDasharray={DASHES[i % DASHES.length]}
              />
            ) : (
              <rect x="2" y="1" width="24" height="10" fill={s.colour} />
            )}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  )
}

export const DASHES = ['', '6 3', '2 3', '8 3 2 3'] as const
