// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BarChart } from '~/components/charts/BarChart'
import { LineChart } from '~/components/charts/LineChart'
import { StackedBarChart } from '~/components/charts/StackedBarChart'

const format = (n: number) => String(n)
const series = [
  { key: 'new', label: 'Nya', colour: '#005a9c' },
  { key: 'solved', label: 'Lösta', colour: '#1b7f3b' },
]
const weeks = Array.from({ length: 12 }, (_, i) => ({
  key: `w${i + 1}`,
  label: `v${i + 1}`,
  values: { new: i % 3, solved: 1 },
}))

const texts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent)

describe('charts', () => {
  it('a line chart is an image named by its caption, with whole-number ticks and every other week labelled', () => {
    render(
      <figure>
        <figcaption id="cap">Nya och lösta</figcaption>
        <LineChart labelledBy="cap" points={weeks} series={series} format={format} />
      </figure>,
    )
    const svg = screen.getByRole('img', { name: 'Nya och lösta' })
    expect(svg.querySelectorAll('path')).toHaveLength(2)
    const labels = texts(svg)
    expect(labels).toEqual(expect.arrayContaining(['0', '1', '2', 'v1', 'v3', 'v11']))
    expect(labels).not.toContain('v2')
    expect(labels.every((l) => !/\./.test(l ?? ''))).toBe(true)
  })

  it('a stacked bar chart draws one segment per non-zero value and names it on hover', () => {
    render(
      <figure>
        <figcaption id="cap">Per vecka</figcaption>
        <StackedBarChart labelledBy="cap" columns={weeks} series={series} format={format} />
      </figure>,
    )
    const svg = screen.getByRole('img', { name: 'Per vecka' })
    const nonZero = weeks.reduce((n, w) => n + (w.values.new > 0 ? 1 : 0) + 1, 0)
    expect(svg.querySelectorAll('rect')).toHaveLength(nonZero)
    expect(svg.querySelector('rect title')?.textContent).toMatch(/^v\d+: (Nya|Lösta) \d+$/)
    expect(texts(svg)).toEqual(expect.arrayContaining(['3', 'v1']))
  })

  it('a bar chart labels each item and its value, shortening long labels', () => {
    render(
      <figure>
        <figcaption id="cap">Per område</figcaption>
        <BarChart
          labelledBy="cap"
          format={format}
          items={[
            { key: 1, label: 'Centrum', value: 4 },
            { key: 2, label: 'Ett mycket långt områdesnamn som inte får plats', value: 2 },
          ]}
        />
      </figure>,
    )
    const labels = texts(screen.getByRole('img', { name: 'Per område' }))
    expect(labels).toEqual(expect.arrayContaining(['Centrum', '4', '2']))
    expect(labels.some((l) => l?.endsWith('…'))).toBe(true)
  })

  it('an empty chart still has a scale', () => {
    render(
      <figure>
        <figcaption id="cap">Tomt</figcaption>
        <LineChart labelledBy="cap" points={[]} series={series} format={format} />
      </figure>,
    )
    expect(texts(screen.getByRole('img', { name: 'Tomt' }))).toEqual(['0', '1'])
  })
})
