import { attachDrafts, PhotosGone, type AttachedPhoto } from '~/models/photo.server'
import { sql } from 'kysely'
import { db, transaction, type Executor } from '~/db.server'
import { setChallengeStatus } from '~/models/challenge.server'
import { addFollow } from '~/models/follow.server'
import { notifyFollowers } from '~/models/notification.server'
import { renderMarkdown } from '~/services/markdown.server'
import { lockChallenge, lockPost } from '~/models/dialect.server'

export class DuplicatePledge extends Error {}

/**
 * The progress updates of a challenge's pledges, oldest first, as the challenge page and the
 * API show them; each caller narrows the pledges to those its reader may see.
 */
export function progressUpdatesOf(challengeId: number) {
  return db
    .selectFrom('pledge_updates')
    .innerJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id')
    .select([
      'pledge_updates.id',
      'pledge_updates.pledge_id',
      'pledge_updates.body_html',
      'pledge_updates.created_at',
    ])
    .where('pledges.challenge_id', '=', challengeId)
    .orderBy('pledge_updates.id')
}

/**
 * "We take this on". The first pledge moves an open challenge to in_progress. A held pledge
 * (pre-moderation) is seen only by its author and the moderators, and counts, announces and
 * moves the challenge only when a moderator approves it (held-posts.server.ts).
 */
export async function pledge(input: {
  challengeId: number
  userId: number
  organisationId: number | null
  plan: string
  held?: boolean
}): Promise<number> {
  const planHtml = renderMarkdown(input.plan)
  return transaction(async (trx) => {
    // "One active pledge" holds only if two pledges at once cannot both find none.
    await lockChallenge(trx, input.challengeId)
    let existing = trx
      .selectFrom('pledges')
      .select('id')
      .where('challenge_id', '=', input.challengeId)
      .where('status', '=', 'active')
    existing =
      input.organisationId === null
        ? existing.where('user_id', '=', input.userId).where('organisation_id', 'is', null)
        : existing.where('organisation_id', '=', input.organisationId)
    if (await existing.executeTakeFirst()) throw new DuplicatePledge()

    const { id } = await trx
      .insertInto('pledges')
      .values({
        challenge_id: input.challengeId,
        user_id: input.userId,
        organisation_id: input.organisationId,
        plan: input.plan,
        plan_html: planHtml,
        withdrawn_at: null,
        held_at: input.held ? new Date().toISOString() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addFollow(trx, input.challengeId, input.userId)
    if (!input.held)
      await countPledge(trx, {
        challengeId: input.challengeId,
        pledgeId: id,
        userId: input.userId,
        notify: true,
      })
    return id
  })
}

/**
 * Counts a pledge on its challenge, tells the followers (with `notify`) and moves an open
 * challenge to in progress: at pledging, or when a moderator approves a held pledge.
 */
export async function countPledge(
  trx: Executor,
  input: { challengeId: number; pledgeId: number; userId: number; notify: boolean },
) {
  const challenge = await trx
    .updateTable('challenges')
    .set({ pledge_count: sql`pledge_count + 1`, updated_at: new Date().toISOString() })
    .where('id', '=', input.challengeId)
    .returning('status')
    .executeTakeFirstOrThrow()
  if (input.notify)
    await notifyFollowers(trx, {
      challengeId: input.challengeId,
      actorId: input.userId,
      kind: 'pledge',
      payload: { pledgeId: input.pledgeId },
    })
  if (challenge.status === 'open') {
    await setChallengeStatus(trx, {
      challengeId: input.challengeId,
      to: 'in_progress',
      actorId: input.userId,
    })
  }
}

export async function getPledge(id: number) {
  return db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function postProgress(input: {
  pledgeId: number
  authorId: number
  body: string
  /** The author's photo drafts, in order, with their texts. */
  photos?: readonly AttachedPhoto[]
}) {
  const html = renderMarkdown(input.body)
  await transaction(async (trx) => {
    const pledgeRow = await trx
      .selectFrom('pledges')
      .select('challenge_id')
      .where('id', '=', input.pledgeId)
      .executeTakeFirstOrThrow()
    const update = await trx
      .insertInto('pledge_updates')
      .values({
        pledge_id: input.pledgeId,
        author_id: input.authorId,
        body_md: input.body,
        body_html: html,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (input.photos?.length) {
      const attached = await attachDrafts(trx, input.authorId, input.photos, {
        pledgeUpdateId: update.id,
      })
      if (!attached) throw new PhotosGone()
    }
    await notifyFollowers(trx, {
      challengeId: pledgeRow.challenge_id,
      actorId: input.authorId,
      kind: 'progress',
      payload: { pledgeId: input.pledgeId },
    })
  })
}

/**
 * Withdrawing keeps the row (and its updates) for the record; the count drops. A held pledge
 * withdrawn was never counted, and no longer waits for a moderator.
 */
export async function withdrawPledge(pledgeId: number) {
  await transaction(async (trx) => {
    // A moderator approving the held pledge at the same moment would count it after we read it.
    await lockPost(trx, 'pledge', pledgeId)
    const before = await trx
      .selectFrom('pledges')
      .select('held_at')
      .where('id', '=', pledgeId)
      .executeTakeFirst()
    const row = await trx
      .updateTable('pledges')
      .set({ status: 'withdrawn', withdrawn_at: new Date().toISOString(), held_at: null })
      .where('id', '=', pledgeId)
      .where('status', '=', 'active')
      .returning('challenge_id')
      .executeTakeFirst()
    if (!row || before?.held_at) return
    await trx
      .updateTable('challenges')
      .set({ pledge_count: sql`pledge_count - 1` })
      .where('id', '=', row.challenge_id)
      .execute()
  })
}

/**
 * The pledger reports the work done: the pledge is completed, and the challenge's owner and
 * followers are told and asked to confirm it solved (the owner's page shows the solve form
 * with the pledger ticked). False when the pledge was no longer active.
 */
export async function markPledgeDone(input: { pledgeId: number; actorId: number }) {
  return transaction(async (trx) => {
    // The challenge is written below: its lock first (the lock order).
    await lockPost(trx, 'pledge', input.pledgeId)
    const row = await trx
      .updateTable('pledges')
      .set({ status: 'completed' })
      .where('id', '=', input.pledgeId)
      .where('status', '=', 'active')
      // A held pledge is not taken on in public yet.
      .where('held_at', 'is', null)
      .returning(['challenge_id', 'user_id', 'organisation_id'])
      .executeTakeFirst()
    if (!row) return false
    // The name as it is now goes into the notification (see NotificationPayloads).
    const name = row.organisation_id
      ? await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', row.organisation_id)
          .executeTakeFirst()
      : await trx
          .selectFrom('users')
          .select('name')
          .where('id', '=', row.user_id ?? input.actorId)
          .executeTakeFirst()
    await trx
      .updateTable('challenges')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', row.challenge_id)
      .execute()
    await notifyFollowers(trx, {
      challengeId: row.challenge_id,
      actorId: input.actorId,
      kind: 'pledge_done',
      payload: { by: name?.name ?? '' },
      author: true,
    })
    return true
  })
}
