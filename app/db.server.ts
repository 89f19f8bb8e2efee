import type SQLite from 'better-sqlite3'
import type pg from 'pg'
import { sql, type Transaction } from 'kysely'
import type { Database } from '#db/schema'
import {
  createDatabase,
  migrateToLatest,
  openSqlite,
  sqlitePathFromUrl,
  type DatabaseHandle,
  type DialectName,
} from '#db/connection'
import { createPostgresPool } from '#db/postgres'
import { getEnv } from '~/env.server'

// One connection per process; kept on globalThis so dev rebuilds don't open a new one each time.
const globalForDb = globalThis as unknown as {
  utmanaDb?: DatabaseHandle
  utmanaSideDb?: SQLite.Database
  utmanaSidePool?: pg.Pool
}

function handle(): DatabaseHandle {
  globalForDb.utmanaDb ??= createDatabase(getEnv().DATABASE_URL)
  return globalForDb.utmanaDb
}

export const db = new Proxy({} as DatabaseHandle['db'], {
  get(_target, property) {
    const real = handle().db
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

/**
 * Runs `fn` in one transaction. On SQLite this is Kysely's transaction as it always was (begun
 * IMMEDIATE, so it already holds the write lock: nothing to retry). On PostgreSQL a deadlock
 * (40P01) or serialization failure (40001) rolls the whole transaction back; it runs again, up
 * to TRANSACTION_ATTEMPTS times with a little jitter, before the error becomes a 503 through
 * isDatabaseUnavailable. `fn` must therefore do nothing outside the database it cannot repeat.
 */
export async function transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const { db: real, dialect } = handle()
  if (dialect === 'sqlite') return real.transaction().execute(fn)
  for (let attempt = 1; ; attempt++) {
    try {
      return await real.transaction().execute(fn)
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error
      // Both sides of a deadlock retry: jitter keeps them from meeting again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}

export const TRANSACTION_ATTEMPTS = 4

/** PostgreSQL's deadlock and serialization failure: the transaction may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

/** The database or an open transaction: models that write take one so callers can group writes. */
export type Executor = DatabaseHandle['db'] | Transaction<Database>

/** Which database DATABASE_URL names, for the few places SQL differs (see models/dialect.server). */
export function dialect(): DialectName {
  return handle().dialect
}

/**
 * Whether another process may serve this site's requests on the same database: PostgreSQL
 * (made for several app servers) or WEB_CONCURRENCY above 1. State that must hold for the
 * whole site (vote pacing) then lives in the database rather than in this process's memory.
 */
export function severalProcesses(): boolean {
  return dialect() === 'postgres' || getEnv().WEB_CONCURRENCY > 1
}

/** The better-sqlite3 handle, for SQLite-only operations (backups, tests). */
export function sqlite(): SQLite.Database {
  const { sqlite } = handle()
  if (!sqlite) throw new Error('sqlite() asked for on a PostgreSQL database')
  return sqlite
}

/**
 * A second connection to the same file for libraries that write synchronously outside
 * Kysely (the rate limiter): on the shared one, their writes could land inside another
 * request's open transaction and roll back with it.
 */
export function sideConnection(): SQLite.Database {
  if (!globalForDb.utmanaSideDb) {
    const file = sqlitePathFromUrl(getEnv().DATABASE_URL)
    globalForDb.utmanaSideDb = file === ':memory:' ? sqlite() : openSqlite(file)
  }
  return globalForDb.utmanaSideDb
}

interface VersionReader {
  connection: number
  dataVersion: SQLite.Statement
  totalChanges: SQLite.Statement
  /** Rows written through {@link unversionedWrite}: left out of the version. */
  leftOut: number
  /** How many {@link unversionedWrite}s are under way. */
  unversionedWrites: number
}
const versionReaders = new WeakMap<SQLite.Database, VersionReader>()
let connectionsOpened = 0
// Versions handed out while an unversioned write is under way: each one of a kind.
let passingVersions = 0

function versionReader(connection: SQLite.Database): VersionReader {
  let reader = versionReaders.get(connection)
  if (!reader) {
    reader = {
      // Another connection (a test's new database) starts its counters over.
      connection: ++connectionsOpened,
      dataVersion: connection.prepare('pragma data_version').pluck(),
      totalChanges: connection.prepare('select total_changes()').pluck(),
      leftOut: 0,
      unversionedWrites: 0,
    }
    versionReaders.set(connection, reader)
  }
  return reader
}

/**
 * Runs `write`, statements that leave every row as it was (the health probe's insert and
 * delete of a row of its own) and give the number of rows they changed, without moving
 * databaseVersion() on SQLite: a monitor asking /healthz every few seconds would otherwise
 * empty every cache of reads as often. While it runs, the version is one that never comes
 * again (its rows are counted, but not yet left out): a read then is kept under a version no
 * later state can have. If it fails, its rows stay counted: one needless reload. Other
 * processes still see its commit; PostgreSQL's snapshot still moves.
 */
export async function unversionedWrite(write: () => Promise<number>): Promise<void> {
  const { sqlite: connection } = handle()
  if (!connection) {
    await write()
    return
  }
  const reader = versionReader(connection)
  reader.unversionedWrites++
  try {
    reader.leftOut += await write()
  } finally {
    reader.unversionedWrites--
  }
}

/**
 * The SQLite version at once ({@link databaseVersion}), or null on PostgreSQL, where it takes
 * a query: for an in-process cache that may check it on every call.
 */
export function databaseVersionNow(): string | null {
  const { sqlite: connection } = handle()
  if (!connection) return null
  const reader = versionReader(connection)
  const changes = (reader.totalChanges.get() as number) - reader.leftOut
  const version = `${reader.connection}:${reader.dataVersion.get()}:${changes}`
  return reader.unversionedWrites > 0 ? `${version}:passing-${++passingVersions}` : version
}

/**
 * A value that changes whenever rows may have changed, for caches of reads
 * (app/services/shared-reads.server.ts). A write that is rolled back may move it too, which
 * only costs a needless reload. Schema changes (migrations) do not move it: they run before
 * anything is served.
 *
 * - SQLite: the main connection's `data_version` changes when any other connection commits
 *   (this process's side connection, another process, a CLI), and its `total_changes()`
 *   counts every row this connection itself wrote, jobs and tests included, but for
 *   {@link unversionedWrite}'s. Both are read in a few microseconds.
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress ids`) changes whenever a
 *   transaction that wrote ends, in any session on any machine (read-only ones take no id), and
 *   also for writes to other databases of the same server. One round trip, instead of the
 *   reads it spares.
 */
export function databaseVersion(): string | Promise<string> {
  const now = databaseVersionNow()
  if (now !== null) return now
  return sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`
    .execute(handle().db)
    .then(({ rows }) => rows[0]!.snapshot)
}

/** PostgreSQL's counterpart of sideConnection: a small pool of its own for the rate limiter. */
export function sidePool(): pg.Pool {
  globalForDb.utmanaSidePool ??= createPostgresPool(getEnv().DATABASE_URL, { poolSize: 2 })
  return globalForDb.utmanaSidePool
}

/**
 * PostgreSQL: where a connection that must keep its session goes (the jobs leader's lock):
 * DATABASE_DIRECT_URL when a pooler in transaction mode sits behind DATABASE_URL.
 */
export function directDatabaseUrl(): string {
  const env = getEnv()
  return env.DATABASE_DIRECT_URL || env.DATABASE_URL
}

export async function migrate() {
  return migrateToLatest(handle().db)
}

export async function closeDatabase() {
  const current = globalForDb.utmanaDb
  const side = globalForDb.utmanaSideDb
  const sidePool = globalForDb.utmanaSidePool
  globalForDb.utmanaDb = undefined
  globalForDb.utmanaSideDb = undefined
  globalForDb.utmanaSidePool = undefined
  if (side && side !== current?.sqlite) side.close()
  await sidePool?.end()
  await current?.close()
}

/** A write refused by a UNIQUE index or primary key (SQLite's codes; PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  )
}

const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY)/
// PostgreSQL: connection exceptions (08), insufficient resources (53: disk full, too many
// connections), operator intervention (57: shutdown, cannot connect now), a read-only replica
// (25006), a lock or statement timeout (55P03, 57014), and conflicts still failing after their
// retries (40001 serialization failure, 40P01 deadlock).
const POSTGRES_UNAVAILABLE = /^(08|53|57)...$|^(25006|55P03|40001|40P01)$/
const NETWORK_UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/

/**
 * A failure of the database rather than of the code (a read-only, full or failing disk, a
 * database that is down or busy): answered 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  return (
    SQLITE_UNAVAILABLE.test(code) ||
    POSTGRES_UNAVAILABLE.test(code) ||
    NETWORK_UNAVAILABLE.test(code)
  )
}
