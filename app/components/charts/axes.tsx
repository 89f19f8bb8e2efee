import type { ReactNode } from 'react'
import { scaleLinear } from 'd3-scale'
import { AXIS_COLOUR, GRID_COLOUR } from './palette'
import type { Format } from './types'

export interface Margin {
  top: number
  right: number
  bottom: number
  left: number
}

/** The chart's drawing, named by the caption of the figure around it. */
export function ChartSvg({
  width,
  height,
  labelledBy,
  children,
}: {
  width: number
  height: number
  labelledBy: string
  children: ReactNode
}) {
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
    >
      {children}
    </svg>
  )
}

/** Values from 0 up to at least `max`, bottom to top, rounded out to nice ticks. */
export const valueScaleY = (max: number, height: number, margin: Margin) =>
  scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice()
    .range([height - margin.bottom, margin.top])

/**
 * A vertical chart's frame: the value grid on the left, the columns' axis at the bottom, and
 * the marks between them.
 */
export function ColumnChartFrame({
  labelledBy,
  width,
  height,
  margin,
  y,
  columns,
  columnCentre,
  format,
  children,
}: {
  labelledBy: string
  width: number
  height: number
  margin: Margin
  y: ReturnType<typeof valueScaleY>
  columns: Array<{ key: string; label: string }>
  columnCentre: (key: string) => number
  format: Format
  children: ReactNode
}) {
  return (
    <ChartSvg width={width} height={height} labelledBy={labelledBy}>
      <ValueGridY
        ticks={countTicks(y)}
        y={y}
        left={margin.left}
        right={width - margin.right}
        format={format}
      />
      {children}
      <ColumnAxis
        columns={columns}
        x={columnCentre}
        left={margin.left}
        right={width - margin.right}
        baseline={height - margin.bottom}
      />
    </ChartSvg>
  )
}

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
