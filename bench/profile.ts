/**
 * A CPU profile of the production server under one load (wrk; vote toggles from a Node client), summarised by where the
 * self time goes (package, app file, garbage collection). For finding bottlenecks; not part of
 * `npm run bench`.
 *
 *   npx tsx bench/profile.ts --db /tmp/…/large.sqlite --path /challenges [--signed-in | --votes]
 *        [--connections 32] [--seconds 10] [--top 25]
 *
 * Use a database seeded for the benchmark (`npx tsx bench/run.ts … --keep` keeps them).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createSessions, ensureVoters, voteTargets } from './db'
import { ensureWrk, measureGet, measureVotes } from './load'
import { killAllChildrenSync, startProductionServer, stopChild } from './procs'

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    path: { type: 'string', default: '/challenges' },
    'signed-in': { type: 'boolean', default: false },
    votes: { type: 'boolean', default: false },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
  },
})
if (!values.db || !fs.existsSync(values.db)) {
  console.error(
    'Usage: npx tsx bench/profile.ts --db FILE.sqlite [--path P] [--signed-in | --votes]',
  )
  process.exit(1)
}
process.on('exit', () => killAllChildrenSync())

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

function where(url: string, fn: string) {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  if (url.startsWith('node:')) return url
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')
}

function summarise(profile: Profile, top: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  )
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const byPlace = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, t] of self) {
    const n = byId.get(id)!
    const place = where(n.callFrame.url, n.callFrame.functionName)
    byPlace.set(place, (byPlace.get(place) ?? 0) + t)
    const fn = `${n.callFrame.functionName || '(anonymous)'}  ${place}:${n.callFrame.lineNumber + 1}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t)
  }
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`)
    for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
  }
  show('Self time by package / file', byPlace)
  show('Self time by function', byFunction)
}

async function main() {
  const file = path.resolve(values.db!)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-profile-'))
  const secret = randomBytes(32).toString('hex')
  const connections = Number(values.connections)
  const seconds = Number(values.seconds)
  let cookies: string[] = []
  let voters: Array<{ id: number; cookie: string }> = []
  if (values['signed-in'] || values.votes) {
    const ids = ensureVoters(file, 400)
    const map = await createSessions(file, ids, secret)
    voters = ids.map((id) => ({ id, cookie: map.get(id)! }))
    cookies = voters.slice(0, 50).map((v) => v.cookie)
  }
  if (!values.votes) ensureWrk()
  // The same server as the benchmark's (build/server.js, or server/main.ts through tsx).
  const { server, origin } = await startProductionServer({
    databaseUrl: `file:${file}`,
    secret,
    logFile: path.join(tmp, 'server.log'),
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${tmp}`],
  })
  try {
    if (!values.votes) await measureGet(origin, values.path!, connections, 2, cookies) // warm-up
    const m = values.votes
      ? (await measureVotes(origin, connections, seconds, voters, voteTargets(file, 2000))).result
      : await measureGet(origin, values.path!, connections, seconds, cookies)
    console.log(
      `${values.votes ? 'votes' : values.path} @${connections}: ${Math.round(m.reqPerSec)} req/s, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, errors ${m.errors}`,
    )
  } finally {
    await stopChild(server, 15_000)
  }
  // The biggest profile is the server's.
  const profiles = fs
    .readdirSync(tmp)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(tmp, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)
  if (!profiles[0]) throw new Error(`no profile written in ${tmp}`)
  console.log(`profile: ${profiles[0]}`)
  summarise(JSON.parse(fs.readFileSync(profiles[0], 'utf8')) as Profile, Number(values.top))
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
