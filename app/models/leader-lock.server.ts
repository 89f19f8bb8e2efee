import type { Kysely } from 'kysely'
import type pg from 'pg'
import { dialectOfDb } from '#db/dialect'
import { createPostgresClient } from '#db/postgres'
import type { Database } from '#db/schema'

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
  /** The lock's name: one leader per name. */
  name: string
  /** Who asks (unique per process and lock). */
  holder: string
  /** SQLite: how long a lease lasts unless renewed. PostgreSQL: the queries' timeout. */
  leaseMs: number
  /** PostgreSQL: the URL for the lock's own session (DATABASE_DIRECT_URL behind PgBouncer). */
  url?: string
}

/** The lock for `db`'s database: a lease row on SQLite, an advisory lock on PostgreSQL. */
export function leaderLock(db: Kysely<Database>, options: LeaderLockOptions): LeaderLock {
  if (dialectOfDb(db) === 'postgres') {
    if (!options.url) throw new Error('leaderLock on PostgreSQL needs the database URL')
    return advisoryLock(options.url, options)
  }
  return leaseRow(db, options)
}

/**
 * SQLite: a row in `leader_lease`, taken or renewed by one upsert that writes only when the row
 * is this process's own or has expired (RETURNING then names us), so two processes can never
 * both succeed. A process that dies stops renewing and the lease lapses after `leaseMs`. Times
 * come from this machine's clock, which every process on one SQLite file shares.
 */
function leaseRow(db: Kysely<Database>, { name, holder, leaseMs }: LeaderLockOptions): LeaderLock {
  return {
    async hold() {
      const now = Date.now()
      const row = await db
        .insertInto('leader_lease')
        .values({ name, holder, expires_at: new Date(now + leaseMs).toISOString() })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where((eb) =>
              eb.or([
                eb('leader_lease.holder', '=', holder),
                eb('leader_lease.expires_at', '<=', new Date(now).toISOString()),
              ]),
            ),
        )
        .returning('holder')
        .executeTakeFirst()
      return row?.holder === holder
    },
    async release() {
      await db
        .deleteFrom('leader_lease')
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute()
        .catch(() => {})
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
function advisoryLock(url: string, { name, leaseMs }: LeaderLockOptions): LeaderLock {
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
          const fresh = createPostgresClient(url, { queryTimeoutMs: leaseMs })
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
