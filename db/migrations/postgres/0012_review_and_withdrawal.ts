import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0012_review_and_withdrawal (see 0001 for the types).
// Issue 10, items 1 and 5: withdrawing never publishes, and pre-moderation covers edits,
// comments, proposals and pledges.
//
// - `challenges.withdrawn_at`: the author withdrew a challenge that was never public (pending
//   or rejected). Its status stays what it was, so every public view, which only shows open,
//   in progress, solved and closed challenges, keeps leaving it out; the moderation queue leaves
//   it out because nobody waits for a decision on it. A public challenge withdrawn is closed
//   with the reason "withdrawn", as before, and keeps this column null.
// - `challenge_revisions.review` and `solution_revisions.review`: null for a revision that was
//   applied (every row so far), 'pending' for an edit of a published post that waits for a
//   moderator while the approved text stays public, 'rejected' when a moderator turned it down,
//   'superseded' when its author edited again before anyone decided.
// - `pledges.held_at` holds a pledge for a moderator as comments and proposals are held (0010);
//   `pledges.rejected_reason` says a moderator turned a held pledge down (it is then withdrawn,
//   so every public list already leaves it out).
//
// Challenges that were withdrawn before this migration straight from pending or rejected were
// closed, and so published: they go back to the status they had, marked withdrawn.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('challenges').addColumn('withdrawn_at', 'timestamptz').execute()

  for (const table of ['challenge_revisions', 'solution_revisions']) {
    await db.schema
      .alterTable(table)
      .addColumn('review', 'text', (c) =>
        c.check(sql`review in ('pending', 'rejected', 'superseded')`),
      )
      .execute()
    // The queue lists waiting edits oldest first; few ever wait, so a partial index stays small.
    await sql
      .raw(`create index ${table}_pending on ${table} (created_at) where review = 'pending'`)
      .execute(db)
  }

  await db.schema.alterTable('pledges').addColumn('held_at', 'timestamptz').execute()
  await db.schema.alterTable('pledges').addColumn('rejected_reason', 'text').execute()
  await sql`create index pledges_held on pledges (held_at) where held_at is not null`.execute(db)

  // SQLite's body gives challenges withdrawn before 0012 their status back; a PostgreSQL
  // database starts empty at 0001, so there is none here.
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists pledges_held`.execute(db)
  await db.schema.alterTable('pledges').dropColumn('rejected_reason').execute()
  await db.schema.alterTable('pledges').dropColumn('held_at').execute()
  for (const table of ['challenge_revisions', 'solution_revisions']) {
    await sql.raw(`drop index if exists ${table}_pending`).execute(db)
    await db.schema.alterTable(table).dropColumn('review').execute()
  }
  await db.schema.alterTable('challenges').dropColumn('withdrawn_at').execute()
}
