/**
 * `npm run bench` — issue 3, item 13. Seeds a demo database and one with 100,000 challenges,
 * starts the production server on each (127.0.0.1 only), measures pages and vote toggles with
 * autocannon against a bare node:http server sending the same bytes, and writes
 * bench/results.md and bench/results.json.
 *
 *   npm run bench                                  full run (100,000 challenges, 12 s per measurement)
 *   npx tsx bench/run.ts --scale 5000 --quick      quick run (10 s per measurement)
 *   … --keep                                       keep the temporary databases and server logs
 *   npm run bench -- --only reports [--db FILE]     only GET /reports as a moderator (seeds the
 *                                                  large database unless --db names one)
 *
 * Needs `npm run build` first. Every child process is stopped by its PID at the end, also on error.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import * as prettier from 'prettier'
import {
  challengeTitle,
  counts,
  createSessions,
  ensureVoters,
  richChallengeId,
  searchWord,
  seedDatabase,
  voteState,
  voteTargets,
  type Counts,
} from './db'
import { measure, measureGet, measureVotes, type Measurement, type VoteLog } from './load'
import {
  f2,
  int,
  kb,
  mark,
  markdownTable,
  pct,
  ROW_HEADER,
  rowCells,
  textTable,
  type Check,
  type Row,
} from './report'
import {
  freePort,
  killAllChildrenSync,
  sleep,
  startChild,
  stopAllChildren,
  stopChild,
  tail,
  waitForHttp,
} from './procs'
import {
  measureReports,
  moderatorCookie,
  reportsText,
  writeReportsSection,
  type ReportsTiming,
} from './reports'
import { scriptSizes, type ScriptSizes } from './sizes'

const root = process.cwd()
const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    scale: { type: 'string', default: '100000' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    db: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (flags.help) {
  console.log(`Usage: npm run bench -- [--scale N] [--quick] [--keep] [--only reports [--db FILE]]
  --scale N        challenges in the large database (default 100000)
  --quick          10 s per measurement instead of 12
  --keep           keep the temporary databases and server logs
  --only reports   only time GET /reports as a moderator on the large database
  --db FILE        with --only reports: use this database instead of seeding one`)
  process.exit(0)
}
if (flags.only !== undefined && flags.only !== 'reports') {
  console.error('--only takes: reports')
  process.exit(1)
}
const SCALE = Number(flags.scale)
if (!Number.isInteger(SCALE) || SCALE < 1 || SCALE > 1_000_000) {
  console.error('--scale needs a whole number from 1 to 1000000')
  process.exit(1)
}
const DURATION = flags.quick ? 10 : 12
const WARMUP = 1
const CONNECTIONS = 32
const VOTERS = 400
const SIGNED_IN_USERS = 50
const TIME_LIMIT_MS = 12 * 60_000
const LARGE_LABEL =
  SCALE === 100_000 ? '100k' : SCALE % 1000 === 0 ? `${SCALE / 1000}k` : String(SCALE)

const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`
const say = (message: string) => console.log(`[bench ${elapsed()}] ${message}`)

function command() {
  const args = process.argv.slice(2).join(' ')
  if (process.env.npm_lifecycle_event === 'bench')
    return `npm run bench${args ? ` -- ${args}` : ''}`
  return `npx tsx bench/run.ts${args ? ` ${args}` : ''}`
}

// ---------------------------------------------------------------------------------------------
// Clean-up on every way out.

let tmp = ''
process.on('exit', () => killAllChildrenSync())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping child processes`)
    void stopAllChildren().finally(() => process.exit(130))
  })
}
const watchdog = setTimeout(() => {
  console.error(`Benchmark exceeded ${TIME_LIMIT_MS / 60000} minutes; stopping.`)
  void stopAllChildren().finally(() => process.exit(2))
}, TIME_LIMIT_MS)
watchdog.unref()

// ---------------------------------------------------------------------------------------------
// Helpers

/** A page as autocannon receives it: no Accept-Encoding, no cookie. */
function getPlain(
  origin: string,
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(origin + pathname, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout: GET ${pathname}`)))
  })
}

async function startServer(dbFile: string, secret: string, label: string) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const server = startChild(path.resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      SESSION_SECRET: secret,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: origin,
      // Not inherited from the shell running the benchmark.
      TRUST_PROXY: '',
      SMTP_URL: '',
    },
    logFile: path.join(tmp, `server-${label}.log`),
  })
  try {
    await waitForHttp(`${origin}/healthz`, 60_000, server.child)
  } catch (error) {
    const log = fs.existsSync(server.logFile) ? fs.readFileSync(server.logFile, 'utf8') : ''
    await stopChild(server)
    throw new Error(
      `production server (${label}) did not start: ${(error as Error).message}\n${tail(log)}`,
    )
  }
  return { server, origin }
}

async function startBare(
  pages: Array<{ path: string; body: Buffer; type: string }>,
  label: string,
) {
  const manifest = pages.map((p, i) => {
    const file = path.join(tmp, `bare-${label}-${i}.html`)
    fs.writeFileSync(file, p.body)
    return { path: p.path, file, type: p.type }
  })
  const manifestFile = path.join(tmp, `bare-${label}.json`)
  fs.writeFileSync(manifestFile, JSON.stringify(manifest))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const bare = startChild(
    process.execPath,
    [path.resolve('bench/bare-server.mjs'), manifestFile, String(port)],
    { logFile: path.join(tmp, `bare-${label}.log`) },
  )
  await waitForHttp(origin + pages[0]!.path, 15_000, bare.child)
  // Same bytes?
  for (const p of pages) {
    const got = await getPlain(origin, p.path)
    if (!got.body.equals(p.body)) throw new Error(`bare server sends other bytes for ${p.path}`)
  }
  return { bare, origin }
}

function describe(m: Measurement) {
  const statuses = Object.entries(m.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ')
  return `${int(m.reqPerSec)} req/s, p50 ${f2(m.p50)} ms, p99 ${f2(m.p99)} ms, errors ${m.errors} [${statuses}${m.timeouts ? ` timeouts×${m.timeouts}` : ''}]`
}

async function warmup(origin: string, pathname: string, connections: number, cookies?: string[]) {
  await measureGet(origin, pathname, connections, WARMUP, cookies)
}

// ---------------------------------------------------------------------------------------------
// Vote integrity: none lost or doubled

interface Integrity {
  challengesTouched: number
  pairsTouched: number
  pairsUncertain: number
  countMismatches: Array<{ id: number; vote_count: number; rows: number }>
  expectedMismatches: Array<{ id: number; expected: number; rows: number }>
  pairMismatches: number
  before: { inconsistent: number }
  ok: boolean
}

function checkIntegrity(
  file: string,
  before: ReturnType<typeof voteState>,
  log: VoteLog,
  voterIds: number[],
): Integrity {
  // Expected state of each pair: the last answered action decides (each user's requests are
  // sequential); a refused action changes nothing.
  const expected = new Map<string, boolean>()
  const touched = new Set<number>()
  for (const [c, u, vote, status] of log.responses) {
    touched.add(c)
    const key = `${c}:${u}`
    if (!expected.has(key)) expected.set(key, before.pairs.has(key))
    if (status >= 200 && status < 400) expected.set(key, vote === 1)
  }
  for (const key of log.uncertain) touched.add(Number(key.split(':')[0]))
  const ids = [...touched]
  const after = voteState(file, ids, voterIds)
  const uncertainChallenges = new Set([...log.uncertain].map((k) => Number(k.split(':')[0])))

  const countMismatches: Integrity['countMismatches'] = []
  const expectedMismatches: Integrity['expectedMismatches'] = []
  let pairMismatches = 0
  const deltas = new Map<number, number>()
  for (const [key, state] of expected) {
    if (log.uncertain.has(key)) continue
    const c = Number(key.split(':')[0])
    if (after.pairs.has(key) !== state) pairMismatches++
    const was = before.pairs.has(key)
    if (was !== state) deltas.set(c, (deltas.get(c) ?? 0) + (state ? 1 : -1))
  }
  for (const id of ids) {
    const [voteCount, rows] = after.totals.get(id) ?? [NaN, NaN]
    if (voteCount !== rows) countMismatches.push({ id, vote_count: voteCount, rows })
    if (uncertainChallenges.has(id)) continue
    const [, rowsBefore] = before.totals.get(id) ?? [NaN, NaN]
    const want = rowsBefore + (deltas.get(id) ?? 0)
    if (want !== rows) expectedMismatches.push({ id, expected: want, rows })
  }
  const inconsistentBefore = [...before.totals.values()].filter(([a, b]) => a !== b).length
  return {
    challengesTouched: ids.length,
    pairsTouched: expected.size,
    pairsUncertain: log.uncertain.size,
    countMismatches,
    expectedMismatches,
    pairMismatches,
    before: { inconsistent: inconsistentBefore },
    ok: countMismatches.length === 0 && expectedMismatches.length === 0 && pairMismatches === 0,
  }
}

// ---------------------------------------------------------------------------------------------

interface DatabaseRun {
  label: string
  file: string
  counts: Counts
  seedSeconds: number
  listHtmlBytes?: number
  scripts?: ScriptSizes
  integrity?: Integrity
  uncached?: Array<{ page: string; path: string; medianMs: number; maxMs: number }>
}

async function main() {
  const buildFile = path.join(root, 'build/index.js')
  const assets = path.join(root, 'public/build')
  if (!fs.existsSync(buildFile) || !fs.existsSync(assets)) {
    throw new Error('No build found (build/index.js, public/build): run `npm run build` first.')
  }
  const builtAt = fs.statSync(buildFile).mtimeMs
  // Seeds and migrations run from source, the server from build/: they must match.
  const newer = ['app', 'db', 'server'].flatMap((dir) =>
    (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .map((f) => path.join(dir, f))
      .filter((f) => /\.(ts|tsx|json|css)$/.test(f))
      .filter((f) => fs.statSync(path.join(root, f)).mtimeMs > builtAt),
  )
  if (newer.length)
    say(
      `WARNING: build/ is older than ${newer.length} source file(s) (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}); run \`npm run build\` for current figures`,
    )
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const loadStart = os.loadavg()
  say(`scale ${SCALE}, ${DURATION} s per measurement, ${CONNECTIONS} connections; temp dir ${tmp}`)
  say(`load average before start: ${loadStart.map((l) => l.toFixed(2)).join(' ')}`)
  const secret = randomBytes(32).toString('hex')

  // 1–2. Databases
  const demo: DatabaseRun = {
    label: 'demo',
    file: path.join(tmp, 'demo.sqlite'),
    counts: undefined as never,
    seedSeconds: 0,
  }
  const large: DatabaseRun = {
    label: LARGE_LABEL,
    file: path.join(tmp, 'large.sqlite'),
    counts: undefined as never,
    seedSeconds: 0,
  }
  say('seeding the demo town…')
  demo.seedSeconds = await seedDatabase(demo.file, ['--demo'], 'demo seed', 180_000)
  demo.counts = counts(demo.file)
  say(`demo: ${JSON.stringify(demo.counts)} (${demo.seedSeconds.toFixed(1)} s)`)
  say(`seeding ${SCALE} challenges (demo town + --scale ${SCALE})…`)
  large.seedSeconds = await seedDatabase(
    large.file,
    ['--scale', String(SCALE)],
    'scale seed',
    Math.max(180_000, SCALE * 6),
  )
  large.counts = counts(large.file)
  say(`${large.label}: ${JSON.stringify(large.counts)} (${large.seedSeconds.toFixed(1)} s)`)
  const notes: string[] = []
  if (large.counts.challenges < SCALE) {
    throw new Error(`expected ≥ ${SCALE} challenges, found ${large.counts.challenges}`)
  }
  const wantVotes = SCALE * 10
  const voteDeviation = (large.counts.votes - wantVotes) / wantVotes
  const voteNote = `${int(large.counts.challenges)} challenges and ${int(large.counts.votes)} challenge votes (aim: ≈${int(wantVotes)}, ${voteDeviation >= 0 ? '+' : ''}${(voteDeviation * 100).toFixed(1)}%)`
  say(voteNote)
  if (Math.abs(voteDeviation) > 0.15) {
    notes.push(
      `The vote total is far from ${int(wantVotes)}: ${int(large.counts.votes)} (${(voteDeviation * 100).toFixed(1)}%).`,
    )
    say(`NOTE: ${notes.at(-1)}`)
  }
  if (large.counts.voteCountSum !== large.counts.votes)
    notes.push(
      `Seeded sum(vote_count) ${large.counts.voteCountSum} ≠ count(challenge_votes) ${large.counts.votes}.`,
    )

  // Pages
  const rich = richChallengeId(demo.file)
  if (challengeTitle(large.file, rich.id) !== rich.title)
    throw new Error(`challenge ${rich.id} differs between the two databases`)
  const word = searchWord(demo.file)
  const pages = [
    { name: 'list', path: '/challenges' },
    { name: 'challenge', path: `/challenges/${rich.id}` },
    { name: 'search', path: `/challenges?q=${encodeURIComponent(word)}` },
    { name: 'home', path: '/' },
  ]
  say(`pages: ${pages.map((p) => p.path).join('  ')}  ("${rich.title}")`)

  const rows: Row[] = []
  const sizes: Array<{ database: string; htmlBytes: number; scripts: ScriptSizes }> = []

  for (const run of [demo, large]) {
    await measureDatabase(run, pages, secret, rows, sizes)
  }
  return { demo, large, rows, sizes, notes, pages, word, rich, loadStart }
}

type Page = { name: string; path: string }
type Body = { path: string; body: Buffer; type: string }

/**
 * 3–5. The production server on one database — pages anonymous and signed in, vote toggles —
 * and a bare node:http server sending the same bytes, each app measurement followed at once by
 * the bare one (same client, same settings, same background load).
 */
async function measureDatabase(
  run: DatabaseRun,
  pages: Page[],
  secret: string,
  rows: Row[],
  sizes: Array<{ database: string; htmlBytes: number; scripts: ScriptSizes }>,
) {
  say(`— ${run.label}: starting the production server`)
  const { server, origin } = await startServer(run.file, secret, run.label)
  let bare: Awaited<ReturnType<typeof startBare>> | undefined
  try {
    // The bytes autocannon will get (no Accept-Encoding, no cookie).
    const bodies: Body[] = []
    for (const page of pages) {
      const res = await getPlain(origin, page.path)
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`)
      if (res.headers['content-encoding'])
        throw new Error(`${page.path} came ${res.headers['content-encoding']}-encoded`)
      bodies.push({
        path: page.path,
        body: res.body,
        type: String(res.headers['content-type'] ?? 'text/html'),
      })
    }
    const listHtml = bodies[0]!.body
    run.listHtmlBytes = listHtml.length
    run.scripts = await scriptSizes(origin, listHtml.toString('utf8'))
    sizes.push({ database: run.label, htmlBytes: listHtml.length, scripts: run.scripts })
    say(
      `/challenges: ${kb(listHtml.length)} HTML; ${run.scripts.files.length} scripts, ${kb(run.scripts.totalGzip)} gzipped`,
    )
    bare = await startBare(bodies, run.label)
    const bareOrigin = bare.origin
    const bareResults = new Map<string, Measurement>()
    const withBare = async (row: Row) => {
      const key = `${row.path} ${row.connections}`
      let b = bareResults.get(key)
      if (!b) {
        for (let i = 0; i < 300; i++) await getPlain(bareOrigin, row.path) // warm-up
        b = await measure({
          url: bareOrigin + row.path,
          connections: row.connections,
          duration: DURATION,
        })
        say(`${run.label} bare ${row.page} @${row.connections}: ${describe(b)}`)
        bareResults.set(key, b)
      }
      row.bare = b
      row.ratio = row.app.reqPerSec / b.reqPerSec
    }

    // What a page costs when the page cache cannot answer (a unique query string each time).
    run.uncached = []
    for (const page of pages) {
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        const sep = page.path.includes('?') ? '&' : '?'
        const res = await getPlain(origin, `${page.path}${sep}bench-uncached=${Date.now()}-${i}`)
        times.push(performance.now() - t)
        if (res.status !== 200) throw new Error(`uncached ${page.path} answered ${res.status}`)
      }
      times.sort((x, y) => x - y)
      run.uncached.push({ page: page.name, path: page.path, medianMs: times[2]!, maxMs: times[4]! })
    }
    say(
      `${run.label} uncached (one request at a time, median of 5): ${run.uncached.map((u) => `${u.page} ${f2(u.medianMs)} ms`).join(', ')}`,
    )

    // 4a. Anonymous pages (the page cache answers after the first request)
    const cacheHeader = (await getPlain(origin, pages[0]!.path)).headers['x-page-cache']
    say(`X-Page-Cache on a repeated anonymous GET /challenges: ${cacheHeader ?? '(none)'}`)
    for (const page of pages) {
      await warmup(origin, page.path, CONNECTIONS)
      await settle(origin)
      const m = await measureGet(origin, page.path, CONNECTIONS, DURATION)
      await settle(origin)
      say(`${run.label} anonymous ${page.name} @${CONNECTIONS}: ${describe(m)}`)
      const row: Row = {
        page: page.name,
        path: page.path,
        database: run.label,
        mode: 'anonymous',
        connections: CONNECTIONS,
        app: m,
      }
      rows.push(row)
      await withBare(row)
    }

    // Sign users in without the login form (its per-IP limit).
    const voterIds = ensureVoters(run.file, VOTERS)
    if (voterIds.length < VOTERS) throw new Error(`only ${voterIds.length} voters available`)
    const cookies = await createSessions(run.file, voterIds, secret)
    const signedInCookies = voterIds.slice(0, SIGNED_IN_USERS).map((id) => cookies.get(id)!)
    const check = await getPlain(origin, '/challenges', { cookie: signedInCookies[0]! })
    if (
      check.status !== 200 ||
      !check.body.includes('action="/logout"') ||
      check.headers['x-page-cache']
    )
      throw new Error(
        `a signed-in GET /challenges did not look signed in (status ${check.status}, X-Page-Cache ${check.headers['x-page-cache']})`,
      )

    // 4b. Signed-in pages: never cached
    for (const page of pages.slice(0, 2)) {
      for (const connections of [1, CONNECTIONS]) {
        await warmup(origin, page.path, connections, signedInCookies)
        await settle(origin)
        const m = await measureGet(origin, page.path, connections, DURATION, signedInCookies)
        await settle(origin)
        say(`${run.label} signed-in ${page.name} @${connections}: ${describe(m)}`)
        const row: Row = {
          page: page.name,
          path: page.path,
          database: run.label,
          mode: 'signed in',
          connections,
          app: m,
        }
        rows.push(row)
        await withBare(row)
      }
    }

    // 4c. Vote toggles by many users, then: none lost or doubled?
    const targets = voteTargets(run.file, 2000)
    const before = voteState(
      run.file,
      targets.map((t) => t.id),
      voterIds,
    )
    const voters = voterIds.map((id) => ({ id, cookie: cookies.get(id)! }))
    const { result, log } = await measureVotes(origin, CONNECTIONS, DURATION, voters, targets)
    await settle(origin) // requests cut off at the end may still be running on the server
    run.integrity = checkIntegrity(run.file, before, log, voterIds)
    say(`${run.label} vote toggles @${CONNECTIONS}: ${describe(result)}`)
    say(`${run.label} integrity: ${integrityText(run.integrity)}`)
    rows.push({
      page: 'vote toggle',
      path: 'POST /challenges/:id',
      database: run.label,
      mode: 'vote toggles',
      connections: CONNECTIONS,
      app: result,
    })
    if (run.label !== 'demo') {
      say(`${run.label}: timing /reports as a moderator…`)
      reportsTimings = await measureReports(origin, await moderatorCookie(run.file, secret))
      say(`/reports on ${run.label}:\n${reportsText(reportsTimings)}`)
    }
  } finally {
    await stopChild(server)
    if (bare) await stopChild(bare.bare)
  }
}

let reportsTimings: ReportsTiming[] = []

/** `--only reports`: the large database (seeded, or --db), the server, GET /reports. */
async function onlyReports() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const secret = randomBytes(32).toString('hex')
  let file = flags.db ? path.resolve(flags.db) : path.join(tmp, 'large.sqlite')
  if (!flags.db) {
    say(`seeding ${SCALE} challenges…`)
    await seedDatabase(file, ['--scale', String(SCALE)], 'scale seed', Math.max(180_000, SCALE * 6))
  } else if (!fs.existsSync(file)) throw new Error(`no database at ${file}`)
  else {
    // Work on a copy: the benchmark adds sessions and the server may migrate.
    // (SQLite's backup, so pages still in the -wal file come along.)
    const copy = path.join(tmp, 'large.sqlite')
    const source = new SQLite(file, { readonly: true })
    await source.backup(copy)
    source.close()
    file = copy
  }
  const c = counts(file)
  const database = `${int(c.challenges)} challenges, ${int(c.votes)} challenge votes, ${int(c.comments)} comments`
  say(database)
  const { server, origin } = await startServer(file, secret, 'reports')
  try {
    const timings = await measureReports(origin, await moderatorCookie(file, secret))
    console.log(`\n/reports\n${reportsText(timings)}`)
    await writeReportsSection(root, timings, { database, command: command() })
    say('wrote the /reports section of bench/results.md')
  } finally {
    await stopChild(server)
  }
}

/**
 * Waits until the server has finished what autocannon left behind when it stopped (it does not
 * abort work for closed sockets): /healthz answering fast three times in a row.
 */
async function settle(origin: string, maxMs = 20_000) {
  const deadline = Date.now() + maxMs
  let fast = 0
  while (fast < 3 && Date.now() < deadline) {
    const t = performance.now()
    try {
      await getPlain(origin, '/healthz')
    } catch {
      fast = 0
      continue
    }
    fast = performance.now() - t < 25 ? fast + 1 : 0
    await sleep(20)
  }
}

function integrityText(i: Integrity) {
  return (
    `${i.ok ? 'OK — none lost or doubled' : 'FAILED'}: ${i.challengesTouched} challenges, ` +
    `${i.pairsTouched} user×challenge pairs touched (${i.pairsUncertain} cut off at the end: ` +
    `vote_count = count(*) checked only); vote_count ≠ count(*): ${i.countMismatches.length}; ` +
    `count(*) ≠ expected: ${i.expectedMismatches.length}; vote rows ≠ expected: ${i.pairMismatches}`
  )
}

type Outcome = Awaited<ReturnType<typeof main>>

function machine() {
  let nproc = String(os.cpus().length)
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim()
  } catch {
    /* os.cpus() then */
  }
  return {
    nproc,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.type()} ${os.release()}`,
  }
}

function checks(o: Outcome): Check[] {
  const out: Check[] = []
  const find = (db: string, page: string, mode: Row['mode'], conns: number) =>
    o.rows.find(
      (r) => r.database === db && r.page === page && r.mode === mode && r.connections === conns,
    )
  for (const db of [o.demo.label, o.large.label]) {
    for (const page of ['list', 'challenge', 'home']) {
      const r = find(db, page, 'anonymous', CONNECTIONS)
      if (!r) continue
      out.push({
        target: `anonymous ${page} (${db}) @${CONNECTIONS}: ≥ 50% of bare, p99 < 100 ms`,
        measured: `${pct(r.ratio)} of bare, p99 ${f2(r.app.p99)} ms, ${r.app.errors} errors`,
        pass: (r.ratio ?? 0) >= 0.5 && r.app.p99 < 100 && r.app.errors === 0,
      })
    }
    for (const page of ['list', 'challenge']) {
      const one = find(db, page, 'signed in', 1)
      const many = find(db, page, 'signed in', CONNECTIONS)
      if (one)
        out.push({
          target: `signed-in ${page} (${db}) @1: p50 < 5 ms`,
          measured: `p50 ${f2(one.app.p50)} ms (${int(one.app.reqPerSec)} req/s)`,
          pass: one.app.p50 < 5 && one.app.errors === 0,
        })
      if (many)
        out.push({
          target: `signed-in ${page} (${db}) @${CONNECTIONS}: ≥ 300 req/s`,
          measured: `${int(many.app.reqPerSec)} req/s, p99 ${f2(many.app.p99)} ms`,
          pass: many.app.reqPerSec >= 300 && many.app.errors === 0,
        })
    }
    const votes = find(db, 'vote toggle', 'vote toggles', CONNECTIONS)
    const run = db === o.demo.label ? o.demo : o.large
    if (votes)
      out.push({
        target: `vote toggles (${db}) @${CONNECTIONS}: ≥ 1,000/s, synchronous=FULL, none lost or doubled`,
        measured: `${int(votes.app.reqPerSec)}/s, ${votes.app.errors} errors, integrity ${run.integrity?.ok ? 'OK' : 'FAILED'}`,
        pass: votes.app.reqPerSec >= 1000 && votes.app.errors === 0 && Boolean(run.integrity?.ok),
      })
  }
  for (const r of o.rows.filter((r) => r.database === o.large.label)) {
    const d = find(o.demo.label, r.page, r.mode, r.connections)
    if (!d) continue
    const p50 = r.app.p50 / d.app.p50
    const p99 = r.app.p99 / d.app.p99
    out.push({
      target: `latency ${o.large.label} ÷ demo, ${r.page} (${r.mode}) @${r.connections}: ≤ 1.3×`,
      measured: `p50 ${f2(p50)}×, p99 ${f2(p99)}×`,
      pass: p50 <= 1.3 && p99 <= 1.3,
    })
  }
  for (const s of o.sizes) {
    out.push({
      target: `HTML of /challenges (${s.database}) ≤ 40 KB`,
      measured: `${int(s.htmlBytes)} bytes (${kb(s.htmlBytes)})`,
      pass: s.htmlBytes <= 40 * 1024,
    })
  }
  const s = o.sizes[0]
  if (s)
    out.push({
      target: 'JavaScript loaded by /challenges ≤ 100 KB gzipped',
      measured: `${kb(s.scripts.totalGzip)} gzipped (${kb(s.scripts.totalRaw)} raw) in ${s.scripts.files.length} files`,
      pass: s.scripts.totalGzip <= 100 * 1024,
    })
  return out
}

function latencyRows(o: Outcome): string[][] {
  const rows: string[][] = []
  for (const r of o.rows.filter((r) => r.database === o.large.label)) {
    const d = o.rows.find(
      (x) =>
        x.database === o.demo.label &&
        x.page === r.page &&
        x.mode === r.mode &&
        x.connections === r.connections,
    )
    if (!d) continue
    const p50 = r.app.p50 / d.app.p50
    const p99 = r.app.p99 / d.app.p99
    rows.push([
      `${r.page} (${r.mode})`,
      String(r.connections),
      `${f2(d.app.p50)} / ${f2(r.app.p50)}`,
      `${f2(p50)}×`,
      `${f2(d.app.p99)} / ${f2(r.app.p99)}`,
      `${f2(p99)}×`,
      mark(p50 <= 1.3 && p99 <= 1.3),
    ])
  }
  return rows
}

async function report(o: Outcome) {
  const m = machine()
  const loadEnd = os.loadavg()
  const checkList = checks(o)
  const tableRows = o.rows.map(rowCells)
  const latencyHeader = [
    'page',
    'conns',
    `p50 ms demo / ${o.large.label}`,
    'p50 ratio',
    `p99 ms demo / ${o.large.label}`,
    'p99 ratio',
    '≤ 1.3×',
  ]
  const lat = latencyRows(o)
  const checkRows = checkList.map((c) => [c.target, c.measured, mark(c.pass)])
  const passed = checkList.filter((c) => c.pass).length
  const sizeRows = o.sizes.map((s) => [
    s.database,
    `${int(s.htmlBytes)} B (${kb(s.htmlBytes)})`,
    `${kb(s.scripts.totalGzip)}`,
    String(s.scripts.files.length),
  ])
  const uncachedRows = [o.demo, o.large].flatMap((r) =>
    (r.uncached ?? []).map((u) => [u.page, r.label, f2(u.medianMs), f2(u.maxMs)]),
  )
  const uncachedHeader = [
    'page (anonymous, page cache bypassed)',
    'database',
    'median ms',
    'max ms',
  ]
  const integrity = [o.demo, o.large].map(
    (r) => `- ${r.label}: ${r.integrity ? integrityText(r.integrity) : 'not run'}`,
  )
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')

  console.log('\n' + textTable(ROW_HEADER, tableRows))
  console.log('\nLatency at ' + o.large.label + ' vs demo\n' + textTable(latencyHeader, lat))
  console.log(
    '\nSizes of /challenges\n' + textTable(['database', 'HTML', 'JS gzipped', 'files'], sizeRows),
  )
  console.log(
    '\nOne request at a time, page cache bypassed\n' + textTable(uncachedHeader, uncachedRows),
  )
  console.log('\nVote integrity\n' + integrity.join('\n'))
  console.log(
    `\nTargets: ${passed}/${checkList.length} PASS\n` +
      textTable(['target', 'measured', ''], checkRows),
  )
  for (const n of o.notes) console.log(`NOTE: ${n}`)

  const date = new Date().toISOString()
  const md = [
    '# Benchmark results',
    '',
    `- Date: ${date}`,
    `- Command: \`${command()}\` (after \`npm run build\`)`,
    `- Machine: nproc ${m.nproc}, ${m.cpu}, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}`,
    `- Load average before / after: ${load(o.loadStart)} / ${load(loadEnd)}. The machine was shared (another engineer's test runs may have been active); ratios to the bare server are measured by the same client in the same run, so they are the figures to compare.`,
    `- Databases: demo town (${int(o.demo.counts.challenges)} challenges, ${int(o.demo.counts.votes)} votes, seeded in ${o.demo.seedSeconds.toFixed(1)} s); ${o.large.label}: ${int(o.large.counts.challenges)} challenges, ${int(o.large.counts.votes)} challenge votes, ${int(o.large.counts.users)} users, ${int(o.large.counts.comments)} comments (seeded in ${o.large.seedSeconds.toFixed(1)} s)`,
    `- Load: autocannon 8 (programmatic) on 127.0.0.1, ${DURATION} s per measurement after a ${WARMUP} s warm-up (bare server: 300 requests), no Accept-Encoding; the production server (\`tsx server/main.ts\`, NODE_ENV=production, LOG_LEVEL=warn) and the bare \`node:http\` server (\`bench/bare-server.mjs\`) each run in their own child process, and each bare measurement follows the app measurement it is compared with; latency percentiles from every response; after each app run the benchmark waits until the server has finished the requests autocannon cut off.`,
    `- Pages: list \`/challenges\`, challenge \`/challenges/${o.rich.id}\` (“${o.rich.title}”), search \`/challenges?q=${o.word}\`, home \`/\`. Signed-in requests rotate over ${SIGNED_IN_USERS} session cookies; vote toggles come from ${VOTERS} users (each vote followed by its withdrawal on the same connection) on up to 2,000 random votable challenges.`,
    ...o.notes.map((n) => `- Note: ${n}`),
    '',
    `## Targets: ${passed} of ${checkList.length} PASS`,
    '',
    markdownTable(['target', 'measured', 'result'], checkRows),
    '',
    '## Measurements',
    '',
    'Errors = non-2xx/3xx responses + socket errors + timeouts. Ratio = app req/s ÷ bare req/s for the same bytes at the same connections.',
    '',
    markdownTable(ROW_HEADER, tableRows),
    '',
    `## Latency at ${o.large.label} vs demo`,
    '',
    markdownTable(latencyHeader, lat),
    '',
    '## One request at a time with the page cache bypassed',
    '',
    'Each anonymous page fetched 5 times with a unique `bench-uncached` query parameter, so the page cache misses: what a first visit, or any visit after a write empties the cache, costs. Measured from the client, one request at a time.',
    '',
    markdownTable(uncachedHeader, uncachedRows),
    '',
    '## Sizes of /challenges',
    '',
    markdownTable(['database', 'HTML (no compression)', 'JS gzipped', 'script files'], sizeRows),
    '',
    'Scripts counted (gzip sizes as served with `Accept-Encoding: gzip`):',
    '',
    ...(o.sizes[0]?.scripts.files.map(
      (f) => `- \`${f.url}\`: ${int(f.gzipBytes)} B gzipped, ${int(f.rawBytes)} B raw`,
    ) ?? []),
    '',
    '## Vote integrity (vote_count = count(*) of challenge_votes, and each touched vote row as expected)',
    '',
    ...integrity,
    '',
  ].join('\n')
  // Written as the project's Prettier would write them, so `npm run lint` stays clean.
  const pretty = async (file: string, text: string) => {
    const options = (await prettier.resolveConfig(file)) ?? {}
    fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }))
  }
  await pretty(path.join(root, 'bench/results.md'), md)
  await pretty(
    path.join(root, 'bench/results.json'),
    JSON.stringify(
      {
        date,
        command: command(),
        machine: m,
        loadAverage: { before: o.loadStart, after: loadEnd },
        settings: {
          scale: SCALE,
          durationSeconds: DURATION,
          warmupSeconds: WARMUP,
          connections: CONNECTIONS,
          voters: VOTERS,
          signedInUsers: SIGNED_IN_USERS,
        },
        databases: [o.demo, o.large].map((r) => ({
          label: r.label,
          counts: r.counts,
          seedSeconds: r.seedSeconds,
          listHtmlBytes: r.listHtmlBytes,
          scripts: r.scripts,
          integrity: r.integrity,
          uncached: r.uncached,
        })),
        pages: o.pages,
        rows: o.rows,
        checks: checkList,
        notes: o.notes,
      },
      null,
      2,
    ) + '\n',
  )
  say(`wrote bench/results.md and bench/results.json (${passed}/${checkList.length} targets PASS)`)
}

const job: Promise<unknown> = flags.only
  ? onlyReports()
  : main().then(async (outcome) => {
      await report(outcome)
      if (reportsTimings.length)
        await writeReportsSection(root, reportsTimings, {
          database: `${int(outcome.large.counts.challenges)} challenges, ${int(outcome.large.counts.votes)} challenge votes`,
          command: command(),
        })
    })
job
  .catch((error) => {
    console.error(
      `\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    process.exitCode = 1
  })
  .finally(async () => {
    await stopAllChildren()
    if (tmp && !flags.keep) fs.rmSync(tmp, { recursive: true, force: true })
    else if (tmp) say(`kept ${tmp}`)
    say('done')
  })
