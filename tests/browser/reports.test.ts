// Reports in the demo town, in Swedish: a moderator opens /reports, picks a range that holds
// seeded challenges, and the numbers in the tables match what this test computes itself with
// SQL on the server's database (written independently of the app's model); then downloads the
// CSV. With JavaScript off the same GET form shows the report.
import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectPath, expectVisible, launchBrowser, newContext, open } from './browser'
import { DEMO, startServer, type TestServer } from './server'
import { readRows } from './demo-db'

let browser: Browser
let server: TestServer
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startServer()
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await server?.stop()
  await browser?.close()
})

const query = <T>(sql: string, ...params: unknown[]) => readRows<T>(server, sql, ...params)

/** The challenges a report for [from, to] counts: posted in the range, visible, not merged. */
const COUNTED = `from challenges where created_at >= @from and created_at < @end
  and hidden_at is null and merged_into_id is null`

function nearestRank(sorted: number[], p: number) {
  return sorted[Math.ceil(p * sorted.length) - 1]!
}

async function signIn(js: boolean) {
  const context = await newContext(browser, server.url, { js, acceptDownloads: true })
  contexts.push(context)
  const page = await context.newPage()
  await open(page, '/login?redirectTo=%2Freports', js)
  await page.getByLabel('E-postadress').fill(DEMO.moderator.email)
  await page.getByLabel('Lösenord').fill(DEMO.moderator.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expectPath(page, '/reports')
  await expectVisible(
    page.getByRole('heading', { level: 1, name: 'Rapporter' }),
    'the reports page',
  )
  return page
}

// The report counts the town's days and weeks (Europe/Stockholm). The expected values are
// worked out here from the platform's time-zone data, not from the app's helpers.
const stockholm = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
/** The date in Stockholm at an instant, YYYY-MM-DD. */
const stockholmDay = (iso: string) => stockholm.format(new Date(iso))
/** When a Stockholm date begins: the hour, 22:00 or 23:00 UTC the day before, at which it does. */
function stockholmMidnight(day: string) {
  for (const hour of [22, 23]) {
    const at = new Date(Date.parse(`${day}T00:00:00Z`) - (24 - hour) * 3_600_000)
    if (stockholmDay(at.toISOString()) === day) return at.toISOString()
  }
  throw new Error(`no midnight for ${day}`)
}
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const mondayOfDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`)
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000)
    .toISOString()
    .slice(0, 10)
}

/** A range holding seeded data: from the third-oldest visible challenge's day to today. */
function pickRange() {
  const days = query<{ created_at: string }>(
    `select created_at from challenges
     where hidden_at is null and merged_into_id is null order by created_at limit 3`,
  )
  const from = stockholmDay(days.at(-1)!.created_at)
  const to = stockholmDay(new Date().toISOString())
  return {
    from,
    to,
    params: { from: stockholmMidnight(from), end: stockholmMidnight(nextDay(to)) },
  }
}

async function fillRange(page: Page, from: string, to: string) {
  await page.getByLabel('Från och med').fill(from)
  await page.getByLabel('Till och med').fill(to)
  await page.getByRole('button', { name: 'Visa rapport' }).click()
  await expectPath(page, new RegExp(`/reports\\?from=${from}&to=${to}`))
  await expectVisible(page.locator('#weekly-table'), 'the weekly table')
}

/** data-value of each row's cells in a table, keyed by the row's data-key. */
async function tableValues(
  page: Page,
  table: string,
): Promise<Record<string, Record<string, string | null>>> {
  return page
    .locator(`#${table} tbody tr`)
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-key'),
          Object.fromEntries(
            [...row.querySelectorAll('td')].map((td) => [
              td.getAttribute('data-column'),
              td.getAttribute('data-value'),
            ]),
          ),
        ]),
      ),
    )
}

describe('reports with JavaScript on', () => {
  it('shows numbers that match the database and downloads the CSV', async () => {
    const page = await signIn(true)
    const { from, to, params } = pickRange()
    await fillRange(page, from, to)

    const total = query<{ n: number }>(`select count(*) as n ${COUNTED}`, params)[0]!.n
    expect(total).toBeGreaterThan(10)
    expect(await page.getByTestId('report-total').getAttribute('data-value')).toBe(String(total))

    // New challenges per week (Monday, Stockholm time) and status.
    const counts = new Map<string, number>()
    for (const row of query<{ created_at: string; status: string }>(
      `select created_at, status ${COUNTED}`,
      params,
    )) {
      const key = `${mondayOfDay(stockholmDay(row.created_at))}|${row.status}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const weekly = [...counts].map(([key, n]) => {
      const [week, status] = key.split('|') as [string, string]
      return { week, status, n }
    })
    const weeks = await tableValues(page, 'weekly-table')
    for (const { week, status, n } of weekly)
      expect(weeks[week]?.[status], `${week} ${status}`).toBe(String(n))
    const weekTotals = new Map<string, number>()
    for (const { week, n } of weekly) weekTotals.set(week, (weekTotals.get(week) ?? 0) + n)
    for (const [week, n] of weekTotals) expect(weeks[week]?.total).toBe(String(n))
    const shownSum = Object.values(weeks).reduce((s, w) => s + Number(w.total), 0)
    expect(shownSum).toBe(total)

    // By category.
    const categories = query<{ slug: string; n: number }>(
      `select categories.slug, count(*) as n from (select category_id ${COUNTED}) c
       join categories on categories.id = c.category_id group by categories.slug`,
      params,
    )
    const shownCategories = await tableValues(page, 'categories-table')
    expect(Object.keys(shownCategories).sort()).toEqual(categories.map((c) => c.slug).sort())
    for (const c of categories) expect(shownCategories[c.slug]?.count).toBe(String(c.n))

    // Medians per department, nearest rank, in days.
    const durations = query<{ dep: number | null; response: number | null; solve: number | null }>(
      `select department_id as dep,
         (julianday(first_response_at) - julianday(created_at)) as response,
         (julianday(solved_at) - julianday(created_at)) as solve ${COUNTED}`,
      params,
    )
    const deps = await tableValues(page, 'departments-table')
    const byDep = new Map<string, typeof durations>()
    for (const d of durations) {
      const key = d.dep === null ? 'none' : String(d.dep)
      byDep.set(key, [...(byDep.get(key) ?? []), d])
    }
    expect(Object.keys(deps).sort()).toEqual([...byDep.keys()].sort())
    let checkedMedians = 0
    for (const [key, rows] of byDep) {
      expect(deps[key]?.count).toBe(String(rows.length))
      for (const kind of ['response', 'solve'] as const) {
        const sorted = rows
          .map((r) => r[kind])
          .filter((v): v is number => v !== null)
          .map((v) => Math.max(0, v))
          .sort((a, b) => a - b)
        const shown = deps[key]?.[`${kind}Median`]
        if (!sorted.length) expect(shown).toBe('')
        else {
          expect(Number(shown)).toBeCloseTo(nearestRank(sorted, 0.5), 4)
          expect(Number(deps[key]?.[`${kind}P90`])).toBeCloseTo(nearestRank(sorted, 0.9), 4)
          checkedMedians++
        }
      }
    }
    expect(checkedMedians).toBeGreaterThan(0)

    // Share solved.
    const solved = query<{ n: number }>(
      `select count(*) as n ${COUNTED} and status = 'solved'`,
      params,
    )[0]!.n
    const share = page.getByTestId('share-solved')
    expect(await share.getAttribute('data-solved')).toBe(String(solved))
    expect(await share.getAttribute('data-total')).toBe(String(total))

    await page.screenshot({ path: '/tmp/reports.png' })
    await page.locator('#departments-heading').scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/reports-departments.png' })

    // The CSV: same filters, one row per counted challenge, ordered by created_at then id.
    const expected = query<{ id: number; title: string }>(
      `select id, title ${COUNTED} order by created_at, id`,
      params,
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner CSV' }).click(),
    ])
    const file = await download.path()
    const bytes = fs.readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const lines = text.split(/\r?\n/).filter((l) => l !== '')
    expect(lines[0]).not.toMatch(/^\d/)
    // Rows: count the records by their leading id (titles may hold quoted line breaks: none do
    // in the demo town, so one line per record).
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]))
    expect(ids).toEqual(expected.map((e) => e.id))
    const swedish = expected.find((e) => /[åäö]/i.test(e.title))
    expect(swedish, 'a seeded title with å, ä or ö in the range').toBeTruthy()
    expect(text).toContain(swedish!.title)
  })
})

describe('reports with JavaScript off', () => {
  it('submits the GET form and shows the report', async () => {
    const page = await signIn(false)
    const { from, to, params } = pickRange()
    await fillRange(page, from, to)
    const total = query<{ n: number }>(`select count(*) as n ${COUNTED}`, params)[0]!.n
    expect(await page.getByTestId('report-total').getAttribute('data-value')).toBe(String(total))
    await expectVisible(
      page.getByRole('heading', { level: 2, name: 'Engagemang per vecka' }),
      'engagement',
    )
  })
})
