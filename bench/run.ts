/**
 * `npm run bench` — issue 3, item 13; measured with wrk since issue 11, item 7. Seeds the demo
 * town and a database with 100,000 challenges (kept in bench/tmp/ and reused while db/ is
 * unchanged), starts the production server on each (127.0.0.1 only) and measures pages with wrk
 * (one thread, 32 connections) against, in the same run, a bare node:http server sending the
 * same bytes and headers, and (signed in) against the framework floor: a bare Remix page
 * (bench/floor/) with 20 cards from the same database. Also the server's memory (idle and after
 * the load), vote toggles and their integrity, /reports, sizes. Writes bench/results.md and
 * bench/results.json.
 *
 *   npm run bench                                  full run (100,000 challenges, 10 s per measurement)
 *   npx tsx bench/run.ts --scale 5000 --quick      quick run (5 s per measurement)
 *   … --db FILE                                    use this large database (a copy) instead of seeding
 *   … --fresh                                      seed the large database again even if cached
 *   … --skip-demo                                  only the large database (no latency vs demo)
 *   … --keep                                       keep the temporary databases and server logs
 *   npm run bench -- --only reports [--db FILE]     only GET /reports as a moderator
 *   npm run bench -- --only scaling [--quick]       only 1 vs 2 processes on SQLite and PostgreSQL (bench/scaling.ts)
 *   npm run bench -- --only photos [--db FILE]      only photo uploads and first views with photos (bench/photos.ts)
 *
 * Needs `npm run build` first; installs wrk with apt when missing. Every child process is
 * stopped by its PID at the end, also on error.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import * as prettier from 'prettier'
import {
  cachedScaleDatabase,
  challengeTitle,
  copyDatabase,
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
import {
  ensureWrk,
  measureGet,
  measureVotes,
  WRK_THREADS,
  type Measurement,
  type VoteLog,
} from './load'
import {
  f2,
  int,
  kb,
  mark,
  markdownTable,
  mb,
  pct,
  ROW_HEADER,
  rowCells,
  textTable,
  writeResultsSection,
  type Check,
  type Row,
} from './report'
import {
  freePort,
  killAllChildrenSync,
  runCommand,
  serverCommand,
  sleep,
  startChild,
  startProductionServer,
  stopAllChildren,
  stopChild,
  residentOnce,
  tail,
  treeRss,
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
import { measureScaling, scalingMarkdown } from './scaling'
import {
  addPhotos,
  cameraPhoto,
  firstViews,
  measureUploads,
  photosMarkdown,
  photosText,
  templatePhotos,
  uploadForm,
  type PhotosOutcome,
} from './photos'

const root = process.cwd()
const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    scale: { type: 'string', default: '100000' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    db: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    'skip-demo': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})
if (flags.help) {
  console.log(`Usage: npm run bench -- [--scale N] [--quick] [--db FILE | --fresh] [--skip-demo] [--keep]
       npm run bench -- --only reports [--db FILE]
       npm run bench -- --only scaling [--quick]
  --scale N        challenges in the large database (default 100000)
  --quick          5 s per measurement instead of 10
  --db FILE        use (a copy of) this database as the large one instead of seeding it
  --fresh          seed the large database again even if bench/tmp/ holds one for this db/
  --skip-demo      measure the large database only (no latency comparison with the demo town)
  --keep           keep the temporary databases and server logs
  --only reports   only time GET /reports as a moderator on the large database
  --only scaling   only votes and signed-in pages with 1 and 2 processes on SQLite and PostgreSQL
  --only photos    only photo uploads (time and RSS per photo) and first views of pages with photos
  --only npm-start only the idle memory of everything \`npm start\` leaves running (it builds)`)
  process.exit(0)
}
if (
  flags.only !== undefined &&
  !['reports', 'scaling', 'photos', 'npm-start'].includes(flags.only)
) {
  console.error('--only takes: reports, scaling, photos, npm-start')
  process.exit(1)
}
const SCALE = Number(flags.scale)
if (!Number.isInteger(SCALE) || SCALE < 1 || SCALE > 1_000_000) {
  console.error('--scale needs a whole number from 1 to 1000000')
  process.exit(1)
}
const DURATION = flags.quick ? 5 : 10
const WARMUP = 1
const CONNECTIONS = 32
const IDLE_RSS_MB = 150
const AFTER_RSS_MB = 250
const VOTERS = 400
const SIGNED_IN_USERS = 50
const TIME_LIMIT_MS = 20 * 60_000
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

/** A page as wrk receives it: no Accept-Encoding (so the app sends identity), no cookie. */
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

const SERVER = serverCommand()

function startServer(dbFile: string, secret: string, label: string, port?: number) {
  return startProductionServer({
    databaseUrl: `file:${dbFile}`,
    secret,
    logFile: path.join(tmp, `server-${label}.log`),
    port,
  })
}

/** A response as the bare server replays it: the same body and headers, minus per-connection ones. */
type Body = { path: string; body: Buffer; headers: Record<string, string> }
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
])

function asBody(pathname: string, res: Awaited<ReturnType<typeof getPlain>>): Body {
  if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`)
  if (res.headers['content-encoding'])
    throw new Error(`${pathname} came ${res.headers['content-encoding']}-encoded`)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return { path: pathname, body: res.body, headers }
}

async function startBare(pages: Body[], label: string) {
  const manifest = pages.map((p, i) => {
    const file = path.join(tmp, `bare-${label}-${i}.html`)
    fs.writeFileSync(file, p.body)
    return { path: p.path, file, headers: p.headers }
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

/** The framework floor (bench/floor/): built with the Remix classic compiler, like the app. */
async function buildFloor() {
  const started = Date.now()
  await runCommand(path.resolve('node_modules/.bin/remix'), ['build', 'bench/floor'], {
    env: { ...process.env, NODE_ENV: 'production' },
    timeoutMs: 180_000,
    label: 'remix build bench/floor',
  })
  return (Date.now() - started) / 1000
}

async function startFloor(dbFile: string) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const floor = startChild(process.execPath, [path.resolve('bench/floor/server.mjs')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), FLOOR_DATABASE: dbFile },
    logFile: path.join(tmp, 'floor.log'),
  })
  try {
    await waitForHttp(`${origin}/`, 30_000, floor.child)
  } catch (error) {
    const log = fs.existsSync(floor.logFile) ? fs.readFileSync(floor.logFile, 'utf8') : ''
    await stopChild(floor)
    throw new Error(`the floor did not start: ${(error as Error).message}\n${tail(log)}`)
  }
  return { floor, origin }
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

/** Warm-up, then the measurement: the same wrk settings for the app, the bare server and the floor. */
async function wrk(origin: string, pathname: string, connections: number, cookies?: string[]) {
  await warmup(origin, pathname, connections, cookies)
  return measureGet(origin, pathname, connections, DURATION, cookies)
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

interface Memory {
  /** after start (the health probe answered, then 2 s), before any load */
  idleBytes: number
  /** after every measurement on this server (pages, votes, /reports) */
  afterBytes: number
  /** the highest sample (every 250 ms) while the load ran */
  peakBytes: number
  processes: number
  /** each process after the load: its name and RSS */
  detail: string[]
}

interface DatabaseRun {
  label: string
  file: string
  counts: Counts
  seedSeconds: number
  seedReused?: boolean
  /** measure against the bare server and the floor, /reports, memory targets */
  full: boolean
  listHtmlBytes?: number
  scripts?: ScriptSizes
  integrity?: Integrity
  uncached?: Array<{ page: string; path: string; medianMs: number; maxMs: number }>
  memory?: Memory
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
  const wrkPath = ensureWrk(say)
  // `wrk --version` prints its version and usage, and exits 1.
  const wrkVersion = (
    spawnSync(wrkPath, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'wrk'
  )
    .replace(/\s+Copyright.*$/, '')
    .trim()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const loadStart = os.loadavg()
  say(
    `scale ${SCALE}, ${DURATION} s per measurement, ${CONNECTIONS} connections, ${wrkVersion}; server: ${SERVER.label}; temp dir ${tmp}`,
  )
  say(`load average before start: ${loadStart.map((l) => l.toFixed(2)).join(' ')}`)
  const npmStart = await measureNpmStart()
  say('building the framework floor (bench/floor)…')
  const floorBuildSeconds = await buildFloor()
  const secret = randomBytes(32).toString('hex')

  // 1–2. Databases
  const demo: DatabaseRun | undefined = flags['skip-demo']
    ? undefined
    : {
        label: 'demo',
        file: path.join(tmp, 'demo.sqlite'),
        counts: undefined as never,
        seedSeconds: 0,
        full: false,
      }
  const large: DatabaseRun = {
    label: LARGE_LABEL,
    file: path.join(tmp, 'large.sqlite'),
    counts: undefined as never,
    seedSeconds: 0,
    full: true,
  }
  if (demo) {
    say('seeding the demo town…')
    demo.seedSeconds = await seedDatabase(demo.file, ['--demo'], 'demo seed', 180_000)
    demo.counts = counts(demo.file)
    say(`demo: ${JSON.stringify(demo.counts)} (${demo.seedSeconds.toFixed(1)} s)`)
  }
  if (flags.db) {
    const source = path.resolve(flags.db)
    if (!fs.existsSync(source)) throw new Error(`no database at ${source}`)
    say(`copying ${source}…`)
    // SQLite's backup, so pages still in a -wal file come along.
    const db = new SQLite(source, { readonly: true })
    await db.backup(large.file)
    db.close()
    large.seedReused = true
  } else {
    say(`the ${SCALE}-challenge database (demo town + --scale ${SCALE})…`)
    const cached = await cachedScaleDatabase(SCALE, flags.fresh, Math.max(300_000, SCALE * 9))
    copyDatabase(cached.file, large.file)
    large.seedSeconds = cached.seedSeconds
    large.seedReused = cached.reused
    say(
      cached.reused
        ? `reused ${path.relative(root, cached.file)} (db/ unchanged since it was seeded; --fresh seeds again)`
        : `seeded in ${cached.seedSeconds.toFixed(1)} s, kept as ${path.relative(root, cached.file)}`,
    )
  }
  large.counts = counts(large.file)
  say(`${large.label}: ${JSON.stringify(large.counts)}`)
  const notes: string[] = []
  const cores = os.availableParallelism()
  if (loadStart[0]! > cores)
    notes.push(
      `The machine was busy before the run (load average ${loadStart[0]!.toFixed(1)} on ${cores} cores): absolute figures and latencies are not representative; ratios less so, but still noisy.`,
    )
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
  const pick = demo ?? large
  const rich = richChallengeId(pick.file)
  if (demo && challengeTitle(large.file, rich.id) !== rich.title)
    throw new Error(`challenge ${rich.id} differs between the two databases`)
  const word = searchWord(pick.file)
  const pages = [
    { name: 'list', path: '/challenges' },
    { name: 'challenge', path: `/challenges/${rich.id}` },
    { name: 'search', path: `/challenges?q=${encodeURIComponent(word)}` },
    { name: 'home', path: '/' },
  ]
  say(`pages: ${pages.map((p) => p.path).join('  ')}  ("${rich.title}")`)

  const rows: Row[] = []
  const sizes: Array<{ database: string; htmlBytes: number; scripts: ScriptSizes }> = []

  for (const run of demo ? [demo, large] : [large]) {
    await measureDatabase(run, pages, secret, rows, sizes)
  }
  return {
    demo,
    large,
    npmStart,
    rows,
    sizes,
    notes,
    pages,
    word,
    rich,
    loadStart,
    wrkVersion,
    floorBuildSeconds,
  }
}

type Page = { name: string; path: string }

/**
 * Everything `npm start` leaves running, idle, as a new user starts it: `npm start` on a
 * database that does not exist yet (it builds, migrates, seeds the demo town and serves), then,
 * 2 s after /healthz first answered, the resident memory of npm and the server it started: the
 * sum of their VmRSS, and their pages counted once (residentOnce; they share the node binary).
 * Runs first, before any other server uses build/, which `npm start` builds again.
 */
async function measureNpmStart() {
  say('npm start on an empty database (build, migrate, demo seed, serve)…')
  const port = await freePort()
  const started = startChild('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(tmp, 'npm-start.sqlite')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '',
      SMTP_URL: '',
    },
    logFile: path.join(tmp, 'npm-start.log'),
  })
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 300_000, started.child)
    await sleep(2000)
    const tree = treeRss(started.pid)
    const once = residentOnce(tree.pids)
    say(
      `npm start, idle: RSS ${tree.names.join(' + ')} = ${mb(tree.bytes)}; pages counted once ${once === null ? 'unknown (pagemap needs root)' : mb(once)}`,
    )
    return { rssSum: tree.bytes, once, names: tree.names }
  } finally {
    await stopChild(started)
  }
}

/**
 * 3–5. The production server on one database — pages anonymous and signed in, vote toggles —
 * and, on the large database, a bare node:http server sending the same bytes and the framework
 * floor, each measured right after the app measurement it is compared with (same client, same
 * settings, as close as possible in time on a shared machine).
 */
async function measureDatabase(
  run: DatabaseRun,
  pages: Page[],
  secret: string,
  rows: Row[],
  sizes: Array<{ database: string; htmlBytes: number; scripts: ScriptSizes }>,
) {
  say(`— ${run.label}: starting the production server (${SERVER.label})`)
  const { server, origin } = await startServer(run.file, secret, run.label)
  const bares: Array<Awaited<ReturnType<typeof startBare>>> = []
  let sampler: NodeJS.Timeout | undefined
  try {
    // Idle memory: the server has started and answered its health probe, nothing else yet.
    await sleep(2000)
    const idle = treeRss(server.pid)
    let peak = idle.bytes
    sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.pid).bytes)), 250)
    say(`${run.label} idle RSS: ${mb(idle.bytes)} (${idle.names.join(', ')})`)

    // The bytes wrk will get (no Accept-Encoding, no cookie).
    const bodies: Body[] = []
    for (const page of pages) bodies.push(asBody(page.path, await getPlain(origin, page.path)))
    const listHtml = bodies[0]!.body
    run.listHtmlBytes = listHtml.length
    run.scripts = await scriptSizes(origin, listHtml.toString('utf8'))
    sizes.push({ database: run.label, htmlBytes: listHtml.length, scripts: run.scripts })
    say(
      `/challenges: ${kb(listHtml.length)} HTML; ${run.scripts.files.length} scripts, ${kb(run.scripts.totalGzip)} gzipped`,
    )

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

    // 4a. Anonymous pages (the page cache answers after the first request), each followed by
    // the bare server sending the same bytes.
    const cacheHeader = (await getPlain(origin, pages[0]!.path)).headers['x-page-cache']
    say(`X-Page-Cache on a repeated anonymous GET /challenges: ${cacheHeader ?? '(none)'}`)
    const bareAnonymous = run.full ? await startBare(bodies, `${run.label}-anonymous`) : undefined
    if (bareAnonymous) bares.push(bareAnonymous)
    for (const page of pages) {
      await settle(origin)
      // The page cache keeps a page ≤ 30 s and does not merge concurrent misses: 32 connections
      // starting on an expired page would all render it (a stampede, measured separately by the
      // uncached timings). One request first, so the measurement sees the cached page.
      await getPlain(origin, page.path)
      const m = await wrk(origin, page.path, CONNECTIONS)
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
      if (bareAnonymous) {
        row.bare = await wrk(bareAnonymous.origin, page.path, CONNECTIONS)
        row.ratio = m.reqPerSec / row.bare.reqPerSec
        say(
          `${run.label} bare ${page.name} @${CONNECTIONS}: ${describe(row.bare)} → ${pct(row.ratio)}`,
        )
      }
      rows.push(row)
    }
    if (bareAnonymous) await stopChild(bareAnonymous.bare)

    // Sign users in without the login form (its per-IP limit).
    const voterIds = ensureVoters(run.file, VOTERS)
    if (voterIds.length < VOTERS) throw new Error(`only ${voterIds.length} voters available`)
    const cookies = await createSessions(run.file, voterIds, secret)
    const signedInCookies = voterIds.slice(0, SIGNED_IN_USERS).map((id) => cookies.get(id)!)
    // A member's page is rendered for them, then kept for them until a write (PAGE_CACHE): each
    // of two members' first view is rendered, and a later one comes from the cache. A job's
    // write in between starts their copies over, so up to five views each.
    const cacheHeaders: string[][] = []
    for (const cookie of signedInCookies.slice(0, 2)) {
      const seen: string[] = []
      for (let view = 0; view < 5 && seen.at(-1) !== 'hit'; view++) {
        const page = await getPlain(origin, '/challenges', { cookie })
        if (page.status !== 200 || !page.body.includes('action="/logout"'))
          throw new Error(`a signed-in GET /challenges did not look signed in (${page.status})`)
        seen.push(String(page.headers['x-page-cache']))
      }
      cacheHeaders.push(seen)
    }
    if (cacheHeaders.some((seen) => seen[0] === 'hit' || seen.at(-1) !== 'hit'))
      throw new Error(
        `signed-in GETs of /challenges did not look like members' own kept pages (X-Page-Cache ${JSON.stringify(cacheHeaders)})`,
      )
    say(
      `X-Page-Cache on signed-in GETs of /challenges, two members: ${cacheHeaders.map((seen) => seen.join(', ')).join('; ')}`,
    )

    // 4b. Signed-in pages, each member's own copy kept for them until a write. At 32 connections
    // compared with the bare server (sending one signed-in user's bytes) and with the framework
    // floor.
    const signedInPages = pages.slice(0, 2)
    let bareSignedIn: Awaited<ReturnType<typeof startBare>> | undefined
    if (run.full) {
      const signedInBodies: Body[] = []
      for (const page of signedInPages)
        signedInBodies.push(
          asBody(page.path, await getPlain(origin, page.path, { cookie: signedInCookies[0]! })),
        )
      bareSignedIn = await startBare(signedInBodies, `${run.label}-signed-in`)
      bares.push(bareSignedIn)
    }
    const signedInRows: Row[] = []
    for (const page of signedInPages) {
      for (const connections of [1, CONNECTIONS]) {
        await settle(origin)
        const m = await wrk(origin, page.path, connections, signedInCookies)
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
        if (bareSignedIn && connections === CONNECTIONS) {
          row.bare = await wrk(bareSignedIn.origin, page.path, connections, signedInCookies)
          row.ratio = m.reqPerSec / row.bare.reqPerSec
          say(`${run.label} bare signed-in ${page.name} @${connections}: ${describe(row.bare)}`)
          signedInRows.push(row)
        }
        rows.push(row)
      }
    }
    if (bareSignedIn) await stopChild(bareSignedIn.bare)

    // 4b'. The same signed-in pages rendered for every request (a second server on the same
    // file, PAGE_CACHE=anonymous): what a member's page costs when a write has just emptied the
    // cache. Shown beside the floor, not a target.
    if (run.full) {
      const rendering = await startProductionServer({
        databaseUrl: `file:${run.file}`,
        secret,
        logFile: path.join(tmp, `server-${run.label}-rendering.log`),
        env: { PAGE_CACHE: 'anonymous' },
      })
      try {
        for (const page of signedInPages) {
          await getPlain(rendering.origin, page.path, { cookie: signedInCookies[0]! })
          const m = await wrk(rendering.origin, page.path, CONNECTIONS, signedInCookies)
          await settle(rendering.origin)
          say(
            `${run.label} signed-in ${page.name}, rendered each time @${CONNECTIONS}: ${describe(m)}`,
          )
          const row: Row = {
            page: page.name,
            path: page.path,
            database: run.label,
            mode: 'signed in, rendered',
            connections: CONNECTIONS,
            app: m,
          }
          signedInRows.push(row)
          rows.push(row)
        }
      } finally {
        await stopChild(rendering.server)
      }
    }

    // 4c. The framework floor on the same database, right after the signed-in pages.
    if (run.full) {
      const { floor, origin: floorOrigin } = await startFloor(run.file)
      try {
        const cards = ((await getPlain(floorOrigin, '/')).body.toString().match(/<article>/g) ?? [])
          .length
        if (cards !== 20) throw new Error(`the floor page shows ${cards} cards, not 20`)
        const m = await wrk(floorOrigin, '/', CONNECTIONS)
        say(`${run.label} floor (bare Remix page, 20 cards) @${CONNECTIONS}: ${describe(m)}`)
        rows.push({
          page: 'floor (bare Remix, 20 cards)',
          path: '/',
          database: run.label,
          mode: 'floor',
          connections: CONNECTIONS,
          app: m,
        })
        for (const row of signedInRows) {
          row.floor = m
          row.floorRatio = row.app.reqPerSec / m.reqPerSec
        }
      } finally {
        await stopChild(floor)
      }
    }

    // 4d. Vote toggles by many users, then: none lost or doubled?
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
    if (run.full) {
      say(`${run.label}: timing /reports as a moderator…`)
      reportsTimings = await measureReports(origin, await moderatorCookie(run.file, secret))
      say(`/reports on ${run.label}:\n${reportsText(reportsTimings)}`)
    }
    clearInterval(sampler)
    await sleep(1000)
    const after = treeRss(server.pid)
    run.memory = {
      idleBytes: idle.bytes,
      afterBytes: after.bytes,
      peakBytes: Math.max(peak, after.bytes),
      processes: Math.max(idle.processes, after.processes),
      detail: after.names,
    }
    say(
      `${run.label} RSS: idle ${mb(idle.bytes)}, after the load ${mb(after.bytes)} (${after.names.join(', ')}), peak ${mb(run.memory.peakBytes)}`,
    )
  } finally {
    clearInterval(sampler)
    await stopChild(server)
    for (const b of bares) await stopChild(b.bare)
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
 * Waits until the server has finished what the client left behind when it stopped (the server
 * does not abort work for closed sockets): /healthz answering fast three times in a row.
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
    `${i.pairsTouched} user×challenge pairs touched (${i.pairsUncertain} unanswered: ` +
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

/** Issue 11's targets, on the large database. */
function targets(o: Outcome): Check[] {
  const out: Check[] = []
  const db = o.large.label
  const find = (page: string, mode: Row['mode']) =>
    o.rows.find(
      (r) =>
        r.database === db && r.page === page && r.mode === mode && r.connections === CONNECTIONS,
    )
  for (const page of ['list', 'challenge', 'search', 'home']) {
    const r = find(page, 'anonymous')
    if (!r) continue
    out.push({
      target: `anonymous ${page} @${CONNECTIONS}: ≥ 50% of bare, p99 < 50 ms`,
      measured: `${pct(r.ratio)} of bare (${int(r.app.reqPerSec)} / ${int(r.bare?.reqPerSec)} req/s), p99 ${f2(r.app.p99)} ms, ${r.app.errors} errors`,
      pass: (r.ratio ?? 0) >= 0.5 && r.app.p99 < 50 && r.app.errors === 0,
    })
  }
  for (const page of ['list', 'challenge']) {
    const r = find(page, 'signed in')
    if (!r) continue
    out.push({
      target: `signed-in ${page} @${CONNECTIONS}: ≥ 1.0× the bare Remix page, p99 < 250 ms`,
      measured: `${f2(r.floorRatio)}× (${int(r.app.reqPerSec)} / ${int(r.floor?.reqPerSec)} req/s), p99 ${f2(r.app.p99)} ms, ${r.app.errors} errors`,
      pass: (r.floorRatio ?? 0) >= 1 && r.app.p99 < 250 && r.app.errors === 0,
    })
  }
  if (o.npmStart) {
    const { once, rssSum, names } = o.npmStart
    out.push({
      target: `idle memory of everything \`npm start\` leaves running ≤ ${IDLE_RSS_MB} MB (pages counted once)`,
      measured: `${once === null ? 'unknown' : mb(once)} (${names.join(' + ')}: RSS sum ${mb(rssSum)})`,
      pass: once !== null && once <= IDLE_RSS_MB * 2 ** 20,
    })
  }
  const m = o.large.memory
  if (m) {
    out.push({
      target: `idle RSS of the server (${SERVER.label}, all its processes) ≤ ${IDLE_RSS_MB} MB`,
      measured: `${mb(m.idleBytes)} (${m.processes} process${m.processes === 1 ? '' : 'es'})`,
      pass: m.idleBytes <= IDLE_RSS_MB * 2 ** 20,
    })
    out.push({
      target: `RSS after the load ≤ ${AFTER_RSS_MB} MB`,
      measured: `${mb(m.afterBytes)} (peak during the load ${mb(m.peakBytes)})`,
      pass: m.afterBytes <= AFTER_RSS_MB * 2 ** 20,
    })
  }
  return out
}

/** The `<!-- key:start -->…<!-- key:end -->` sections of bench/results.md that `md` lacks. */
function keptSections(md: string) {
  const file = path.join(root, 'bench/results.md')
  if (!fs.existsSync(file)) return ''
  const old = fs.readFileSync(file, 'utf8')
  const sections = [...old.matchAll(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g)]
  return sections
    .filter(([, key]) => !md.includes(`<!-- ${key}:start -->`))
    .map(([section]) => `\n\n${section}\n`)
    .join('')
}

/** Issue 3's targets, still measured. */
function earlierTargets(o: Outcome): Check[] {
  const out: Check[] = []
  const find = (db: string, page: string, mode: Row['mode'], conns: number) =>
    o.rows.find(
      (r) => r.database === db && r.page === page && r.mode === mode && r.connections === conns,
    )
  const runs = o.demo ? [o.demo, o.large] : [o.large]
  for (const run of runs) {
    const db = run.label
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
    if (votes)
      out.push({
        target: `vote toggles (${db}) @${CONNECTIONS}: ≥ 1,000/s, synchronous=FULL, none lost or doubled`,
        measured: `${int(votes.app.reqPerSec)}/s, ${votes.app.errors} errors, integrity ${run.integrity?.ok ? 'OK' : 'FAILED'}`,
        pass: votes.app.reqPerSec >= 1000 && votes.app.errors === 0 && Boolean(run.integrity?.ok),
      })
  }
  for (const l of latencyComparisons(o)) {
    out.push({
      target: `latency ${o.large.label} ÷ demo, ${l.row.page} (${l.row.mode}) @${l.row.connections}: ≤ 1.3×`,
      measured: `p50 ${f2(l.p50)}×, p99 ${f2(l.p99)}×`,
      pass: l.p50 <= 1.3 && l.p99 <= 1.3,
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

function latencyComparisons(o: Outcome) {
  const demo = o.demo
  if (!demo) return []
  return o.rows
    .filter((r) => r.database === o.large.label && r.mode !== 'floor')
    .flatMap((r) => {
      const d = o.rows.find(
        (x) =>
          x.database === demo.label &&
          x.page === r.page &&
          x.mode === r.mode &&
          x.connections === r.connections,
      )
      return d ? [{ row: r, demo: d, p50: r.app.p50 / d.app.p50, p99: r.app.p99 / d.app.p99 }] : []
    })
}

function latencyRows(o: Outcome): string[][] {
  return latencyComparisons(o).map((l) => [
    `${l.row.page} (${l.row.mode})`,
    String(l.row.connections),
    `${f2(l.demo.app.p50)} / ${f2(l.row.app.p50)}`,
    `${f2(l.p50)}×`,
    `${f2(l.demo.app.p99)} / ${f2(l.row.app.p99)}`,
    `${f2(l.p99)}×`,
    mark(l.p50 <= 1.3 && l.p99 <= 1.3),
  ])
}

async function report(o: Outcome) {
  const m = machine()
  const loadEnd = os.loadavg()
  const runs = o.demo ? [o.demo, o.large] : [o.large]
  const main = targets(o)
  const earlier = earlierTargets(o)
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
  const checkRows = (list: Check[]) => list.map((c) => [c.target, c.measured, mark(c.pass)])
  const passed = (list: Check[]) => list.filter((c) => c.pass).length
  const memoryHeader = ['database', 'idle', 'after the load', 'peak', 'processes after the load']
  const memoryRows = runs.flatMap((r) =>
    r.memory
      ? [
          [
            r.label,
            mb(r.memory.idleBytes),
            mb(r.memory.afterBytes),
            mb(r.memory.peakBytes),
            r.memory.detail.join(', '),
          ],
        ]
      : [],
  )
  const sizeRows = o.sizes.map((s) => [
    s.database,
    `${int(s.htmlBytes)} B (${kb(s.htmlBytes)})`,
    `${kb(s.scripts.totalGzip)}`,
    String(s.scripts.files.length),
  ])
  const uncachedRows = runs.flatMap((r) =>
    (r.uncached ?? []).map((u) => [u.page, r.label, f2(u.medianMs), f2(u.maxMs)]),
  )
  const uncachedHeader = [
    'page (anonymous, page cache bypassed)',
    'database',
    'median ms',
    'max ms',
  ]
  const integrity = runs.map(
    (r) => `- ${r.label}: ${r.integrity ? integrityText(r.integrity) : 'not run'}`,
  )
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')

  console.log('\n' + textTable(ROW_HEADER, tableRows))
  if (lat.length)
    console.log('\nLatency at ' + o.large.label + ' vs demo\n' + textTable(latencyHeader, lat))
  console.log(
    '\nSizes of /challenges\n' + textTable(['database', 'HTML', 'JS gzipped', 'files'], sizeRows),
  )
  console.log(
    '\nOne request at a time, page cache bypassed\n' + textTable(uncachedHeader, uncachedRows),
  )
  console.log('\nVote integrity\n' + integrity.join('\n'))
  console.log('\nServer memory (RSS)\n' + textTable(memoryHeader, memoryRows))
  console.log(
    `\nEarlier targets (issue 3): ${passed(earlier)}/${earlier.length} PASS\n` +
      textTable(['target', 'measured', ''], checkRows(earlier)),
  )
  console.log(
    `\nTargets (issue 11, ${o.large.label}): ${passed(main)}/${main.length} PASS\n` +
      textTable(['target', 'measured', ''], checkRows(main)),
  )
  for (const n of o.notes) console.log(`NOTE: ${n}`)

  const date = new Date().toISOString()
  const largeSeed = o.large.seedReused
    ? 'seeded earlier and reused from bench/tmp/'
    : `seeded in ${o.large.seedSeconds.toFixed(1)} s`
  const md = [
    '# Benchmark results',
    '',
    `- Date: ${date}`,
    `- Command: \`${command()}\` (after \`npm run build\`)`,
    `- Machine: nproc ${m.nproc}, ${m.cpu}, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}`,
    `- Load average before / after: ${load(o.loadStart)} / ${load(loadEnd)}. The machine may be shared; the ratios compare measurements taken by the same client in the same run, one right after the other, so they are the figures to compare.`,
    `- Databases: ${o.demo ? `demo town (${int(o.demo.counts.challenges)} challenges, ${int(o.demo.counts.votes)} votes, seeded in ${o.demo.seedSeconds.toFixed(1)} s); ` : ''}${o.large.label}: ${int(o.large.counts.challenges)} challenges, ${int(o.large.counts.votes)} challenge votes, ${int(o.large.counts.users)} users, ${int(o.large.counts.comments)} comments (${largeSeed})`,
    `- Server: \`${SERVER.label}\` (NODE_ENV=production, LOG_LEVEL=warn), started by the benchmark in its own process group; RSS is the sum over that process and its descendants, read from /proc (idle: 2 s after the health probe first answered, before any other request; after: once every measurement on that server, /reports included, has finished).`,
    `- \`npm start\` idle: run first, on a database that does not exist yet (it builds, migrates, seeds the demo town, serves); 2 s after /healthz first answered, the resident memory of npm and the server it leaves running, as the sum of their VmRSS and with each physical page counted once (the union of their frames in /proc/PID/pagemap: the two node processes share the node binary's pages, which a sum counts twice).`,
    `- Client: ${o.wrkVersion}, \`wrk -t${WRK_THREADS} -c${CONNECTIONS} -d${DURATION}s --latency -s bench/wrk-report.lua\` after a ${WARMUP} s warm-up with the same settings, on 127.0.0.1, no Accept-Encoding (so every server sends identity); req/s = completed requests ÷ duration, p50/p99 from wrk's latency histogram. Vote toggles come from a Node client (bench/load.ts), which ties each answer to its user for the integrity check.`,
    `- Bare server: \`bench/bare-server.mjs\` (node:http) sending the bytes and headers (minus date, connection and transfer-encoding; with content-length) the app sent for that request, measured right after the app. Signed-in pages: one signed-in user's bytes.`,
    `- Framework floor: \`bench/floor/\`, a bare Remix 2 page (classic compiler, built by the benchmark in ${o.floorBuildSeconds.toFixed(1)} s) served by \`@remix-run/express\` on plain node, 20 cards read through Kysely from the same database, no auth, no i18n; measured right after the signed-in pages.`,
    `- Pages: list \`/challenges\`, challenge \`/challenges/${o.rich.id}\` (“${o.rich.title}”), search \`/challenges?q=${o.word}\`, home \`/\`. Signed-in requests rotate over ${SIGNED_IN_USERS} session cookies; vote toggles come from ${VOTERS} users (each vote followed by its withdrawal) on up to 2,000 random votable challenges.`,
    ...o.notes.map((n) => `- Note: ${n}`),
    '',
    `## Targets (issue 11, ${o.large.label} database): ${passed(main)} of ${main.length} PASS`,
    '',
    markdownTable(['target', 'measured', 'result'], checkRows(main)),
    '',
    '## Server memory (RSS)',
    '',
    markdownTable(memoryHeader, memoryRows),
    '',
    '## Measurements',
    '',
    'Errors = responses with status ≥ 400 + socket errors + timeouts. Ratio to bare = app req/s ÷ bare req/s for the same bytes at the same connections; ratio to floor = app req/s ÷ the bare Remix page’s req/s.',
    '',
    markdownTable(ROW_HEADER, tableRows),
    '',
    `## Earlier targets (issue 3): ${passed(earlier)} of ${earlier.length} PASS`,
    '',
    'Issue 3 asked for anonymous pages ≥ 50% of bare with p99 < 100 ms; issue 11 tightened that to p99 < 50 ms (above). Measured with autocannon until issue 11, whose ceiling (about 7,000 req/s here) made the ratios to bare look far better than they were.',
    '',
    markdownTable(['target', 'measured', 'result'], checkRows(earlier)),
    '',
    ...(lat.length
      ? [`## Latency at ${o.large.label} vs demo`, '', markdownTable(latencyHeader, lat), '']
      : []),
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
  // Sections other commands wrote (Lighthouse, `--only …`) stay; this run rewrites the rest.
  await pretty(path.join(root, 'bench/results.md'), md + keptSections(md))
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
          client: o.wrkVersion,
          threads: WRK_THREADS,
          durationSeconds: DURATION,
          warmupSeconds: WARMUP,
          connections: CONNECTIONS,
          voters: VOTERS,
          signedInUsers: SIGNED_IN_USERS,
          server: SERVER.label,
        },
        databases: runs.map((r) => ({
          label: r.label,
          counts: r.counts,
          seedSeconds: r.seedSeconds,
          seedReused: r.seedReused,
          listHtmlBytes: r.listHtmlBytes,
          scripts: r.scripts,
          integrity: r.integrity,
          uncached: r.uncached,
          memory: r.memory,
        })),
        pages: o.pages,
        rows: o.rows,
        targets: main,
        earlierTargets: earlier,
        notes: o.notes,
      },
      null,
      2,
    ) + '\n',
  )
  say(
    `wrote bench/results.md and bench/results.json (issue 11 targets: ${passed(main)}/${main.length} PASS)`,
  )
}

/**
 * For `--only scaling`: a migrated working copy of the large town to move with db:copy
 * (`--db FILE`, else the newest cached one in bench/tmp/), or none.
 */
async function largeForCopy(): Promise<string | undefined> {
  const dir = path.join(root, 'bench/tmp')
  const cached = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^scale-\d+-\w+\.sqlite$/.test(f))
        .map((f) => path.join(dir, f))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    : []
  const source = flags.db ? path.resolve(flags.db) : cached[0]
  if (!source) return undefined
  tmp ||= fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const file = path.join(tmp, 'large-copy.sqlite')
  copyDatabase(source, file)
  await runCommand(process.execPath, ['--import', 'tsx', 'db/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    timeoutMs: 300_000,
    label: 'migrating the large copy',
  })
  return file
}

/** Issue 12: 1 and 2 processes on SQLite and on PostgreSQL (bench/scaling.ts). */
async function scaling(copyFrom?: string) {
  tmp ||= fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const { rows, copy } = await measureScaling({ seconds: DURATION, tmp, say, copyFrom })
  await writeResultsSection(root, 'scaling', scalingMarkdown(rows, copy))
  say('wrote the scaling section of bench/results.md')
}

const PHOTO_UPLOADS = 10
const PHOTO_SOURCES = 3

/**
 * Issue 13 (bench/photos.ts): photo uploads through the form on the large town, and the first
 * view of the board and of a challenge page with photos. `from` is the large database (the
 * full run's), else --db or the cached seed.
 */
async function photos(from?: string) {
  tmp ||= fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const file = path.join(tmp, 'photos.sqlite')
  const source = from ?? (flags.db ? path.resolve(flags.db) : undefined)
  if (source) {
    if (!fs.existsSync(source)) throw new Error(`no database at ${source}`)
    const db = new SQLite(source, { readonly: true })
    await db.backup(file)
    db.close()
  } else {
    say(`the ${SCALE}-challenge database…`)
    const cached = await cachedScaleDatabase(SCALE, flags.fresh, Math.max(300_000, SCALE * 9))
    copyDatabase(cached.file, file)
  }
  await runCommand(process.execPath, ['--import', 'tsx', 'db/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, LOG_LEVEL: 'warn' },
    timeoutMs: 300_000,
    label: 'migrating the photo copy',
  })
  say(`making ${PHOTO_SOURCES} 12-megapixel camera photos…`)
  const jpegs: Buffer[] = []
  for (let i = 0; i < PHOTO_SOURCES; i++) jpegs.push(await cameraPhoto(i + 1))
  const templateMs: number[] = []
  const templates = []
  for (const jpeg of jpegs) {
    const t = performance.now()
    templates.push(...(await templatePhotos([jpeg])))
    templateMs.push(performance.now() - t)
  }
  const page = richChallengeId(file)
  const seeded = addPhotos(file, templates, {
    newest: 200,
    pagePhotos: 3,
    pageChallenge: page.id,
  })
  say(`${seeded.photos} photos on ${seeded.challenges} challenges (${seeded.seconds.toFixed(1)} s)`)
  const c = counts(file)
  const database = `${int(c.challenges)} challenges, ${int(seeded.photos)} photos`
  const secret = randomBytes(32).toString('hex')
  const members = ensureVoters(file, PHOTO_UPLOADS + 1)
  const cookies = [...(await createSessions(file, members, secret)).values()]
  const form = uploadForm(file)
  const { server, origin } = await startServer(
    file,
    secret,
    'photos',
    process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined,
  )
  try {
    await settle(origin)
    const idleRss = treeRss(server.pid).bytes
    say(`uploading ${PHOTO_UPLOADS + 1} photos through /challenges/new…`)
    const uploads = await measureUploads(
      origin,
      server.pid,
      cookies,
      form,
      Array.from({ length: PHOTO_UPLOADS + 1 }, (_, i) => jpegs[i % jpegs.length]!),
    )
    say('first views in Chromium…')
    const views = await firstViews(origin, ['/challenges', `/challenges/${page.id}`])
    const m = machine()
    const outcome: PhotosOutcome = {
      date: new Date().toISOString(),
      command: command(),
      machine: `${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}`,
      database,
      seeded,
      templateMs,
      photoBytes: jpegs.map((j) => j.length),
      uploads,
      idleRss,
      views: views.map((v, i) => ({ ...v, label: i === 0 ? 'board' : 'challenge page' })),
    }
    console.log(`\nphotos\n${photosText(outcome)}`)
    await writeResultsSection(root, 'photos', photosMarkdown(outcome))
    say('wrote the photos section of bench/results.md')
  } finally {
    await stopChild(server)
  }
}

async function onlyNpmStart() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-bench-'))
  const { rssSum, once, names } = await measureNpmStart()
  const markdown = [
    '## `npm start`, idle (issue 11)',
    '',
    `- Date: ${new Date().toISOString()}; command: \`${command()}\` (a full \`npm run bench\` measures the same first and lists it among the targets).`,
    '- `npm start` on a database that does not exist yet (it builds, migrates, seeds the demo town and serves); 2 s after /healthz first answered, the resident memory of npm and the server it leaves running. Summing their VmRSS counts the pages they share (the node binary, ~45 MB) twice; counted once is the union of their physical frames (/proc/PID/pagemap, which needs root).',
    '',
    markdownTable(
      ['processes', 'RSS summed', `pages counted once (target ≤ ${IDLE_RSS_MB} MB)`],
      [[names.join(' + '), mb(rssSum), once === null ? 'unknown (not root)' : mb(once)]],
    ),
  ].join('\n')
  await writeResultsSection(root, 'npm-start', markdown)
  say('wrote the npm-start section of bench/results.md')
}

const job: Promise<unknown> =
  flags.only === 'reports'
    ? onlyReports()
    : flags.only === 'scaling'
      ? largeForCopy().then(scaling)
      : flags.only === 'photos'
        ? photos()
        : flags.only === 'npm-start'
          ? onlyNpmStart()
          : main().then(async (outcome) => {
              await report(outcome)
              if (reportsTimings.length)
                await writeReportsSection(root, reportsTimings, {
                  database: `${int(outcome.large.counts.challenges)} challenges, ${int(outcome.large.counts.votes)} challenge votes`,
                  command: command(),
                })
              await scaling(outcome.large.file)
              await photos(outcome.large.file)
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
