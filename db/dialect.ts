import { PostgresAdapter, type Kysely } from 'kysely'

/** Which database a DATABASE_URL names: `file:` is SQLite, `postgres://` PostgreSQL. */
export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

/** The dialect of an open Kysely instance (or transaction). */
export function dialectOfDb(db: Pick<Kysely<unknown>, 'getExecutor'>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
