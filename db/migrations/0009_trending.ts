import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
//
// "Trending" becomes recent activity instead of Reddit's age-decayed vote score (which let a
// brand-new post with no votes outrank a challenge people were acting on). From here on
// `challenges.hot` holds the weighted activity of the last 14 days: vote 1, comment 2, follow 1,
// not counting the author's own comments and follow. The app keeps it up to date in the same
// transaction as each vote, comment and follow, and an hourly job recomputes it exactly so
// activity that ages out of the window drops out. `last_activity_at` (the latest vote, comment or
// follow by someone other than the author) breaks ties. See docs/decisions.md.
const WINDOW_MS = 14 * 24 * 60 * 60 * 1000

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('challenges').addColumn('last_activity_at', 'text').execute()

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

  const cutoff = new Date(Date.now() - WINDOW_MS).toISOString()
  await sql`update challenges set
    last_activity_at = (
      select max(at) from (
        select max(v.created_at) as at from challenge_votes v where v.challenge_id = challenges.id
        union all
        select max(m.created_at) from comments m
        where m.challenge_id = challenges.id and m.author_id is distinct from challenges.author_id
        union all
        select max(f.created_at) from follows f
        where f.challenge_id = challenges.id and f.user_id is distinct from challenges.author_id
      )
    ),
    hot = 0`.execute(db)
  await sql`update challenges set hot =
      (select count(*) from challenge_votes v
        where v.challenge_id = challenges.id and v.created_at >= ${cutoff})
      + 2 * (select count(*) from comments m
        where m.challenge_id = challenges.id and m.created_at >= ${cutoff}
          and m.deleted_at is null and m.hidden_at is null
          and m.author_id is distinct from challenges.author_id)
      + (select count(*) from follows f
        where f.challenge_id = challenges.id and f.created_at >= ${cutoff}
          and f.user_id is distinct from challenges.author_id)
    where id in (
      select challenge_id from challenge_votes where created_at >= ${cutoff}
      union all select challenge_id from comments where created_at >= ${cutoff}
      union all select challenge_id from follows where created_at >= ${cutoff}
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('follows_created').execute()
  await db.schema.dropIndex('challenges_trending').execute()
  // Back to the old score as the app computed it: log10(votes) + seconds since 1970 / 45,000.
  await sql`update challenges set hot =
    log10(max(vote_count, 1)) + unixepoch(created_at) / 45000.0`.execute(db)
  await db.schema.createIndex('challenges_hot').on('challenges').columns(['hot', 'id']).execute()
  await db.schema.alterTable('challenges').dropColumn('last_activity_at').execute()
}
