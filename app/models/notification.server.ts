import type { NotificationKind } from '#db/schema'
import { db, type Executor } from '~/db.server'

/**
 * One in-app notification per follower (not the one who acted), inside the caller's
 * transaction. Mail is sent from these rows later, per each user's chosen frequency.
 */
export async function notifyFollowers(
  trx: Executor,
  input: {
    challengeId: number
    actorId: number | null
    kind: NotificationKind
    payload?: Record<string, unknown>
  },
) {
  const followers = await trx
    .selectFrom('follows')
    .select('user_id')
    .where('challenge_id', '=', input.challengeId)
    .execute()
  const rows = followers
    .filter((f) => f.user_id !== input.actorId)
    .map((f) => ({
      user_id: f.user_id,
      challenge_id: input.challengeId,
      actor_id: input.actorId,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      read_at: null,
      emailed_at: null,
    }))
  if (rows.length) await trx.insertInto('notifications').values(rows).execute()
  return rows.length
}

export async function countUnread(userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listNotifications(userId: number, limit = 50) {
  return db
    .selectFrom('notifications')
    .innerJoin('challenges', 'challenges.id', 'notifications.challenge_id')
    .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.payload',
      'notifications.read_at',
      'notifications.created_at',
      'challenges.id as challenge_id',
      'challenges.title as challenge_title',
      'actor.name as actor_name',
    ])
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute()
}

export async function markAllRead(userId: number) {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute()
}
