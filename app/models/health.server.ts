import { sql } from 'kysely'
import { db, unversionedWrite } from '~/db.server'

export interface Health {
  /** ok: reads and writes work; degraded: reads work, writes fail; unavailable: reads fail. */
  status: 'ok' | 'degraded' | 'unavailable'
  reason?: string
}

// SQLite's messages name no file, so the code and message are safe to show on a public URL.
const describe = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return (typeof code === 'string' ? `${code}: ${message}` : message).slice(0, 200)
}

/**
 * Reads a row, then writes one and deletes it again in a committed transaction: a read-only
 * file fails at the insert (SQLITE_READONLY), and a file system that stopped taking writes
 * (remounted read-only, I/O errors) fails at the commit, which a rolled-back probe would never
 * reach. Insert and delete leave the table as it was, yet the page is written: SQLite skips an
 * update that changes no bytes, so `set x = x` would prove nothing. Kysely's migration lock
 * table is used because every migrated database has it and no migration is needed; nothing
 * reads rows of it other than its own. It goes through the connection mutex like every query.
 */
export async function probeDatabase(): Promise<Health> {
  try {
    await sql`select count(*) from kysely_migration_lock`.execute(db)
  } catch (error) {
    return { status: 'unavailable', reason: `the database cannot be read (${describe(error)})` }
  }
  try {
    await db.transaction().execute((trx) =>
      unversionedWrite(async () => {
        const inserted =
          await sql`insert into kysely_migration_lock (id, is_locked) values ('healthz', 0)`.execute(
            trx,
          )
        const deleted = await sql`delete from kysely_migration_lock where id = 'healthz'`.execute(
          trx,
        )
        return Number(inserted.numAffectedRows ?? 0n) + Number(deleted.numAffectedRows ?? 0n)
      }),
    )
  } catch (error) {
    return { status: 'degraded', reason: `the database refuses writes (${describe(error)})` }
  }
  return { status: 'ok' }
}
