import SQLite from 'better-sqlite3'
import type pg from 'pg'
import { dialectOf, sqlitePathFromUrl } from '#db/connection'
import { createPostgresClient } from '#db/postgres'

/**
 * A lock that at most one process holds at a time, for the scheduled jobs' leader
 * (services/leader.server.ts tries it every few seconds).
 */
export interface LeaderLock {
  /**
   * Takes the lock, or confirms this process still holds it; resolves to whether it is held.
   * Rejects when the database cannot say (the caller then counts the lock as lost).
   */
  hold(): Promise<boolean>
  /** Lets go, so another process takes over at its next try. Never rejects. */
  release(): Promise<void>
}

export interface LeaderLockOptions {
  /** The database's URL (PostgreSQL: DATABASE_DIRECT_URL behind PgBouncer). */
  url: string
  /** The lock's name: one leader per name. */
  name: string
  /** Who asks (unique per process and lock). */
  holder: string
  /** SQLite: how long a lease lasts unless renewed. PostgreSQL: the queries' timeout. */
  leaseMs: number
}

/** The lock for the database at `url`: a lease file on SQLite, an advisory lock on PostgreSQL. */
export function leaderLock(options: LeaderLockOptions): LeaderLock {
  return dialectOf(options.url) === 'postgres' ? advisoryLock(options) : leaseFile(options)
}

/**
 * SQLite: a lease row in a small file of its own beside the database (`<file>-leader`), taken or
 * renewed by one upsert that writes only when the row is this process's own or has expired
 * (RETURNING then names us), so two processes never both hold it. A process that dies stops
 * renewing and the lease lapses after `leaseMs`. Not in the database itself: a renewal every
 * few seconds would be a durable commit there (an fsync, the write lock, WAL growth, and a
 * change that every other process sees). The lease needs no durability, so this file does not
 * sync its commits. Times are this machine's clock, which every
 * process on one SQLite file shares.
 */
function leaseFile({ url, name, holder, leaseMs }: LeaderLockOptions): LeaderLock {
  let lease: SQLite.Database | undefined
  let take: SQLite.Statement<[string, string, number, number], { holder: string }> | undefined

  const open = () => {
    const file = sqlitePathFromUrl(url)
    const opened = new SQLite(file === ':memory:' ? ':memory:' : `${file}-leader`)
    try {
      opened.pragma('busy_timeout = 1000')
      // WAL with synchronous=NORMAL: a commit is not synced (a crash of the machine ends every
      // holder anyway), yet a crash cannot leave the file corrupt.
      opened.pragma('journal_mode = WAL')
      opened.pragma('synchronous = NORMAL')
      opened.exec(`create table if not exists leader_lease (
        name text primary key, holder text not null, expires_at integer not null)`)
      take = opened.prepare(`insert into leader_lease (name, holder, expires_at) values (?, ?, ?)
        on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where leader_lease.holder = excluded.holder or leader_lease.expires_at <= ?
        returning holder`)
    } catch (error) {
      opened.close()
      throw error
    }
    lease = opened
  }

  return {
    async hold() {
      if (!lease) open()
      const now = Date.now()
      return take!.get(name, holder, now + leaseMs, now)?.holder === holder
    },
    async release() {
      try {
        lease?.prepare('delete from leader_lease where name = ? and holder = ?').run(name, holder)
      } catch {
        // Busy or gone: the lease lapses by itself.
      }
      lease?.close()
      lease = undefined
    },
  }
}

// Advisory lock keys are two 32-bit integers: this app's, then the lock name's.
const LOCK_SPACE = 0x55746d61 // "Utma"

/** A stable 32-bit key for a lock name (FNV-1a). */
function lockKey(name: string): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(name)) hash = Math.imul(hash ^ byte, 0x01000193)
  return hash | 0
}

/**
 * PostgreSQL: a session-level advisory lock on a connection of its own, outside the pool (a
 * pooled connection goes back to others with the lock still on it). When the process dies its
 * session ends and the server releases the lock at once; another process takes it at its next
 * try. While held, each try is a `select 1` that proves the session is still there.
 */
function advisoryLock({ url, name, leaseMs }: LeaderLockOptions): LeaderLock {
  let client: pg.Client | undefined
  let held = false
  const key = lockKey(name)

  const drop = () => {
    const lost = client
    client = undefined
    held = false
    // Ending the session releases the lock if the server still had it.
    lost?.end().catch(() => {})
  }

  return {
    async hold() {
      try {
        if (!client) {
          const fresh = createPostgresClient(url, {
            name: 'utmana jobs leader',
            queryTimeoutMs: leaseMs,
          })
          // A connection that breaks while idle reports here; without a listener the error
          // would end the process.
          fresh.on('error', () => {
            if (client === fresh) drop()
          })
          client = fresh
          await fresh.connect()
        }
        if (held) {
          await client.query('select 1')
          return true
        }
        const { rows } = await client.query<{ held: number }>(
          'select pg_try_advisory_lock($1, $2) as held',
          [LOCK_SPACE, key],
        )
        held = rows[0]?.held === 1
        return held
      } catch (error) {
        drop()
        throw error
      }
    },
    async release() {
      const current = client
      client = undefined
      held = false
      await current?.end().catch(() => {})
    },
  }
}
