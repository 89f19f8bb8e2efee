/**
 * `/reports` timing (issue 5): GET /reports signed in as a moderator, one request at a time,
 * for the default range (182 days) and the longest range allowed (all of the seeded years).
 * The page keeps each query's figures for a minute, so it is measured both ways: "cold" varies
 * the range's first day by one day per request (each a new query: what the first moderator to
 * ask pays), "warm" repeats one query (what everyone else gets within the minute).
 */
import http from 'node:http'
import SQLite from 'better-sqlite3'
import { createSessions } from './db'
import { writeResultsSection } from './report'

export const REPORTS_TARGET_MS = 200

export interface ReportsTiming {
  name: string
  path: string
  mode: 'cold' | 'warm'
  requests: number
  p50: number
  p99: number
  max: number
}

function get(origin: string, pathname: string, cookie: string) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now()
    const req = http.get(origin + pathname, { headers: { cookie } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: GET ${pathname}`)))
  })
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

/** A signed-in moderator's cookie for the database (the demo town's moderator). */
export async function moderatorCookie(file: string, secret: string) {
  const db = new SQLite(file, { readonly: true })
  const row = db
    .prepare(
      `select id from users where role in ('moderator', 'admin') order by role = 'moderator' desc, id limit 1`,
    )
    .get() as { id: number } | undefined
  db.close()
  if (!row) throw new Error('no moderator in the benchmark database')
  const cookies = await createSessions(file, [row.id], secret)
  return cookies.get(row.id)!
}

export async function measureReports(origin: string, cookie: string, n = 50) {
  const today = Date.now()
  const to = day(today)
  const cases = [
    { name: 'default range (182 days)', days: 182 },
    // The longest range allowed less the cold run's extra days: every seeded year.
    { name: `full range (${5 * 366 - n - 2} days)`, days: 5 * 366 - n - 2 },
  ]
  const results: ReportsTiming[] = []
  for (const c of cases) {
    const pathFor = (shift: number) =>
      `/reports?from=${day(today - (c.days - 1 + shift) * DAY)}&to=${to}`
    // Warm-up (also checks the status).
    const first = await get(origin, pathFor(0), cookie)
    if (first.status !== 200) throw new Error(`${pathFor(0)} answered ${first.status}`)
    for (const mode of ['cold', 'warm'] as const) {
      const times: number[] = []
      for (let i = 0; i < n; i++) {
        // Cold: a new first day each time (a range one day longer); never asked before.
        const p = mode === 'cold' ? pathFor(i + 1) : pathFor(0)
        const res = await get(origin, p, cookie)
        if (res.status !== 200) throw new Error(`${p} answered ${res.status}`)
        times.push(res.ms)
      }
      times.sort((a, b) => a - b)
      results.push({
        name: c.name,
        path: pathFor(0),
        mode,
        requests: n,
        p50: percentile(times, 0.5),
        p99: percentile(times, 0.99),
        max: times.at(-1)!,
      })
    }
  }
  return results
}

export function reportsText(results: ReportsTiming[]) {
  return results
    .map(
      (r) =>
        `${r.name}, ${r.mode}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.requests} requests; target < ${REPORTS_TARGET_MS} ms: ${r.p50 < REPORTS_TARGET_MS ? 'PASS' : 'FAIL'})`,
    )
    .join('\n')
}

/** Writes (or replaces) the /reports section of bench/results.md. */
export async function writeReportsSection(
  root: string,
  results: ReportsTiming[],
  context: { database: string; command: string },
) {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.mode} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.requests} | < ${REPORTS_TARGET_MS} ms (p50) | ${r.p50 < REPORTS_TARGET_MS ? 'PASS' : 'FAIL'} |`,
  )
  const section = [
    '## /reports (signed in as a moderator)',
    '',
    `- Date: ${new Date().toISOString()}; command: \`${context.command}\`; database: ${context.database}.`,
    "- One request at a time from the same machine. The page keeps each query's figures for a minute: **cold** changes the range's first day on every request (a query nobody asked within the minute; all the SQL runs), **warm** repeats one query.",
    '',
    '| range | mode | p50 | p99 | requests | target | result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  await writeResultsSection(root, 'reports', section)
}
