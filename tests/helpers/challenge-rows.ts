// Challenge rows read and changed straight in the test database, for tests that check what a
// request stored or need a challenge in a state no form puts it in.
import { db } from '~/db.server'

/** The challenge's row as stored. */
export const challengeRow = (id: number) =>
  db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

/** Hides the challenge from now on: hidden_at only, no reason and no audit row. */
export async function hideChallenge(id: number) {
  await db
    .updateTable('challenges')
    .set({ hidden_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

/** Who is credited with solving the challenge, in the order they were credited. */
export const creditedSolvers = (challengeId: number) =>
  db
    .selectFrom('challenge_solvers')
    .select(['organisation_id', 'user_id', 'pledge_id', 'solution_id'])
    .where('challenge_id', '=', challengeId)
    .orderBy('id')
    .execute()
