import { scaleLinear, scalePoint } from 'd3-scale'
import { line } from 'd3-shape'
import { DASHES } from './Legend'
import { AXIS_COLOUR, GRID_COLOUR } from './palette'
import type { Format, Series } from './types'

/** Lines over the same x values, each series with its own colour and dash pattern. */
export function LineChart({
  labelledBy,
  points,
  series,
  format,
  width = 640,
  height = 260,
}: {
  labelledBy: string
  points: Array<{ key: string; label: string; values: Record<string, number> }>
  series: Series[]
  format: Format
  width?: number
  height?: number
}) {
  const margin = { top: 10, right: 16, bottom: 40, left: 56 }
  const max = Math.max(1, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)))
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top])
  const x = scalePoint<string>()
    .domain(points.map((p) => p.key))
    .range([margin.left, width - margin.right])
    .padding(0.5)
  const ticks = y.ticks(5).filter(Number.isInteger)
  const every = Math.max(1, Math.ceil(points.length / 10))
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(t)}
            y2={y(t)}
            stroke={GRID_COLOUR}
          />
          <text
            x={margin.left - 6}
            y={y(t)}
            dy="0.35em"
            textAnchor="end"
            fontSize="12"
            fill={AXIS_COLOUR}
          >
            {format(t)}
          </text>
        </g>
      ))}
      {series.map((s, i) => {
        const path = line<(typeof points)[number]>()
          .x((p) => x(p.key) ?? 0)
          .y((p) => y(p.values[s.key] ?? 0))(points)
        return (
          <path
            key={s.key}
            d={path ?? undefined}
            fill="none"
            stroke={s.colour}
            strokeWidth="2.5"
            strokeDasharray={DASHES[i % DASHES.length] || undefined}
          />
        )
      })}
      <line
        x1={margin.left}
        x2={width - margin.right}
        y1={height - margin.bottom}
        y2={height - margin.bottom}
        stroke={AXIS_COLOUR}
      />
      {points.map((p, j) =>
        j % every === 0 ? (
          <text
            key={p.key}
            x={x(p.key)}
            y={height - margin.bottom + 16}
            textAnchor="middle"
            fontSize="12"
            fill={AXIS_COLOUR}
          >
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  )
}
