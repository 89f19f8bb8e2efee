import { sql } from 'kysely'
import type { Executor } from '~/db.server'
import { recomputeTrending } from '~/models/trending.server'
import { lockChallenges, lockSolutions } from '~/models/dialect.server'

// The counters on challenges and solutions are kept in the transaction of each vote, follow,
// comment, solution and pledge. A change that moves or deletes many rows at once (a merge, an
// account deletion) sets them again from the rows here, with the trending score, so they
// never go stale.

const uniq = (ids: Array<number | null>) => [...new Set(ids.filter((id): id is number => !!id))]

/**
 * Sets every counter of these challenges and solutions from the rows themselves (the same
 * definitions the models keep incrementally), and the trending score from what remains.
 */
export async function recountChallenges(executor: Executor, challengeIds: number[]) {
  // Counted under the row lock: a vote or follow committing between the count and the write
  // would otherwise be lost; one still running adds its +1 after this write, to the right base.
  await lockChallenges(executor, uniq(challengeIds))
  for (const id of uniq(challengeIds)) {
    const row = await executor
      .selectFrom('challenges')
      .select((eb) => [
        eb
          .selectFrom('challenge_votes')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('challenge_votes.challenge_id', '=', 'challenges.id')
          .as('votes'),
        eb
          .selectFrom('follows')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('follows.challenge_id', '=', 'challenges.id')
          .as('followers'),
        eb
          .selectFrom('comments')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('comments.challenge_id', '=', 'challenges.id')
          // Held posts (quarantine) are counted when a moderator decides on them.
          .where('comments.held_at', 'is', null)
          .as('comments'),
        eb
          .selectFrom('solutions')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('solutions.challenge_id', '=', 'challenges.id')
          .where('solutions.held_at', 'is', null)
          .as('solutions'),
        eb
          .selectFrom('pledges')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('pledges.challenge_id', '=', 'challenges.id')
          .where('pledges.status', '!=', 'withdrawn')
          .where('pledges.held_at', 'is', null)
          .as('pledges'),
      ])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) continue // deleted with its author
    const votes = Number(row.votes ?? 0)
    await executor
      .updateTable('challenges')
      .set({
        vote_count: votes,
        follower_count: Number(row.followers ?? 0),
        comment_count: Number(row.comments ?? 0),
        solution_count: Number(row.solutions ?? 0),
        pledge_count: Number(row.pledges ?? 0),
      })
      .where('id', '=', id)
      .execute()
  }
  await recomputeTrending(executor, { ids: uniq(challengeIds) })
}

export async function recountSolutions(executor: Executor, solutionIds: number[]) {
  await lockSolutions(executor, uniq(solutionIds))
  for (const id of uniq(solutionIds)) {
    await sql`update solutions set
        vote_count = (select count(*) from solution_votes where solution_id = ${id}),
        comment_count = (select count(*) from comments where solution_id = ${id} and held_at is null)
      where id = ${id}`.execute(executor)
  }
}
