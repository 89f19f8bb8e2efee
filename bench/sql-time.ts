/**
 * Where a request's time goes in SQL: serves the built app in-process (as tests/helpers/http.ts
 * does, page cache off), times every statement run on the app's SQLite connections, and prints
 * the slowest per request. For finding bottlenecks; not part of `npm run bench`.
 *
 *   npx tsx bench/sql-time.ts --db /tmp/…/large.sqlite [--signed-in] [--n 50] /challenges /challenges/1 /
 *   npx tsx bench/sql-time.ts --db … --vote /challenges/7      (signed in; vote, unvote, vote, …)
 */
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type SQLite from 'better-sqlite3'

const { values, positionals } = parseArgs({
  options: {
    db: { type: 'string' },
    'signed-in': { type: 'boolean', default: false },
    vote: { type: 'boolean', default: false },
    n: { type: 'string', default: '50' },
  },
  allowPositionals: true,
})
if (!values.db) {
  console.error('Usage: npx tsx bench/sql-time.ts --db FILE.sqlite [--signed-in] [--n 50] PATH…')
  process.exit(1)
}
const file = path.resolve(values.db)
const secret = randomBytes(32).toString('hex')
Object.assign(process.env, {
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: secret,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1:1',
})

type Timed = Map<string, [ms: number, count: number]>

/**
 * Times every statement through the Statement prototype, so statements the app prepared (and
 * cached) before the instrument went in are timed too.
 */
function instrument(handle: SQLite.Database, times: Timed) {
  const proto = Object.getPrototypeOf(handle.prepare('select 1')) as Record<string, unknown>
  if (proto.__timed) return
  proto.__timed = true
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method] as (this: SQLite.Statement, ...a: unknown[]) => unknown
    proto[method] = function (this: SQLite.Statement, ...args: unknown[]) {
      const started = performance.now()
      try {
        return original.apply(this, args)
      } finally {
        const entry = times.get(this.source) ?? [0, 0]
        entry[0] += performance.now() - started
        entry[1]++
        times.set(this.source, entry)
      }
    }
  }
}

async function main() {
  const { createApp } = await import('../server/app')
  const { createSessions, ensureVoters } = await import('./db')
  const build = await import(pathToFileURL(path.resolve('build/index.js')).href)
  const runtime = build.entry.module.runtime
  const app = createApp({
    build,
    runtime,
    mode: 'production',
    publicOrigin: 'http://127.0.0.1:1',
    https: false,
    pageCache: false,
  })
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const headers: Record<string, string> = {}
  if (values['signed-in'] || values.vote) {
    const [id] = ensureVoters(file, 1)
    headers.cookie = (await createSessions(file, [id!], secret)).get(id!)!
  }
  const paths = positionals.length ? positionals : ['/challenges']
  let toggle = 0
  const request = (p: string) =>
    values.vote
      ? fetch(origin + p, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            ...headers,
            origin,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: `intent=${toggle++ % 2 ? 'unvote' : 'vote'}`,
        })
      : fetch(origin + p, { headers })
  for (const p of paths) await (await request(p)).text() // opens the DB, warms up

  const g = globalThis as unknown as {
    utmanaDb?: { sqlite: SQLite.Database }
    utmanaSideDb?: SQLite.Database
  }
  const times: Timed = new Map()
  if (!g.utmanaDb) throw new Error('the app did not open its database on globalThis.utmanaDb')
  instrument(g.utmanaDb.sqlite, times)
  if (g.utmanaSideDb && g.utmanaSideDb !== g.utmanaDb.sqlite) instrument(g.utmanaSideDb, times)

  const n = Number(values.n)
  for (const p of paths) {
    for (let i = 0; i < 5; i++) await (await request(p)).text()
    times.clear()
    const started = performance.now()
    for (let i = 0; i < n; i++) {
      const res = await request(p)
      await res.text()
      if (res.status !== (values.vote ? 302 : 200)) throw new Error(`${p} answered ${res.status}`)
    }
    const per = (performance.now() - started) / n
    const all = [...times.values()]
    const sql = all.reduce((s, [ms]) => s + ms, 0) / n
    const count = all.reduce((s, [, c]) => s + c, 0) / n
    console.log(
      `\n${values.vote ? 'POST ' : ''}${p}${values['signed-in'] || values.vote ? ' (signed in)' : ''}: ${per.toFixed(2)} ms per request, of which SQL ${sql.toFixed(2)} ms in ${count} statements`,
    )
    for (const [source, [ms, c]] of [...times].sort((a, b) => b[1][0] - a[1][0]).slice(0, 8))
      console.log(
        `  ${(ms / n).toFixed(3)} ms  ×${(c / n).toFixed(1)}  ${source.replace(/\s+/g, ' ').slice(0, 260)}`,
      )
  }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await runtime.close()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error)
    process.exit(1)
  },
)
