import type { FlagSubject } from '#db/schema'
import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { restorePost } from '~/models/moderation-visibility.server'
import { notifyUsers } from '~/models/notification.server'
import type { Actor } from '~/utils/policy'
import { findPost } from '~/models/post-kinds.server'
import { lockChallenge } from '~/models/dialect.server'

/** The author asks once for a hidden post to come back; the appeal lands in the queue. */
export async function appeal(input: {
  userId: number
  challengeId: number
  subjectType: FlagSubject
  subjectId: number
  body: string
}) {
  return transaction(async (trx) => {
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (
      !post ||
      !post.hidden_at ||
      post.author_id !== input.userId ||
      post.challenge_id !== input.challengeId
    ) {
      return 'not_allowed' as const
    }
    const inserted = await trx
      .insertInto('appeals')
      .values({
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        challenge_id: post.challenge_id,
        user_id: input.userId,
        body: input.body,
        decided_by: null,
        decided_at: null,
      })
      .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0)
      ? ('filed' as const)
      : ('already' as const)
  })
}

export async function decideAppeal(
  actor: Actor,
  input: {
    appealId: number
    challengeId: number
    restore: boolean
    /** The moderator's note to the appellant. */
    note?: string | null
    ip?: string | null
  },
) {
  return transaction(async (trx) => {
    // The challenge first (the lock order): restoring the post below locks it, and a moderator
    // restoring the same post directly locks it before this appeal's row.
    await lockChallenge(trx, input.challengeId)
    const found = await trx
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', input.appealId)
      .executeTakeFirst()
    if (!found || found.status !== 'open' || found.challenge_id !== input.challengeId) return false
    // Decided by whoever flips it from open: a second moderator at the same moment gets false.
    const decided = await trx
      .updateTable('appeals')
      .set({
        status: input.restore ? 'upheld' : 'rejected',
        decided_by: actor.id,
        decided_at: new Date().toISOString(),
        decision_note: input.note || null,
      })
      .where('id', '=', input.appealId)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst()
    if (!decided) return false
    await notifyUsers(trx, [found.user_id], {
      challengeId: found.challenge_id,
      actorId: actor.id,
      kind: 'appeal_decided',
      payload: { subject: found.subject_type, restored: input.restore, note: input.note || null },
    })
    if (input.restore)
      await restorePost(
        actor,
        { subjectType: found.subject_type, subjectId: found.subject_id, ip: input.ip },
        trx,
      )
    await recordAudit(trx, {
      actorId: actor.id,
      action: input.restore ? 'appeal.uphold' : 'appeal.reject',
      subjectType: 'appeal',
      subjectId: found.id,
      after: { subjectType: found.subject_type, subjectId: found.subject_id },
      reason: input.note || null,
      ip: input.ip,
    })
    return true
  })
}
