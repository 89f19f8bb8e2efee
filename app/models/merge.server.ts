import { sql } from 'kysely'
import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { setChallengeStatus } from '~/models/challenge.server'
import { isOnPublicBoard } from '~/models/challenge-constants'
import { listAudience, notifyUsers } from '~/models/notification.server'
import type { Actor } from '~/utils/policy'
import { recountChallenges } from '~/models/recount.server'
import { lockChallenges } from '~/models/dialect.server'

export class MergeRefused extends Error {
  constructor(public reason: 'self' | 'merged' | 'not_found' | 'not_public') {
    super(reason)
  }
}

/**
 * Merges a duplicate into another challenge: votes (without doubling), follows and comments
 * move; the duplicate is closed and remembers where it went, so its URL can redirect.
 */
export async function mergeChallenge(
  actor: Actor,
  input: { fromId: number; intoId: number; ip?: string | null },
) {
  if (input.fromId === input.intoId) throw new MergeRefused('self')
  await transaction(async (trx) => {
    // Both, in id order: a vote, a status change or another merge on either waits for this one.
    await lockChallenges(trx, [input.fromId, input.intoId])
    const [from, into] = await Promise.all([
      trx.selectFrom('challenges').selectAll().where('id', '=', input.fromId).executeTakeFirst(),
      trx.selectFrom('challenges').selectAll().where('id', '=', input.intoId).executeTakeFirst(),
    ])
    if (!from || !into) throw new MergeRefused('not_found')
    if (into.merged_into_id || from.merged_into_id) throw new MergeRefused('merged')
    // Its title is told to the duplicate's followers, and they move there: it must be public.
    if (!isOnPublicBoard(into)) throw new MergeRefused('not_public')
    // Told before the follows move: those who followed the duplicate learn where it went.
    await notifyUsers(trx, await listAudience(trx, from.id, { author: true }), {
      challengeId: from.id,
      actorId: actor.id,
      kind: 'merged',
      payload: { intoId: into.id, intoTitle: into.title },
    })
    // "where … on conflict": SQLite needs the WHERE to tell ON CONFLICT from a join's ON.
    await sql`insert into challenge_votes (challenge_id, user_id, created_at)
      select ${into.id}, user_id, created_at from challenge_votes where challenge_id = ${from.id}
      on conflict do nothing`.execute(trx)
    await trx.deleteFrom('challenge_votes').where('challenge_id', '=', from.id).execute()
    await sql`insert into follows (challenge_id, user_id, created_at)
      select ${into.id}, user_id, created_at from follows where challenge_id = ${from.id}
      on conflict do nothing`.execute(trx)
    await trx.deleteFrom('follows').where('challenge_id', '=', from.id).execute()
    await trx
      .updateTable('comments')
      .set({ challenge_id: into.id })
      .where('challenge_id', '=', from.id)
      .where('solution_id', 'is', null)
      .execute()
    await trx
      .updateTable('challenges')
      .set({ version: sql`version + 1` })
      .where('id', '=', into.id)
      .execute()
    await trx
      .updateTable('challenges')
      .set({ merged_into_id: into.id, version: sql`version + 1` })
      .where('id', '=', from.id)
      .execute()
    // Counters and trending from the rows both now hold, as the shared recount defines them:
    // the moved votes, follows and comments keep their dates, so the target trends with them,
    // and what stays on the duplicate (comments on its solutions) still counts there.
    await recountChallenges(trx, [into.id, from.id])
    await setChallengeStatus(trx, {
      challengeId: from.id,
      to: 'closed',
      actorId: actor.id,
      closedReason: 'merged',
      notify: false,
    })
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.merge',
      subjectType: 'challenge',
      subjectId: from.id,
      after: { mergedInto: into.id },
      ip: input.ip,
    })
  })
}
