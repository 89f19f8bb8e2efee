import { attachDrafts, PhotosGone, type AttachedPhoto } from '~/models/photo.server'
import { sql } from 'kysely'
import { db, transaction, type Executor } from '~/db.server'
import { setChallengeStatus } from '~/models/challenge.server'
import { creditSolution } from '~/models/solvers.server'
import { addFollow } from '~/models/follow.server'
import { notifyFollowers } from '~/models/notification.server'
import { indexChallenge } from '~/models/search.server'
import { renderMarkdown } from '~/services/markdown.server'
import { lockChallenge, lockPost } from '~/models/dialect.server'
import { recentRepeat } from '~/models/post-kinds.server'
import { saveRevision } from '~/models/revisions.server'

export async function proposeSolution(input: {
  challengeId: number
  authorId: number
  organisationId: number | null
  body: string
  /** Quarantine: the proposal waits for a moderator, unseen and uncounted until approved. */
  held?: boolean
  /** The author's photo drafts, in order, with their texts. */
  photos?: readonly AttachedPhoto[]
}): Promise<number> {
  const html = renderMarkdown(input.body)
  return transaction(async (trx) => {
    // A double submit finds the first proposal only if it waits for it.
    await lockChallenge(trx, input.challengeId)
    const now = new Date().toISOString()
    const duplicate = await recentRepeat(trx, 'solutions', input)
    if (duplicate !== undefined) return duplicate
    const { id } = await trx
      .insertInto('solutions')
      .values({
        challenge_id: input.challengeId,
        author_id: input.authorId,
        organisation_id: input.organisationId,
        body_md: input.body,
        body_html: html,
        accepted_at: null,
        accepted_by: null,
        hidden_at: null,
        hidden_reason: null,
        held_at: input.held ? now : null,
        edited_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('solution_revisions')
      .values({ solution_id: id, editor_id: input.authorId, body_md: input.body, created_at: now })
      .execute()
    if (input.photos?.length) {
      const attached = await attachDrafts(trx, input.authorId, input.photos, { solutionId: id })
      if (!attached) throw new PhotosGone()
    }
    await addFollow(trx, input.challengeId, input.authorId)
    // A held proposal is counted, indexed and announced when a moderator approves it.
    if (!input.held)
      await countSolution(trx, {
        challengeId: input.challengeId,
        solutionId: id,
        authorId: input.authorId,
        notify: true,
      })
    return id
  })
}

/**
 * Counts a proposal on its challenge, puts it in search and, with `notify`, tells the
 * followers: at posting, or when a moderator decides on a held one (rejected: counted like any
 * hidden proposal, announced to nobody).
 */
export async function countSolution(
  trx: Executor,
  input: { challengeId: number; solutionId: number; authorId: number; notify: boolean },
) {
  await trx
    .updateTable('challenges')
    .set({ solution_count: sql`solution_count + 1`, updated_at: new Date().toISOString() })
    .where('id', '=', input.challengeId)
    .execute()
  if (input.notify)
    await notifyFollowers(trx, {
      challengeId: input.challengeId,
      actorId: input.authorId,
      kind: 'solution',
      payload: { solutionId: input.solutionId },
    })
  await indexChallenge(trx, input.challengeId)
}

export async function getSolution(id: number) {
  return db.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * A new revision; the earlier text stays in solution_revisions. With `review` (an edit of a
 * published proposal by its author while pre-moderation is on) the revision waits for a
 * moderator and the approved text stays public. An earlier edit still waiting is superseded by
 * a reviewed edit, and by `replacesPending` (the author's form started from it).
 */
export async function editSolution(input: {
  solutionId: number
  editorId: number
  body: string
  review?: boolean
  replacesPending?: boolean
}): Promise<'applied' | 'pending'> {
  return transaction((trx) =>
    saveRevision(trx, 'solution', input.solutionId, input, { body_md: input.body }, (now) =>
      applySolutionText(trx, input.solutionId, input.body, now),
    ),
  )
}

/** Makes a text the proposal's public one (an edit, or an approved revision), and reindexes. */
export async function applySolutionText(
  trx: Executor,
  solutionId: number,
  body: string,
  now = new Date().toISOString(),
) {
  const solution = await trx
    .updateTable('solutions')
    .set({ body_md: body, body_html: renderMarkdown(body), edited_at: now, updated_at: now })
    .where('id', '=', solutionId)
    .returning('challenge_id')
    .executeTakeFirstOrThrow()
  await indexChallenge(trx, solution.challenge_id)
}

/** The edit of a published proposal that waits for a moderator, if one does. */
export async function getPendingSolutionRevision(solutionId: number) {
  return db
    .selectFrom('solution_revisions')
    .select(['id', 'body_md', 'created_at'])
    .where('solution_id', '=', solutionId)
    .where('review', '=', 'pending')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

/**
 * The challenge's owner or a moderator accepts a solution. Accepting moves an open challenge
 * to in_progress (DESIGN.md's lifecycle); marking it solved is a separate step.
 */
export async function acceptSolution(input: {
  solutionId: number
  actorId: number
  accept: boolean
}) {
  await transaction(async (trx) => {
    // The challenge's status decides the credit: held still until this commits.
    await lockPost(trx, 'solution', input.solutionId)
    const solution = await trx
      .updateTable('solutions')
      .set({
        accepted_at: input.accept ? new Date().toISOString() : null,
        accepted_by: input.accept ? input.actorId : null,
      })
      .where('id', '=', input.solutionId)
      .returning('challenge_id')
      .executeTakeFirstOrThrow()
    const challenge = await trx
      .selectFrom('challenges')
      .select('status')
      .where('id', '=', solution.challenge_id)
      .executeTakeFirstOrThrow()
    // Already solved: the solution's author gains or loses credit; the rest of the choice stays.
    if (challenge.status === 'solved')
      await creditSolution(trx, solution.challenge_id, input.solutionId, input.accept)
    if (!input.accept) return
    if (challenge.status === 'open') {
      await setChallengeStatus(trx, {
        challengeId: solution.challenge_id,
        to: 'in_progress',
        actorId: input.actorId,
      })
    }
  })
}
