/**
 * Lighthouse performance on a challenge page with photos (issue 13): the demo town on the
 * production server, one challenge posted through the form with three 12-megapixel camera
 * photos, then Lighthouse's mobile (default) and desktop presets on its page, anonymous.
 *
 * Lighthouse is not one of the project's packages (it is large and only this measurement needs
 * it): install it outside the repository and point this script at it.
 *
 *   npm run build
 *   mkdir -p /tmp/lh && (cd /tmp/lh && npm init -y && npm install --no-audit --no-fund lighthouse@12.2.3)
 *   npx tsx bench/lighthouse.ts --lighthouse /tmp/lh/node_modules/.bin/lighthouse [--port 4252] [--write]
 *
 * 12.x runs on Node 20 (13 needs Node 22). Chromium is Debian's (/usr/bin/chromium, or
 * CHROME_PATH), headless. --write puts the figures in bench/results.md (section "lighthouse");
 * --keep keeps the reports (JSON) and the database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { createSessions, seedDatabase } from './db'
import { cameraPhoto, postChallenge, uploadForm } from './photos'
import { killAllChildrenSync, runCommand, startProductionServer, stopChild } from './procs'
import { f1, markdownTable, writeResultsSection } from './report'

const { values: flags } = parseArgs({
  options: {
    lighthouse: { type: 'string', default: '/tmp/lh/node_modules/.bin/lighthouse' },
    port: { type: 'string' },
    write: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    // While trying changes: fewer Lighthouse runs (e.g. --preset mobile --photos-only).
    preset: { type: 'string', default: 'both' },
    'photos-only': { type: 'boolean', default: false },
  },
})
const lighthouse = path.resolve(flags.lighthouse!)
if (!fs.existsSync(lighthouse)) {
  console.error(`No Lighthouse at ${lighthouse}; see the top of bench/lighthouse.ts.`)
  process.exit(1)
}
process.on('exit', () => killAllChildrenSync())
const say = (m: string) => console.log(`[lighthouse] ${m}`)
const RUNS = Number(flags.runs)

/**
 * The anonymous page cache (server/page-cache.ts) answers a page someone fetched in the last
 * 30 s from memory, compressed; a first visitor gets it rendered (compressed too: the cache
 * compresses it once for both). Both are measured, made certain before each run: "cold" empties
 * the cache with a write (choosing a language is a POST answered 302), "warm" fetches the page
 * first for both language variants (the headless browser's en-US and none).
 */
async function prepareCache(origin: string, pathname: string, cache: 'cold' | 'warm') {
  if (cache === 'cold') {
    const response = await fetch(`${origin}/language`, {
      method: 'POST',
      body: new URLSearchParams({ lng: 'sv', redirectTo: pathname }),
      headers: { origin },
      redirect: 'manual',
    })
    await response.arrayBuffer()
    if (response.status >= 400) throw new Error(`POST /language answered ${response.status}`)
    return
  }
  for (const language of ['en-US,en;q=0.9', undefined]) {
    const response = await fetch(origin + pathname, {
      headers: language ? { 'accept-language': language } : {},
    })
    await response.arrayBuffer()
  }
}

interface Audit {
  score: number | null
  numericValue?: number
  displayValue?: string
  title: string
  details?: { items?: Array<Record<string, unknown>> }
}
interface Report {
  lighthouseVersion: string
  categories: { performance: { score: number } }
  audits: Record<string, Audit>
}

interface Result {
  page: string
  preset: 'mobile' | 'desktop'
  cache: 'cold' | 'warm'
  /** the document came compressed (a page-cache hit) */
  compressed: boolean
  /** every run's score (the figures are the median run's) */
  scores: number[]
  score: number
  fcp: number
  lcp: number
  cls: number
  tbt: number
  si: number
  lcpElement: string
  /**
   * Scripts that had finished loading when the page first painted, as observed (unthrottled):
   * Lighthouse's simulation counts each as blocking that paint (module scripts are never seen
   * evaluating, so none is ruled out), which is what moves FCP and LCP between runs.
   */
  scriptsBeforePaint: number
  /** audits that lost points, with what they say */
  lost: string[]
  version: string
}

/** `<img …>` as the file it showed and how it was loaded; other elements by their tag. */
function shortElement(snippet: string) {
  const src = /src="[^"]*\/photos\/[^/]+\/([^"]+)"/.exec(snippet)?.[1]
  if (!src) return /^<[a-z0-9]+(?: id="[^"]*")?/i.exec(snippet)?.[0]?.concat('>') ?? snippet
  const loading = /loading="(\w+)"/.exec(snippet)?.[1] ?? 'auto'
  return `photo ${src} (loading=${loading}${snippet.includes('fetchpriority="high"') ? ', fetchpriority=high' : ''})`
}

/** How many scripts had finished loading at an observed moment of the page load. */
function scriptsDoneBy(a: Report['audits'], moment: string) {
  const observed = a['metrics']?.details?.items?.[0]?.[moment]
  if (typeof observed !== 'number') return NaN
  return (a['network-requests']?.details?.items ?? []).filter(
    (i) => i.resourceType === 'Script' && (i.networkEndTime as number) <= observed,
  ).length
}

function summarise(
  page: string,
  preset: Result['preset'],
  cache: Result['cache'],
  report: Report,
  url: string,
): Result {
  const a = report.audits
  const doc = (a['network-requests']?.details?.items ?? []).find((i) => i.url === url) as
    { transferSize: number; resourceSize: number } | undefined
  const value = (id: string) => a[id]?.numericValue ?? NaN
  const lcpItems = a['largest-contentful-paint-element']?.details?.items ?? []
  const nested = (lcpItems[0] as { items?: Array<{ node?: { snippet?: string } }> } | undefined)
    ?.items?.[0]?.node?.snippet
  return {
    page,
    preset,
    cache,
    compressed: doc ? doc.transferSize < doc.resourceSize * 0.7 : false,
    scores: [],
    score: Math.round(report.categories.performance.score * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    si: value('speed-index'),
    lcpElement: shortElement(nested ?? ''),
    scriptsBeforePaint: scriptsDoneBy(a, 'observedFirstContentfulPaint'),
    lost: Object.entries(a)
      .filter(
        ([, audit]) =>
          audit.score !== null && audit.score < 0.9 && (audit.details?.items?.length ?? 1) > 0,
      )
      .map(([id, audit]) => `${id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    version: report.lighthouseVersion,
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-lighthouse-'))
  const file = path.join(tmp, 'demo.sqlite')
  say('seeding the demo town…')
  await seedDatabase(file, ['--demo'], 'demo seed', 180_000)
  // A demo member of long standing (a new account's post may be held for moderation).
  const db = new SQLite(file, { readonly: true })
  const member = db
    .prepare(
      `select id from users where role = 'member' and banned_until is null order by id limit 1`,
    )
    .pluck()
    .get() as number
  db.close()
  const secret = randomBytes(32).toString('hex')
  const cookie = (await createSessions(file, [member], secret)).get(member)!
  const { server, origin } = await startProductionServer({
    databaseUrl: `file:${file}`,
    secret,
    logFile: path.join(tmp, 'server.log'),
    port: flags.port ? Number(flags.port) : undefined,
  })
  const results: Result[] = []
  let pathname = ''
  try {
    say('posting a challenge with three 12-megapixel photos through the form…')
    const photos = [await cameraPhoto(1), await cameraPhoto(2), await cameraPhoto(3)]
    const posted = await postChallenge(
      origin,
      cookie,
      uploadForm(file),
      photos,
      'Översvämmad gångtunnel vid Norra station',
    )
    if (posted.status !== 302 || !posted.id) throw new Error(`posting answered ${posted.status}`)
    pathname = `/challenges/${posted.id}`
    const anonymous = await fetch(origin + pathname)
    await anonymous.arrayBuffer()
    if (anonymous.status !== 200) throw new Error(`${pathname} answered ${anonymous.status}`)
    // The same page without photos, for comparison: a demo challenge of similar length.
    const db = new SQLite(file, { readonly: true })
    const plain = db
      .prepare(
        `select id from challenges c where hidden_at is null and status = 'open'
           and not exists (select 1 from photos p where p.challenge_id = c.id)
         order by id limit 1`,
      )
      .pluck()
      .get() as number
    db.close()
    const pages = [
      { label: 'with 3 photos', path: pathname, runs: RUNS },
      ...(flags['photos-only']
        ? []
        : [{ label: 'without photos', path: `/challenges/${plain}`, runs: 1 }]),
    ]
    const presets = (['mobile', 'desktop'] as const).filter(
      (p) => flags.preset === 'both' || flags.preset === p,
    )
    for (const page of pages)
      for (const cache of ['cold', 'warm'] as const)
        for (const preset of presets) {
          const runs: Result[] = []
          for (let run = 1; run <= page.runs; run++) {
            const out = path.join(
              tmp,
              `${preset}-${cache}-${page.path.replace(/\W+/g, '-')}-${run}.json`,
            )
            say(`Lighthouse, ${page.path}, ${preset}, page cache ${cache}, run ${run}…`)
            // Lighthouse now and then fails to record the trace (NO_NAVSTART) on this busy
            // machine: such a run is tried again, up to twice.
            for (let attempt = 1; ; attempt++) {
              try {
                await prepareCache(origin, page.path, cache)
                await runCommand(
                  lighthouse,
                  [
                    origin + page.path,
                    '--output=json',
                    `--output-path=${out}`,
                    '--only-categories=performance',
                    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
                    '--quiet',
                    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
                  ],
                  {
                    env: {
                      ...process.env,
                      CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
                    },
                    timeoutMs: 180_000,
                    label: `lighthouse ${preset}`,
                  },
                )
                break
              } catch (error) {
                if (attempt === 3) throw error
                say(`run failed (${String(error).split('\n')[1] ?? error}), trying again…`)
              }
            }
            const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report
            runs.push(summarise(page.label, preset, cache, report, origin + page.path))
          }
          // Lighthouse's own advice: the median of several runs (by score).
          runs.sort((x, y) => x.score - y.score)
          const median = runs[Math.floor((runs.length - 1) / 2)]!
          results.push({ ...median, scores: runs.map((r) => r.score) })
        }
  } finally {
    await stopChild(server)
    if (flags.keep) say(`kept ${tmp}`)
    else fs.rmSync(tmp, { recursive: true, force: true })
  }
  for (const r of results)
    console.log(
      `${r.page}, ${r.preset}, page cache ${r.cache}${r.compressed ? ' (document compressed)' : ''}: performance ${r.score} (runs: ${r.scores.join(', ')}); FCP ${f1(r.fcp)} ms, LCP ${f1(r.lcp)} ms, CLS ${r.cls.toFixed(3)}, TBT ${f1(r.tbt)} ms, SI ${f1(r.si)} ms\n  LCP element: ${r.lcpElement}; scripts loaded before the first paint: ${r.scriptsBeforePaint}\n  below 0.9: ${r.lost.join('; ') || 'none'}`,
    )
  if (flags.write) {
    const rows = results.map((r) => [
      r.page,
      r.preset,
      `${r.cache}${r.compressed ? ' (br)' : ''}`,
      `**${r.score}**${r.scores.length > 1 ? ` (${r.scores.join(', ')})` : ''}`,
      `${f1(r.fcp)} ms`,
      `${f1(r.lcp)} ms`,
      r.cls.toFixed(3),
      `${f1(r.tbt)} ms`,
      `${f1(r.si)} ms`,
    ])
    await writeResultsSection(
      process.cwd(),
      'lighthouse',
      [
        '## Lighthouse: a challenge page with photos (issue 13)',
        '',
        `- Date: ${new Date().toISOString()}; command: \`npx tsx bench/lighthouse.ts --lighthouse ${flags.lighthouse}${RUNS !== 3 ? ` --runs ${RUNS}` : ''} --write\` (Lighthouse ${results[0]?.version} installed outside the repository, see the script); Debian's Chromium, headless.`,
        `- The demo town on the production server (\`node build/server.js\`, loopback), one challenge posted through the form with three 12-megapixel camera photos (${pathname}), measured anonymously, and for comparison a demo challenge without photos. Mobile is Lighthouse's default (simulated slow 4G and a 4× slower CPU); desktop is \`--preset=desktop\`. Each row is the median run by score (all runs' scores in brackets); page cache: see prepareCache in the script (br: the document came compressed, on a miss too: server/page-cache.ts compresses it once for both). On this shared 2-core machine scores move by up to ±10 between runs of the same page: the simulated 4× slower CPU multiplies whatever else runs (TBT), and the simulation counts every script that had loaded before the observed first paint as delaying it (FCP, LCP; the count is in the notes under the table, docs/decisions.md "Lighthouse mobile on a page with photos").`,
        '',
        markdownTable(
          [
            'page',
            'preset',
            'page cache',
            'performance',
            'FCP',
            'LCP',
            'CLS',
            'TBT',
            'Speed Index',
          ],
          rows,
        ),
        '',
        ...results.map(
          (r) =>
            `- ${r.page}, ${r.preset}, ${r.cache}: LCP element ${r.lcpElement}; scripts loaded before the first paint (observed) ${r.scriptsBeforePaint}; audits below 0.9: ${r.lost.join('; ') || 'none'}.`,
        ),
      ].join('\n'),
    )
    say('wrote the lighthouse section of bench/results.md')
  }
}

main().catch((error) => {
  console.error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
    (error as { cause?: unknown }).cause ?? '',
  )
  process.exitCode = 1
})
