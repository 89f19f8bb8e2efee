import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, sql, SqliteDialect, type MigrationResultSet } from 'kysely'
import { dialectOf, dialectOfDb, type DialectName } from './dialect'
import { migrationsFor } from './migrations'
import { createPostgresDialect, type PostgresOptions } from './postgres'
import type { Database } from './schema'

export const DEFAULT_DATABASE_URL = 'file:./data/utmana.sqlite'

export { dialectOf, dialectOfDb, type DialectName }

/** `file:./data/utmana.sqlite` → an absolute path; the folder is created when missing. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must start with file: or postgres:// (got ${url.split(':')[0]}:)`)
  }
  const file = path.resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return file
}

/**
 * SQLite's own page cache per connection, in KiB. better-sqlite3 builds SQLite with 16 MB, which
 * a five-year report fills and malloc then keeps. With 4 MB the server's RSS was 15–20 MB lower
 * through the bench's phases, and reports, rendered pages and votes were no slower: the
 * operating system's file cache holds the same pages (issue 11; figures in docs/decisions.md).
 */
const PAGE_CACHE_KIB = 4000

// SQLite-only connection set-up lives here, and only here.
export function openSqlite(file: string, options: { readonly?: boolean } = {}) {
  const sqlite = new SQLite(file, { readonly: options.readonly ?? false })
  if (!options.readonly) {
    try {
      sqlite.pragma('journal_mode = WAL')
    } catch (error) {
      // A read-only file in rollback-journal mode cannot switch to WAL. It still serves reads;
      // /healthz reports the refused writes, which beats a server that does not start.
      if ((error as { code?: unknown }).code !== 'SQLITE_READONLY') throw error
    }
  }
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // FULL: a committed vote survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  return sqlite
}

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DialectName
  /** The better-sqlite3 handle; undefined on PostgreSQL. */
  sqlite: SQLite.Database | undefined
  close(): Promise<void>
}

/** Statements kept per connection; the app's distinct SQL texts number a few hundred. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * The connection as Kysely sees it, with its statements kept by SQL text. Kysely's SQLite
 * driver prepares every query anew; preparing (parse and plan) cost more than running the
 * board's short indexed queries (issue 11). Safe because Kysely runs one query at a time on
 * this connection and never changes a statement's mode (pluck, raw, expand). Code using the
 * better-sqlite3 handle directly gets its own, uncached statements, whose modes it may change.
 */
export function cachingStatements(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>()
  return {
    prepare(text: string): SQLite.Statement {
      // Kysely begins transactions DEFERRED. Another process (a second app worker, a CLI) may
      // write between a deferred transaction's read and its write, and SQLite then refuses the
      // upgrade to a write lock at once ("database is locked", whatever busy_timeout says).
      // IMMEDIATE takes the write lock at BEGIN, waiting on busy_timeout, so each transaction's
      // reads and writes are exact across processes. In one process Kysely's connection mutex
      // already runs one transaction at a time, so nothing changes there.
      const sql = text === 'begin' ? 'begin immediate' : text
      let statement = statements.get(sql)
      if (statement) {
        // Most recently used last, so the oldest is the first to go.
        statements.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (statements.size >= STATEMENT_CACHE_SIZE)
          statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
    close() {
      statements.clear()
      sqlite.close()
    },
  }
}

export function createDatabase(
  url: string = DEFAULT_DATABASE_URL,
  options: PostgresOptions = {},
): DatabaseHandle {
  if (dialectOf(url) === 'postgres') {
    const db = new Kysely<Database>({ dialect: createPostgresDialect(url, options) })
    // Kysely's destroy ends the pool as well.
    return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() }
  }
  const sqlite = openSqlite(sqlitePathFromUrl(url))
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  })
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    // Kysely's destroy closes the better-sqlite3 handle as well.
    close: () => db.destroy(),
  }
}

export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: DialectName = dialectOfDb(db),
): Promise<MigrationResultSet> {
  if (dialect === 'postgres') await requirePostgres15(db)
  const migrations = migrationsFor(dialect)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}

/** The PostgreSQL bodies use features of 15 (Debian 12's); an older server is refused by name. */
async function requirePostgres15(db: Kysely<Database>) {
  const { rows } = await sql<{ version: string }>`show server_version_num`.execute(db)
  const version = Number(rows[0]?.version)
  if (version < 150000)
    throw new Error(
      `PostgreSQL 15 or later is needed (this server is ${Math.floor(version / 10000)})`,
    )
}
