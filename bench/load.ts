import autocannon, { type AutocannonOptions, type AutocannonRequest } from 'autocannon'

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
}

function percentile(sorted: Float64Array, p: number) {
  if (!sorted.length) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

/**
 * One autocannon run. Latencies are taken from each response (autocannon's own histogram keeps
 * whole milliseconds only); req/s is autocannon's per-second average.
 */
export function measure(options: AutocannonOptions): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    let latencies = new Float64Array(1 << 16)
    let n = 0
    const instance = autocannon({ timeout: 10, ...options }, (error, result) => {
      if (error) return reject(error)
      const sorted = latencies.subarray(0, n).sort()
      const statuses: Record<string, number> = {}
      for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count
      const ok = result['2xx'] + result['3xx']
      const bad = result['1xx'] + result['4xx'] + result['5xx']
      resolve({
        requests: ok + bad,
        reqPerSec: result.requests.average,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        ok,
        // errors counts socket errors and timeouts
        errors: bad + result.errors,
        statuses,
        socketErrors: result.errors - result.timeouts,
        timeouts: result.timeouts,
        seconds: result.duration,
      })
    })
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (n === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2)
        bigger.set(latencies)
        latencies = bigger
      }
      latencies[n++] = ms
    })
  })
}

/** A GET of one path; `cookies` (if any) rotate per request: several signed-in users. */
export function measureGet(
  origin: string,
  path: string,
  connections: number,
  duration: number,
  cookies: string[] = [],
) {
  let i = 0
  const requests: AutocannonRequest[] | undefined = cookies.length
    ? [
        {
          method: 'GET',
          path,
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, cookie: cookies[i++ % cookies.length]! },
          }),
        },
      ]
    : undefined
  return measure({ url: origin + path, connections, duration, requests })
}

export interface VoteLog {
  /** [challenge, user, vote 1 / unvote 0, status] in response order */
  responses: Array<[number, number, number, number]>
  /** "challenge:user" pairs with a request whose outcome we did not see */
  uncertain: Set<string>
}

/**
 * Vote toggles: each request takes a user from a FIFO pool (so no user has two requests in
 * flight, and each user's requests happen in order), votes on a random challenge, then the same
 * connection withdraws that vote and returns the user to the pool.
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
  const inFlight = new Map<string, number>()
  const key = (c: number, u: number) => `${c}:${u}`
  const sent = (c: number, u: number) => inFlight.set(key(c, u), (inFlight.get(key(c, u)) ?? 0) + 1)
  const done = (c: number, u: number) => {
    const k = key(c, u)
    const left = (inFlight.get(k) ?? 1) - 1
    if (left) inFlight.set(k, left)
    else inFlight.delete(k)
  }
  const headers = (cookie: string) => ({
    cookie,
    origin,
    'content-type': 'application/x-www-form-urlencoded',
  })
  const requests: AutocannonRequest[] = [
    {
      method: 'POST',
      setupRequest: (req, ctx) => {
        const voter = pool.shift()
        if (!voter) throw new Error('vote benchmark ran out of idle users; use more voters')
        let target = targets[Math.floor(Math.random() * targets.length)]!
        for (let tries = 0; target.author === voter.id && tries < 20; tries++)
          target = targets[Math.floor(Math.random() * targets.length)]!
        ctx.voter = voter
        ctx.target = target.id
        sent(target.id, voter.id)
        return {
          ...req,
          path: `/challenges/${target.id}`,
          headers: { ...req.headers, ...headers(voter.cookie) },
          body: 'intent=vote',
        }
      },
      onResponse: (status, _body, ctx) => {
        const voter = ctx.voter as { id: number }
        log.responses.push([ctx.target as number, voter.id, 1, status])
        done(ctx.target as number, voter.id)
      },
    },
    {
      method: 'POST',
      setupRequest: (req, ctx) => {
        const voter = ctx.voter as { id: number; cookie: string }
        sent(ctx.target as number, voter.id)
        return {
          ...req,
          path: `/challenges/${ctx.target as number}`,
          headers: { ...req.headers, ...headers(voter.cookie) },
          body: 'intent=unvote',
        }
      },
      onResponse: (status, _body, ctx) => {
        const voter = ctx.voter as { id: number; cookie: string }
        log.responses.push([ctx.target as number, voter.id, 0, status])
        done(ctx.target as number, voter.id)
        pool.push(voter)
      },
    },
  ]
  const result = await measure({ url: origin, connections, duration, requests })
  // Requests built but not answered (cut off at the end, or timed out): outcome unknown.
  for (const k of inFlight.keys()) log.uncertain.add(k)
  return { result, log }
}
