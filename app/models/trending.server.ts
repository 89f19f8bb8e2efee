import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '#db/schema'

// "Trending" is what people are acting on now: `challenges.hot` is the weighted count of votes,
// comments and follows of the last TRENDING_WINDOW_DAYS days. It is kept in the same transaction
// as each vote, comment and follow (so the board never recounts), and recomputed exactly by the
// hourly housekeeping, which is what lets activity age out of the window. The author's own
// comments and follow are not activity: otherwise every new post would start out trending.
// No app imports beyond types: the seeds use this module too.

type Executor = Kysely<Database> | Transaction<Database>

/** A town's pace: two weeks. */
export const TRENDING_WINDOW_DAYS = 14
/** A comment costs more effort than a click, so it weighs twice a vote or a follow. */
export const TRENDING_WEIGHTS = { vote: 1, comment: 2, follow: 1 } as const
/** Statuses that can trend: closed (and so merged), pending and rejected never do. */
export const TRENDING_STATUSES = ['open', 'in_progress', 'solved'] as const

/** The oldest activity that still counts, as stored text (ISO 8601 UTC sorts as text). */
export function trendingCutoff(now: Date = new Date()): string {
  return new Date(now.getTime() - TRENDING_WINDOW_DAYS * 86_400_000).toISOString()
}

/**
 * Adds one vote, comment or follow by `actorId` to the challenge's score and marks it active,
 * unless the actor is the challenge's author. Call it in the transaction that wrote the row.
 */
export async function recordActivity(
  trx: Executor,
  input: { challengeId: number; actorId: number; weight: number },
) {
  await trx
    .updateTable('challenges')
    .set({
      hot: sql`hot + ${input.weight}`,
      last_activity_at: new Date().toISOString(),
    })
    .where('id', '=', input.challengeId)
    .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', input.actorId)]))
    .execute()
}

/**
 * Takes back a withdrawn vote or follow or a deleted comment, if it was made inside the window
 * (older ones no longer count). Never below zero: the hourly recompute may already have dropped
 * it (a comment hidden by a moderator, say).
 */
export async function withdrawActivity(
  trx: Executor,
  input: { challengeId: number; actorId: number | null; weight: number; createdAt: string },
) {
  if (input.createdAt < trendingCutoff()) return
  let qb = trx
    .updateTable('challenges')
    .set({ hot: sql`case when hot > ${input.weight} then hot - ${input.weight} else 0 end` })
    .where('id', '=', input.challengeId)
  const actorId = input.actorId
  if (actorId !== null) {
    qb = qb.where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', actorId)]))
  }
  await qb.execute()
}

/** The exact score of each challenge row, from its votes, comments and follows in the window. */
function exactScore(cutoff: string) {
  return sql<number>`
    ${TRENDING_WEIGHTS.vote} * (select count(*) from challenge_votes v
      where v.challenge_id = challenges.id and v.created_at >= ${cutoff})
    + ${TRENDING_WEIGHTS.comment} * (select count(*) from comments m
      where m.challenge_id = challenges.id and m.created_at >= ${cutoff}
        and m.deleted_at is null and m.hidden_at is null and m.held_at is null
        and m.author_id is distinct from challenges.author_id)
    + ${TRENDING_WEIGHTS.follow} * (select count(*) from follows f
      where f.challenge_id = challenges.id and f.created_at >= ${cutoff}
        and f.user_id is distinct from challenges.author_id)`
}

/** `recomputeTrending` for some challenges, with their latest activity from the remaining rows. */
async function recomputeSome(executor: Executor, cutoff: string, ids: number[]) {
  const result = await executor
    .updateTable('challenges')
    .set({
      hot: exactScore(cutoff),
      last_activity_at: sql`(select max(at) from (
        select max(v.created_at) as at from challenge_votes v
          where v.challenge_id = challenges.id
        union all
        select max(m.created_at) from comments m
          where m.challenge_id = challenges.id and m.held_at is null
            and m.author_id is distinct from challenges.author_id
        union all
        select max(f.created_at) from follows f
          where f.challenge_id = challenges.id
            and f.user_id is distinct from challenges.author_id) as activity)`,
    })
    .where('id', 'in', ids)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Recomputes `hot` exactly. Without `ids`: every challenge that scores now or had activity in
 * the window (a few thousand at most, found through indexes), so expired activity drops out;
 * the hourly housekeeping runs this. With `ids` (a merge, an account deletion): those
 * challenges, and their latest activity from the rows that remain. Returns the rows updated.
 */
export async function recomputeTrending(
  executor: Executor,
  options: { now?: Date; ids?: number[] } = {},
): Promise<number> {
  const cutoff = trendingCutoff(options.now)
  if (options.ids) {
    let updated = 0
    // In slices: an account deletion can touch thousands of challenges.
    for (let i = 0; i < options.ids.length; i += 500) {
      updated += await recomputeSome(executor, cutoff, options.ids.slice(i, i + 500))
    }
    return updated
  }
  const recent = (table: 'challenge_votes' | 'comments' | 'follows') =>
    executor.selectFrom(table).select('challenge_id as id').where('created_at', '>=', cutoff)
  // One list, each part read from its own index (UNION ALL: a UNION would merge-sort whole
  // tables instead), then each challenge by its key.
  const result = await executor
    .updateTable('challenges')
    .set({ hot: exactScore(cutoff) })
    .where(
      'id',
      'in',
      executor
        .selectFrom('challenges')
        .select('id')
        .where('hot', '>', 0)
        .unionAll(recent('challenge_votes'))
        .unionAll(recent('comments'))
        .unionAll(recent('follows')),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
