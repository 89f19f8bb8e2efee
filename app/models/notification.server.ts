import type { ExpressionBuilder } from 'kysely'
import type { Database, NotificationKind } from '#db/schema'
import { db, type Executor } from '~/db.server'
import { PUBLIC_STATUSES } from '~/models/challenge-constants'
import type { NotificationPayload } from '~/utils/notification-text'
import { STAFF_ROLES } from '~/utils/policy'

type Notice<K extends NotificationKind> = {
  challengeId: number
  /** Who acted: never told of their own act. */
  actorId: number | null
  kind: K
  payload?: NotificationPayload<K>
}

/**
 * In-app notifications for these people (once each, never the one who acted), inside the
 * caller's transaction, so nobody is told of a change that did not happen. Mail is sent from
 * these rows later, per each user's chosen frequency.
 */
export async function notifyUsers<K extends NotificationKind>(
  trx: Executor,
  userIds: Iterable<number | null | undefined>,
  notice: Notice<K>,
) {
  const unique = new Set<number>()
  for (const id of userIds) if (id && id !== notice.actorId) unique.add(id)
  const rows = [...unique].map((userId) => ({
    user_id: userId,
    challenge_id: notice.challengeId,
    actor_id: notice.actorId,
    kind: notice.kind,
    payload: JSON.stringify(notice.payload ?? {}),
    read_at: null,
    emailed_at: null,
  }))
  if (rows.length) await trx.insertInto('notifications').values(rows).execute()
  return rows.length
}

/** The challenge's followers, and its author when `author` is set even if they stopped following. */
export async function listAudience(
  trx: Executor,
  challengeId: number,
  options: { author?: boolean } = {},
): Promise<number[]> {
  const followers = await trx
    .selectFrom('follows')
    .select('user_id')
    .where('challenge_id', '=', challengeId)
    .execute()
  const ids = followers.map((f) => f.user_id)
  if (options.author) {
    const challenge = await trx
      .selectFrom('challenges')
      .select('author_id')
      .where('id', '=', challengeId)
      .executeTakeFirst()
    if (challenge?.author_id) ids.push(challenge.author_id)
  }
  return ids
}

/**
 * Tells the challenge's followers (not the one who acted). Decisions about a challenge
 * (`author: true`) reach its author too, even one who stopped following it.
 */
export async function notifyFollowers<K extends NotificationKind>(
  trx: Executor,
  input: Notice<K> & { author?: boolean },
) {
  const audience = await listAudience(trx, input.challengeId, { author: input.author })
  return notifyUsers(trx, audience, input)
}

/**
 * Whether a notification's recipient may still read it: a challenge hidden, or sent back to
 * pending or rejected, after the notification was written takes its title and what was said
 * about it (an official response's first lines, a moderator's message) out of the recipient's
 * list, count, mail and data export, as it leaves every other public view. Its author and
 * moderators still read it (the policy's maySeeChallenge, in SQL). For queries joining `notifications`, its `challenges` and the
 * recipient as `users`.
 */
export function readableByRecipient(
  eb: ExpressionBuilder<Database, 'notifications' | 'challenges' | 'users'>,
) {
  return eb.or([
    eb('users.role', 'in', [...STAFF_ROLES]),
    eb.and([
      eb('challenges.hidden_at', 'is', null),
      eb('challenges.status', 'in', [...PUBLIC_STATUSES]),
    ]),
    eb('challenges.author_id', '=', eb.ref('notifications.user_id')),
  ])
}

function recipientNotifications(userId: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('challenges', 'challenges.id', 'notifications.challenge_id')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .where('notifications.user_id', '=', userId)
}

export async function countUnread(userId: number): Promise<number> {
  const row = await recipientNotifications(userId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.read_at', 'is', null)
    .where(readableByRecipient)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listNotifications(userId: number, limit = 50) {
  return recipientNotifications(userId)
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
    .where(readableByRecipient)
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute()
}

/**
 * The challenges among the person's notifications that they may no longer read: the data
 * export keeps those notifications' rows but not what they said.
 */
export async function unreadableNotificationChallenges(userId: number): Promise<Set<number>> {
  const rows = await recipientNotifications(userId)
    .select('challenges.id')
    .distinct()
    .where((eb) => eb.not(readableByRecipient(eb)))
    .execute()
  return new Set(rows.map((r) => r.id))
}

export async function markAllRead(userId: number) {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute()
}
