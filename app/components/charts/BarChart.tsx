import { scaleBand, scaleLinear } from 'd3-scale'
import { AXIS_COLOUR, GRID_COLOUR, SERIES_COLOURS } from './palette'
import { ChartSvg, countTicks } from './axes'
import type { Format } from './types'

/** Horizontal bars, one per item, labelled at the left and valued at the right of each bar. */
export function BarChart({
  labelledBy,
  items,
  format,
  colour = SERIES_COLOURS[0],
  width = 640,
}: {
  labelledBy: string
  items: Array<{ key: string | number; label: string; value: number }>
  format: Format
  colour?: string
  width?: number
}) {
  const barHeight = 22
  const labelWidth = 220
  const margin = { top: 8, right: 56, bottom: 24, left: labelWidth }
  const height = margin.top + margin.bottom + items.length * (barHeight + 8)
  const max = Math.max(1, ...items.map((i) => i.value))
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([margin.left, width - margin.right])
  const y = scaleBand<string>()
    .domain(items.map((i) => String(i.key)))
    .range([margin.top, height - margin.bottom])
    .padding(0.25)
  const ticks = countTicks(x)
  return (
    <ChartSvg width={width} height={height} labelledBy={labelledBy}>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={margin.top}
            y2={height - margin.bottom}
            stroke={GRID_COLOUR}
          />
          <text
            x={x(t)}
            y={height - margin.bottom + 16}
            textAnchor="middle"
            fontSize="12"
            fill={AXIS_COLOUR}
          >
            {format(t)}
          </text>
        </g>
      ))}
      {items.map((item) => {
        const top = y(String(item.key)) ?? 0
        const mid = top + y.bandwidth() / 2
        return (
          <g key={item.key}>
            <text x={margin.left - 8} y={mid} dy="0.35em" textAnchor="end" fontSize="13">
              {item.label.length > 25 ? `${item.label.slice(0, 24)}…` : item.label}
            </text>
            <rect
              x={margin.left}
              y={top}
              width={Math.max(0, x(item.value) - margin.left)}
              height={y.bandwidth()}
              fill={colour}
            />
            <text x={x(item.value) + 6} y={mid} dy="0.35em" fontSize="13">
              {format(item.value)}
            </text>
          </g>
        )
      })}
      <line
        x1={margin.left}
        x2={margin.left}
        y1={margin.top}
        y2={height - margin.bottom}
        stroke={AXIS_COLOUR}
      />
    </ChartSvg>
  )
}
