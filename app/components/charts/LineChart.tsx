import { scalePoint } from 'd3-scale'
import { line } from 'd3-shape'
import { DASHES } from './Legend'
import { ColumnChartFrame, valueScaleY } from './axes'
import type { SeriesChartProps, SeriesPoint } from './types'

/** Lines over the same x values, each series with its own colour and dash pattern. */
export function LineChart({
  labelledBy,
  points,
  series,
  format,
  width = 640,
  height = 260,
}: SeriesChartProps & { points: SeriesPoint[] }) {
  const margin = { top: 10, right: 16, bottom: 40, left: 56 }
  const y = valueScaleY(
    Math.max(...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))),
    height,
    margin,
  )
  const x = scalePoint<string>()
    .domain(points.map((p) => p.key))
    .range([margin.left, width - margin.right])
    .padding(0.5)
  return (
    <ColumnChartFrame
      labelledBy={labelledBy}
      width={width}
      height={height}
      margin={margin}
      y={y}
      columns={points}
      columnCentre={(key) => x(key) ?? 0}
      format={format}
    >
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
    </ColumnChartFrame>
  )
}
