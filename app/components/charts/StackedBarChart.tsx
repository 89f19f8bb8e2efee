import { scaleBand } from 'd3-scale'
import { stack } from 'd3-shape'
import { ColumnChartFrame, valueScaleY } from './axes'
import type { SeriesChartProps, SeriesPoint } from './types'

/**
 * Vertical stacked bars: one column per x value, one segment per series, always stacked in the
 * series' order (bottom first) and separated by a white line.
 */
export function StackedBarChart({
  labelledBy,
  columns,
  series,
  format,
  width = 640,
  height = 260,
}: SeriesChartProps & { columns: SeriesPoint[] }) {
  const margin = { top: 10, right: 10, bottom: 40, left: 44 }
  const layers = stack<(typeof columns)[number]>()
    .keys(series.map((s) => s.key))
    .value((d, key) => d.values[key] ?? 0)(columns)
  const y = valueScaleY(
    Math.max(...columns.map((c) => series.reduce((n, s) => n + (c.values[s.key] ?? 0), 0))),
    height,
    margin,
  )
  const x = scaleBand<string>()
    .domain(columns.map((c) => c.key))
    .range([margin.left, width - margin.right])
    .padding(0.2)
  return (
    <ColumnChartFrame
      labelledBy={labelledBy}
      width={width}
      height={height}
      margin={margin}
      y={y}
      columns={columns}
      columnCentre={(key) => (x(key) ?? 0) + x.bandwidth() / 2}
      format={format}
    >
      {layers.map((layer, i) => (
        <g key={layer.key} fill={series[i]!.colour}>
          {layer.map((point, j) =>
            point[1] > point[0] ? (
              <rect
                key={columns[j]!.key}
                x={x(columns[j]!.key)}
                y={y(point[1])}
                width={x.bandwidth()}
                height={Math.max(0, y(point[0]) - y(point[1]))}
                stroke="#ffffff"
                strokeWidth="1"
              >
                {/* Hovering a segment names it: colour is not the only way to tell them apart. */}
                <title>{`${columns[j]!.label}: ${series[i]!.label} ${format(point[1] - point[0])}`}</title>
              </rect>
            ) : null,
          )}
        </g>
      ))}
    </ColumnChartFrame>
  )
}
