import fs from 'node:fs'
import path from 'node:path'
import * as prettier from 'prettier'
import type { Measurement } from './load'

export interface Row {
  page: string
  path: string
  database: 'demo' | '100k' | string
  mode: 'anonymous' | 'signed in' | 'signed in, rendered' | 'vote toggles' | 'floor'
  connections: number
  app: Measurement
  /** the bare node:http server sending the same bytes */
  bare?: Measurement
  ratio?: number
  /** the bare Remix page (bench/floor/) */
  floor?: Measurement
  floorRatio?: number
}

export interface Check {
  target: string
  measured: string
  pass: boolean
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1))
const f2 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2))
const int = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US')
export const pct = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '–' : `${(n * 100).toFixed(1)}%`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
export const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL')

export function rowCells(r: Row): string[] {
  return [
    `${r.page} (${r.mode})`,
    r.database,
    String(r.connections),
    int(r.app.reqPerSec),
    f2(r.app.p50),
    f2(r.app.p99),
    String(r.app.errors),
    r.bare ? int(r.bare.reqPerSec) : '–',
    r.ratio === undefined ? '–' : pct(r.ratio),
    r.floor ? int(r.floor.reqPerSec) : '–',
    r.floorRatio === undefined ? '–' : `${f2(r.floorRatio)}×`,
  ]
}

export const ROW_HEADER = [
  'page',
  'database',
  'conns',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'bare req/s',
  'ratio to bare',
  'floor req/s',
  'ratio to floor',
]

/** A fixed-width text table for the terminal. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function markdownTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n')
}

export { f1, f2, int }

/**
 * Writes one section of bench/results.md between `<!-- key:start -->` and `<!-- key:end -->`,
 * replacing the previous run's section or appending it, as Prettier would write the file.
 */
export async function writeResultsSection(root: string, key: string, markdown: string) {
  const file = path.join(root, 'bench/results.md')
  const [start, end] = [`<!-- ${key}:start -->`, `<!-- ${key}:end -->`]
  const section = [start, '', markdown.trim(), '', end].join('\n')
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n'
  const from = old.indexOf(start)
  const to = old.indexOf(end)
  const text =
    from >= 0 && to > from
      ? old.slice(0, from) + section + old.slice(to + end.length)
      : `${old.trimEnd()}\n\n${section}\n`
  const options = (await prettier.resolveConfig(file)) ?? {}
  fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }))
}
