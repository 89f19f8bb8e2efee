import { sql } from 'kysely'
import { db, type Executor } from '~/db.server'

/** Follows (idempotently) and keeps follower_count in step, inside the caller's transaction. */
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
  }
}

export async function setFollow(challengeId: number, userId: number, follow: boolean) {
  await db.transaction().execute(async (trx) => {
    if (follow) return addFollow(trx, challengeId, userId)
    const deleted = await trx
      .deleteFrom('follows')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (Number(deleted.numDeletedRows)) {
      await trx
        .updateTable('challenges')
        .set({ follower_count: sql`follower_count - 1` })
        .where('id', '=', challengeId)
        .execute()
    }
  })
}
