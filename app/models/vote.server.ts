import { sql } from 'kysely'
import { transaction } from '~/db.server'
import { recordActivity, TRENDING_WEIGHTS, withdrawActivity } from '~/models/trending.server'
import { forUpdate, lockPost } from '~/models/dialect.server'

export class VoteRefused extends Error {
  constructor(public reason: 'not_found' | 'own_post' | 'closed') {
    super(reason)
  }
}

const VOTABLE = ['open', 'in_progress', 'solved'] as const

/**
 * Casts or withdraws a vote on a challenge. The primary key allows one row per user; the count
 * and the trending score change in the same transaction as the row, so they never drift.
 */
export async function setChallengeVote(input: {
  userId: number
  challengeId: number
  vote: boolean
}) {
  return transaction(async (trx) => {
    // Locked: a merge or status change waits for the vote, or the vote sees what they did.
    const challenge = await forUpdate(
      trx
        .selectFrom('challenges')
        .select(['author_id', 'status', 'hidden_at'])
        .where('id', '=', input.challengeId),
    ).executeTakeFirst()
    if (!challenge || challenge.hidden_at) throw new VoteRefused('not_found')
    if (challenge.author_id === input.userId) throw new VoteRefused('own_post')
    if (!(VOTABLE as readonly string[]).includes(challenge.status)) throw new VoteRefused('closed')

    const activity = {
      challengeId: input.challengeId,
      actorId: input.userId,
      weight: TRENDING_WEIGHTS.vote,
    }
    let delta = 0
    if (input.vote) {
      const inserted = await trx
        .insertInto('challenge_votes')
        .values({ challenge_id: input.challengeId, user_id: input.userId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0)) {
        delta = 1
        await recordActivity(trx, activity)
      }
    } else {
      // The vote's date decides whether it still counts towards trending.
      const deleted = await trx
        .deleteFrom('challenge_votes')
        .where('challenge_id', '=', input.challengeId)
        .where('user_id', '=', input.userId)
        .returning('created_at')
        .executeTakeFirst()
      if (deleted) {
        delta = -1
        await withdrawActivity(trx, { ...activity, createdAt: deleted.created_at })
      }
    }
    const { vote_count } = await trx
      .updateTable('challenges')
      .set({ vote_count: sql`vote_count + ${delta}` })
      .where('id', '=', input.challengeId)
      .returning('vote_count')
      .executeTakeFirstOrThrow()
    return { voted: input.vote, count: vote_count }
  })
}

/** Same rules for a solution: one vote per user, never on one's own. */
export async function setSolutionVote(input: {
  userId: number
  solutionId: number
  vote: boolean
}) {
  return transaction(async (trx) => {
    await lockPost(trx, 'solution', input.solutionId)
    const solution = await trx
      .selectFrom('solutions')
      .innerJoin('challenges', 'challenges.id', 'solutions.challenge_id')
      .select([
        'solutions.author_id',
        'solutions.hidden_at',
        'solutions.held_at',
        'challenges.hidden_at as challenge_hidden_at',
        'challenges.status',
      ])
      .where('solutions.id', '=', input.solutionId)
      .executeTakeFirst()
    if (!solution || solution.hidden_at || solution.held_at || solution.challenge_hidden_at)
      throw new VoteRefused('not_found')
    if (solution.author_id === input.userId) throw new VoteRefused('own_post')
    if (!(VOTABLE as readonly string[]).includes(solution.status)) throw new VoteRefused('closed')
    const changed = input.vote
      ? await trx
          .insertInto('solution_votes')
          .values({ solution_id: input.solutionId, user_id: input.userId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
      : await trx
          .deleteFrom('solution_votes')
          .where('solution_id', '=', input.solutionId)
          .where('user_id', '=', input.userId)
          .executeTakeFirst()
          .then((r) => Number(r.numDeletedRows))
    const delta = changed ? (input.vote ? 1 : -1) : 0
    const { vote_count } = await trx
      .updateTable('solutions')
      .set({ vote_count: sql`vote_count + ${delta}` })
      .where('id', '=', input.solutionId)
      .returning('vote_count')
      .executeTakeFirstOrThrow()
    return { voted: input.vote, count: vote_count }
  })
}
