import { AXIS_COLOUR, GRID_COLOUR } from './palette'
import type { Format } from './types'

/** Integer ticks only: the charts count things, and "2.5 challenges" is not a value. */
export const countTicks = (scale: { ticks(count: number): number[] }) =>
  scale.ticks(5).filter(Number.isInteger)

/** Horizontal grid lines with their values on the left (vertical charts). */
export function ValueGridY({
  ticks,
  y,
  left,
  right,
  format,
}: {
  ticks: number[]
  y: (value: number) => number
  left: number
  right: number
  format: Format
}) {
  return ticks.map((t) => (
    <g key={t}>
      <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke={GRID_COLOUR} />
      <text x={left - 6} y={y(t)} dy="0.35em" textAnchor="end" fontSize="12" fill={AXIS_COLOUR}>
        {format(t)}
      </text>
    </g>
  ))
}

/** The bottom axis line with a label under every `every`-th column, so labels never overlap. */
export function ColumnAxis({
  columns,
  x,
  left,
  right,
  baseline,
}: {
  columns: Array<{ key: string; label: string }>
  /** The centre of a column. */
  x: (key: string) => number
  left: number
  right: number
  baseline: number
}) {
  // Label at most ~10 columns.
  const every = Math.max(1, Math.ceil(columns.length / 10))
  return (
    <>
      <line x1={left} x2={right} y1={baseline} y2={baseline} stroke={AXIS_COLOUR} />
      {columns.map((c, j) =>
        j % every === 0 ? (
          <text
            key={c.key}
            x={x(c.key)}
            y={baseline + 16}
            textAnchor="middle"
            fontSize="12"
            fill={AXIS_COLOUR}
          >
            {c.label}
          </text>
        ) : null,
      )}
    </>
  )
}
