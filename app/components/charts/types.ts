export interface Series {
  key: string
  label: string
  colour: string
}

/** Turns a number into the text a reader sees (Intl, the page's language). */
export type Format = (value: number) => string

/** One x value of a chart over several series: its key, its axis label and each series' value. */
export interface SeriesPoint {
  key: string
  label: string
  values: Record<string, number>
}

/** What the charts of several series over the same x values (lines, stacked bars) share. */
export interface SeriesChartProps {
  labelledBy: string
  series: Series[]
  format: Format
  width?: number
  height?: number
}
