import { createRequire } from 'node:module'
import type pg from 'pg'
import { PostgresDialect } from 'kysely'

// Loaded on first use: `pg` (with TLS) adds about 15 MB to a process, which a SQLite site
// should not carry.
let pgModule: typeof pg | undefined
const loadPg = () => (pgModule ??= createRequire(import.meta.url)('pg') as typeof pg)

/**
 * PostgreSQL connection set-up lives here, and only here. The app sees the same JavaScript
 * values on both databases: SQLite gives counts as numbers, dates as ISO 8601 text
 * (`2026-12-03T20:45:06.654Z`) and booleans as 0/1, so PostgreSQL's int8, numeric,
 * timestamptz, date and boolean values are read that way too (per pool, not globally).
 */
const OID = { bool: 16, int8: 20, numeric: 1700, date: 1082, timestamptz: 1184 } as const

/** `2026-12-03 20:45:06.654321+00` (TimeZone=UTC, DateStyle=ISO) → `2026-12-03T20:45:06.654Z`. */
export function isoFromTimestamptz(text: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/.exec(text)
  if (!match) return new Date(text).toISOString()
  const millis = (match[3] ?? '').padEnd(3, '0').slice(0, 3)
  return `${match[1]}T${match[2]}.${millis}Z`
}

const parsers: Record<number, (text: string) => unknown> = {
  [OID.bool]: (text) => (text === 't' ? 1 : 0),
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.date]: (text) => text,
  [OID.timestamptz]: isoFromTimestamptz,
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return (parsers[oid] ??
      (loadPg().types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format)) as (
      text: string,
    ) => unknown
  },
}

export interface PostgresOptions {
  /** Connections in the pool (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number
}

export function createPostgresPool(url: string, options: PostgresOptions = {}) {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
    types,
    // Every session reads and writes times in UTC, so timestamptz text is always `+00`.
    options: '-c TimeZone=UTC -c DateStyle=ISO',
  })
  // An idle connection the server dropped (restart, failover) is removed from the pool; the
  // next query opens a new one or reports the outage, so the event itself needs no handler.
  // Without a listener, that event would end the process (the rate limiter's pool too).
  pool.on('error', () => {})
  // A connection that breaks while checked out (inside a transaction, between its queries)
  // reports on the client, not the pool: its next query fails and the request answers 503, but
  // the event, unheard, would end the process (seen once in CI's PostgreSQL suite).
  pool.on('connect', (client) => client.on('error', () => {}))
  return pool
}

/**
 * One connection of its own, outside any pool, for what must stay on one session: LISTEN for
 * page-cache invalidation, the jobs leader's advisory lock (released when the session ends).
 * Behind PgBouncer in transaction mode a session is not a server connection: pass
 * DATABASE_DIRECT_URL, the server's own address. `name` shows in pg_stat_activity.
 */
export function createPostgresClient(
  url: string,
  options: { name: string; queryTimeoutMs?: number },
) {
  return new (loadPg().Client)({
    connectionString: url,
    application_name: options.name,
    types,
    options: '-c TimeZone=UTC -c DateStyle=ISO',
    keepAlive: true,
    connectionTimeoutMillis: options.queryTimeoutMs,
    query_timeout: options.queryTimeoutMs,
  })
}

export function createPostgresDialect(url: string, options: PostgresOptions = {}) {
  const pool = createPostgresPool(url, options)
  return new PostgresDialect({ pool })
}
