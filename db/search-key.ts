import { sql, type Kysely } from 'kysely'
import { dialectOfDb } from './dialect'

/** challenges_fts' key column: FTS5's rowid on SQLite, challenge_id on PostgreSQL. */
export function searchKey(db: Pick<Kysely<unknown>, 'getExecutor'>) {
  return dialectOfDb(db) === 'postgres' ? sql`challenge_id` : sql`rowid`
}
