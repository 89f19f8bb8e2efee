import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0010_moderation_followthrough.
// Quarantine of new accounts holds their comments and proposed solutions too: `held_at` says
// since when a post waits for a moderator. A held post is seen only by its author and the
// moderators and is not counted in the challenge's public counts; approving clears `held_at`
// (and counts it), rejecting clears it and hides the post with a reason.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['comments', 'solutions']) {
    await db.schema.alterTable(table).addColumn('held_at', 'timestamptz').execute()
    // The queue lists held posts oldest first; few are ever held, so a partial index stays small.
    await sql
      .raw(`create index ${table}_held on ${table} (held_at) where held_at is not null`)
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['comments', 'solutions']) {
    await sql.raw(`drop index ${table}_held`).execute(db)
    await db.schema.alterTable(table).dropColumn('held_at').execute()
  }
}
