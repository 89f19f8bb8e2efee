import { sql } from 'kysely'
import { transaction, type Executor } from '~/db.server'
import { recordActivity, TRENDING_WEIGHTS, withdrawActivity } from '~/models/trending.server'

/**
 * Follows (idempotently) and keeps follower_count and the trending score in step, inside the
 * caller's transaction. Commenting, proposing, pledging and disputing follow too: a new person
 * taking part counts once more towards trending than another message from someone already in it.
 */
export async function addFollow(trx: Executor, challengeId: number, userId: number) {
  const inserted = await trx
    .insertInto('follows')
    .values({ challenge_id: challengeId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0)) {
    await trx
      .updateTable('challenges')
      .set({ follower_count: sql`follower_count + 1` })
      .where('id', '=', challengeId)
      .execute()
    await recordActivity(trx, { challengeId, actorId: userId, weight: TRENDING_WEIGHTS.follow })
  }
}

export async function setFollow(challengeId: number, userId: number, follow: boolean) {
  await transaction(async (trx) => {
    if (follow) return addFollow(trx, challengeId, userId)
    const deleted = await trx
      .deleteFrom('follows')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .returning('created_at')
      .executeTakeFirst()
    if (deleted) {
      await trx
        .updateTable('challenges')
        .set({ follower_count: sql`follower_count - 1` })
        .where('id', '=', challengeId)
        .execute()
      await withdrawActivity(trx, {
        challengeId,
        actorId: userId,
        weight: TRENDING_WEIGHTS.follow,
        createdAt: deleted.created_at,
      })
    }
  })
}
