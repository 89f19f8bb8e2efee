import type { ReactNode } from 'react'

/**
 * A chart with its caption: the SVG is one image named by the caption (role="img",
 * aria-labelledby); the data table after it carries the numbers for screen readers and print.
 */
export function ChartFigure({
  id,
  caption,
  chart,
  children,
}: {
  id: string
  caption: ReactNode
  chart: ReactNode
  children?: ReactNode
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {chart}
      {children}
    </figure>
  )
}
