import { db, transaction, isUniqueViolation, type Executor } from '~/db.server'
import { addFollow } from '~/models/follow.server'
import { recordAudit } from '~/models/audit.server'
import { notifyUsers } from '~/models/notification.server'
import { StaleForm, triageChallenge } from '~/models/triage.server'
import type { Actor } from '~/utils/policy'
import { lockChallenge } from '~/models/dialect.server'

/**
 * Whether a challenge can be disputed at all: solved and on the public board. Read inside the
 * filing transaction too, so a challenge reopened meanwhile is not disputed.
 */
export async function isDisputable(executor: Executor, challengeId: number) {
  const row = await executor
    .selectFrom('challenges')
    .select(['status', 'hidden_at', 'merged_into_id'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  return row?.status === 'solved' && row.hidden_at === null && row.merged_into_id === null
}

/** The viewer's own dispute of a challenge, with the moderator's decision once there is one. */
export async function getOwnDispute(challengeId: number, userId: number) {
  return db
    .selectFrom('disputes')
    .select(['id', 'status', 'created_at', 'decided_at', 'decision_note'])
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/**
 * A resident disputes "solved", once per challenge. The UNIQUE (challenge, user) index is the
 * final guard against a double submit; the whole filing is one transaction with its audit row.
 */
export async function fileDispute(input: {
  challengeId: number
  userId: number
  body: string
  ip?: string | null
}): Promise<'filed' | 'already' | 'not_solved'> {
  try {
    return await transaction(async (trx) => {
      // A reopening at the same moment waits, or is seen.
      await lockChallenge(trx, input.challengeId)
      if (!(await isDisputable(trx, input.challengeId))) return 'not_solved' as const
      await insertDispute(trx, input)
      return 'filed' as const
    })
  } catch (error) {
    // The failed insert rolled the transaction back; nothing was written.
    if (isUniqueViolation(error)) return 'already'
    throw error
  }
}

/**
 * Files a dispute inside the caller's transaction ("is it fixed?" answered "not fixed" by the
 * challenge's author files one with the answer). The caller checks that the challenge is
 * disputable and that this person has no dispute of it yet.
 */
export async function insertDispute(
  trx: Executor,
  input: { challengeId: number; userId: number; body: string; ip?: string | null },
) {
  const { id } = await trx
    .insertInto('disputes')
    .values({
      challenge_id: input.challengeId,
      user_id: input.userId,
      body: input.body,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // The disputer follows the challenge: an upheld dispute reopens it, and followers hear of
  // every status change.
  await addFollow(trx, input.challengeId, input.userId)
  // On the challenge, so the triage page's audit trail shows it.
  await recordAudit(trx, {
    actorId: input.userId,
    action: 'dispute.file',
    subjectType: 'challenge',
    subjectId: input.challengeId,
    after: { disputeId: id, status: 'open' },
    ip: input.ip,
  })
  return id
}

/** Every dispute of one challenge for the triage page, open ones first, oldest first. */
export async function listDisputesFor(challengeId: number) {
  return db
    .selectFrom('disputes')
    .leftJoin('users', 'users.id', 'disputes.user_id')
    .leftJoin('users as decider', 'decider.id', 'disputes.decided_by')
    .select([
      'disputes.id',
      'disputes.body',
      'disputes.status',
      'disputes.created_at',
      'disputes.decided_at',
      'disputes.decision_note',
      'disputes.user_id',
      'users.name as user_name',
      'decider.name as decider_name',
    ])
    .where('disputes.challenge_id', '=', challengeId)
    .orderBy((eb) => eb.case().when('disputes.status', '=', 'open').then(0).else(1).end())
    .orderBy('disputes.id')
    .execute()
}

/** Open disputes of the given challenges (the moderation queue's rows), oldest first. */
export async function listOpenDisputesOf(challengeIds: number[]) {
  if (!challengeIds.length) return []
  return db
    .selectFrom('disputes')
    .leftJoin('users', 'users.id', 'disputes.user_id')
    .select([
      'disputes.id',
      'disputes.challenge_id',
      'disputes.body',
      'disputes.created_at',
      'users.name as user_name',
    ])
    .where('disputes.challenge_id', 'in', challengeIds)
    .where('disputes.status', '=', 'open')
    .orderBy('disputes.id')
    .execute()
}

export async function countOpenDisputes() {
  // The same disputes the queue's tab lists: merged duplicates are left out there too.
  const row = await db
    .selectFrom('disputes')
    .innerJoin('challenges', 'challenges.id', 'disputes.challenge_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('disputes.status', '=', 'open')
    .where('challenges.merged_into_id', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type DisputeDecision = 'done' | 'not_found' | 'decided'

/** The residents whose disputes were decided are told, with the moderator's note. */
async function tellDisputers(
  trx: Executor,
  actor: Actor,
  input: { challengeId: number; disputeIds: number[]; upheld: boolean; note: string },
) {
  if (!input.disputeIds.length) return
  const rows = await trx
    .selectFrom('disputes')
    .select('user_id')
    .where('id', 'in', input.disputeIds)
    .execute()
  await notifyUsers(
    trx,
    rows.map((r) => r.user_id),
    {
      challengeId: input.challengeId,
      actorId: actor.id,
      kind: 'dispute_decided',
      payload: { upheld: input.upheld, note: input.note },
    },
  )
}

/**
 * A moderator decides one open dispute of this challenge.
 *
 * - Reject: the dispute is closed with the note, which its author sees on the challenge page.
 * - Uphold: the challenge is reopened through the triage path (status history with the note as
 *   its public message, followers notified, audit, version bump; a stale form is refused with
 *   StaleForm). Pledges that solving had marked completed become active again, so the challenge
 *   goes back to `in_progress` when someone had taken it on, else to `open`. `solved_at` is
 *   cleared and the challenge_solvers rows are removed: organisation profiles and /outcomes
 *   must not credit a solve that was overturned, and marking it solved again re-derives them
 *   from the accepted solutions (which stay accepted). Other open disputes of the same
 *   challenge are upheld with it: they disputed the same thing.
 */
export async function decideDispute(
  actor: Actor,
  input: {
    challengeId: number
    disputeId: number
    uphold: boolean
    note: string
    version: number
    ip?: string | null
  },
): Promise<DisputeDecision> {
  return transaction(async (trx) => {
    // The dispute's state, the challenge's status and version are read and changed as one.
    await lockChallenge(trx, input.challengeId)
    const dispute = await trx
      .selectFrom('disputes')
      .select(['id', 'challenge_id', 'status'])
      .where('id', '=', input.disputeId)
      .executeTakeFirst()
    if (!dispute || dispute.challenge_id !== input.challengeId) return 'not_found'
    if (dispute.status !== 'open') return 'decided'
    const now = new Date().toISOString()
    const decide = (status: 'upheld' | 'rejected') =>
      trx
        .updateTable('disputes')
        .set({ status, decided_by: actor.id, decided_at: now, decision_note: input.note })
        .where('challenge_id', '=', input.challengeId)
        .where('status', '=', 'open')
        .$if(status === 'rejected', (qb) => qb.where('id', '=', dispute.id))
        .returning('id')
        .execute()

    if (!input.uphold) {
      await decide('rejected')
      await tellDisputers(trx, actor, {
        challengeId: input.challengeId,
        disputeIds: [dispute.id],
        upheld: false,
        note: input.note,
      })
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'dispute.reject',
        subjectType: 'challenge',
        subjectId: input.challengeId,
        before: { disputeId: dispute.id, status: 'open' },
        after: { disputeId: dispute.id, status: 'rejected' },
        reason: input.note,
        ip: input.ip,
      })
      return 'done'
    }

    const challenge = await trx
      .selectFrom('challenges')
      .select(['status', 'version'])
      .where('id', '=', input.challengeId)
      .executeTakeFirstOrThrow()
    // Decided before the reopening, which would otherwise answer them without this note.
    const upheld = await decide('upheld')
    await tellDisputers(trx, actor, {
      challengeId: input.challengeId,
      disputeIds: upheld.map((d) => d.id),
      upheld: true,
      note: input.note,
    })
    if (challenge.status === 'solved') {
      await trx
        .updateTable('pledges')
        .set({ status: 'active' })
        .where('challenge_id', '=', input.challengeId)
        .where('status', '=', 'completed')
        .execute()
      const active = await trx
        .selectFrom('pledges')
        .select('id')
        .where('challenge_id', '=', input.challengeId)
        .where('status', '=', 'active')
        .where('held_at', 'is', null)
        .executeTakeFirst()
      await triageChallenge(
        actor,
        {
          challengeId: input.challengeId,
          version: input.version,
          change: { status: active ? 'in_progress' : 'open', message: input.note },
          ip: input.ip,
        },
        trx,
      )
      // setChallengeStatus cleared solved_at and the solvers.
    } else if (challenge.version !== input.version) {
      // Reopened by someone else since the form was loaded: let the moderator look again.
      throw new StaleForm()
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'dispute.uphold',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      before: { disputeId: dispute.id, status: 'open', challengeStatus: challenge.status },
      after: { disputeIds: upheld.map((d) => d.id), status: 'upheld' },
      reason: input.note,
      ip: input.ip,
    })
    return 'done'
  })
}
