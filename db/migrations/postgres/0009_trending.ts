import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0009_trending (see 0001 for the types).
//
// "Trending" becomes recent activity instead of Reddit's age-decayed vote score (which let a
// brand-new post with no votes outrank a challenge people were acting on). From here on
// `challenges.hot` holds the weighted activity of the last 14 days: vote 1, comment 2, follow 1,
// not counting the author's own comments and follow. The app keeps it up to date in the same
// transaction as each vote, comment and follow, and an hourly job recomputes it exactly so
// activity that ages out of the window drops out. `last_activity_at` (the latest vote, comment or
// follow by someone other than the author) breaks ties. See docs/decisions.md.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('challenges').addColumn('last_activity_at', 'timestamptz').execute()

  // The trending sort reads this index backwards: hot, then the latest activity, then id.
  await db.schema.dropIndex('challenges_hot').execute()
  await db.schema
    .createIndex('challenges_trending')
    .on('challenges')
    .columns(['hot', 'last_activity_at', 'id'])
    .execute()
  // The hourly recompute finds the challenges with activity in the window by date; votes and
  // comments have such an index since 0004, follows had none.
  await db.schema
    .createIndex('follows_created')
    .on('follows')
    .columns(['created_at', 'challenge_id'])
    .execute()

  // SQLite's body recomputes hot and last_activity_at for existing challenges; a PostgreSQL
  // database starts empty at 0001, so there is nothing to recompute here.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('follows_created').execute()
  await db.schema.dropIndex('challenges_trending').execute()
  // Back to the old score as the app computed it: log10(votes) + seconds since 1970 / 45,000.
  await sql`update challenges set hot =
    log(greatest(vote_count, 1)) + extract(epoch from created_at) / 45000.0`.execute(db)
  await db.schema.createIndex('challenges_hot').on('challenges').columns(['hot', 'id']).execute()
  await db.schema.alterTable('challenges').dropColumn('last_activity_at').execute()
}
