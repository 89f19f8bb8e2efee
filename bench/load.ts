import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

export interface Measurement {
  requests: number
  reqPerSec: number
  p50: number
  p99: number
  ok: number
  errors: number
  statuses: Record<string, number>
  socketErrors: number
  timeouts: number
  seconds: number
  /** which client measured it */
  client: 'wrk' | 'node'
}

/** wrk's thread count: one, so the client keeps one core and the server the other. */
export const WRK_THREADS = 1
const LUA = path.resolve('bench/wrk-report.lua')

/**
 * wrk (a C client; Debian package `wrk`): installed with apt when missing. Node clients such as
 * autocannon top out near 7,000 req/s on a 2-core machine, below what a bare node:http server
 * answers, so every ratio to the bare server was the client's ceiling (issue 11).
 */
export function ensureWrk(say: (message: string) => void = console.log): string {
  const find = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim()
    } catch {
      return ''
    }
  }
  let wrk = find()
  if (wrk) return wrk
  say('wrk is missing: apt-get install -y wrk …')
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n']
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, ...args]
    execFileSync(cmd!, rest, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  try {
    run(['apt-get', 'install', '-y', '-q', 'wrk'])
  } catch {
    run(['apt-get', 'update', '-q'])
    run(['apt-get', 'install', '-y', '-q', 'wrk'])
  }
  wrk = find()
  if (!wrk) throw new Error('wrk could not be installed (apt-get install -y wrk)')
  return wrk
}

interface WrkJson {
  requests: number
  duration_us: number
  bytes: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
  latency_us: { p50: number; p99: number; max: number }
}

/**
 * One wrk run: `wrk -t1 -cN -dSs --latency -s bench/wrk-report.lua URL`. req/s = completed
 * requests ÷ duration; p50/p99 from wrk's latency histogram (per request, from sending it to
 * its whole response). `cookies` (if any) rotate per request: several signed-in users.
 */
export function measureGet(
  origin: string,
  pathname: string,
  connections: number,
  duration: number,
  cookies: string[] = [],
): Promise<Measurement> {
  let cookieFile = ''
  if (cookies.length) {
    cookieFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-wrk-')), 'cookies.txt')
    fs.writeFileSync(cookieFile, cookies.join('\n') + '\n')
  }
  const args = [
    `-t${WRK_THREADS}`,
    `-c${connections}`,
    `-d${duration}s`,
    '--timeout',
    '10s',
    '--latency',
    '-s',
    LUA,
    origin + pathname,
  ]
  return new Promise<Measurement>((resolve, reject) => {
    const child = spawn('wrk', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRK_COOKIES: cookieFile },
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), (duration + 30) * 1000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (cookieFile) fs.rmSync(path.dirname(cookieFile), { recursive: true, force: true })
      const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '))
      if (code !== 0 || !line)
        return reject(new Error(`wrk ${args.join(' ')} failed (exit ${code}):\n${out.trim()}`))
      const j = JSON.parse(line.slice('WRK_JSON '.length)) as WrkJson
      const seconds = j.duration_us / 1e6
      const socketErrors = j.errors.connect + j.errors.read + j.errors.write
      // No answer in the whole run: no latency to report (wrk would say 0 ms).
      const none = j.requests === 0
      resolve({
        requests: j.requests,
        reqPerSec: j.requests / seconds,
        p50: none ? NaN : j.latency_us.p50 / 1000,
        p99: none ? NaN : j.latency_us.p99 / 1000,
        ok: j.requests - j.errors.status,
        // wrk counts a status ≥ 400 as a status error; 3xx count as answered
        errors: j.errors.status + socketErrors + j.errors.timeout,
        statuses: j.errors.status ? { '≥400': j.errors.status } : {},
        socketErrors,
        timeouts: j.errors.timeout,
        seconds,
        client: 'wrk',
      })
    })
  })
}

function percentile(sorted: Float64Array, p: number) {
  if (!sorted.length) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export interface VoteLog {
  /** [challenge, user, vote 1 / unvote 0, status] in response order */
  responses: Array<[number, number, number, number]>
  /** "challenge:user" pairs with a request whose outcome we did not see */
  uncertain: Set<string>
}

/**
 * Vote toggles, from a Node client (the integrity check needs each response tied to its user
 * and challenge, which wrk's Lua API does not give; at a few hundred writes a second the client
 * is far from its ceiling): `connections` loops, each on its own keep-alive socket, take a user
 * from a FIFO pool (so no user has two requests in flight and each user's requests happen in
 * order), vote on a random challenge, withdraw that vote, and return the user to the pool.
 */
export async function measureVotes(
  origin: string,
  connections: number,
  duration: number,
  voters: Array<{ id: number; cookie: string }>,
  targets: Array<{ id: number; author: number }>,
) {
  const pool = [...voters]
  const log: VoteLog = { responses: [], uncertain: new Set() }
  const statuses: Record<string, number> = {}
  let latencies = new Float64Array(1 << 14)
  let n = 0
  let socketErrors = 0
  let timeouts = 0
  const url = new URL(origin)
  const stopAt = Date.now() + duration * 1000
  const started = performance.now()

  const post = (agent: http.Agent, cookie: string, challenge: number, body: string) =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now()
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: `/challenges/${challenge}`,
          agent,
          headers: {
            cookie,
            origin,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            if (n === latencies.length) {
              const bigger = new Float64Array(latencies.length * 2)
              bigger.set(latencies)
              latencies = bigger
            }
            latencies[n++] = performance.now() - t
            const status = res.statusCode ?? 0
            statuses[status] = (statuses[status] ?? 0) + 1
            resolve(status)
          })
          res.on('error', reject)
        },
      )
      req.setTimeout(10_000, () => {
        timeouts++
        req.destroy(new Error('timeout'))
      })
      req.on('error', reject)
      req.end(body)
    })

  const loop = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      while (Date.now() < stopAt) {
        const voter = pool.shift()
        if (!voter) throw new Error('vote benchmark ran out of idle users; use more voters')
        let target = targets[Math.floor(Math.random() * targets.length)]!
        for (let tries = 0; target.author === voter.id && tries < 20; tries++)
          target = targets[Math.floor(Math.random() * targets.length)]!
        const key = `${target.id}:${voter.id}`
        let finished = false
        try {
          log.responses.push([
            target.id,
            voter.id,
            1,
            await post(agent, voter.cookie, target.id, 'intent=vote'),
          ])
          log.responses.push([
            target.id,
            voter.id,
            0,
            await post(agent, voter.cookie, target.id, 'intent=unvote'),
          ])
          finished = true
        } catch {
          socketErrors++
          log.uncertain.add(key)
        }
        // A user whose request went unanswered stays out of the pool: its outcome is unknown.
        if (finished) pool.push(voter)
      }
    } finally {
      agent.destroy()
    }
  }
  await Promise.all(Array.from({ length: connections }, loop))
  const seconds = (performance.now() - started) / 1000
  const sorted = latencies.subarray(0, n).sort()
  const bad = Object.entries(statuses)
    .filter(([code]) => Number(code) >= 400 || Number(code) < 200)
    .reduce((a, [, c]) => a + c, 0)
  const result: Measurement = {
    requests: n,
    reqPerSec: n / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    ok: n - bad,
    errors: bad + socketErrors,
    statuses,
    socketErrors: socketErrors - timeouts,
    timeouts,
    seconds,
    client: 'node',
  }
  return { result, log }
}
