import { sql } from 'kysely'
import { db, transaction, type Executor } from '~/db.server'
import { addFollow } from '~/models/follow.server'
import { notifyFollowers } from '~/models/notification.server'
import { recordActivity, TRENDING_WEIGHTS, withdrawActivity } from '~/models/trending.server'
import { renderMarkdown } from '~/services/markdown.server'
import { isWithinCommentEditWindow } from '~/utils/policy'
import { lockChallenge } from '~/models/dialect.server'
import { recentRepeat } from '~/models/post-kinds.server'

export class CommentRefused extends Error {
  constructor(public reason: 'parent' | 'expired') {
    super(reason)
  }
}

export async function addComment(input: {
  challengeId: number
  authorId: number
  body: string
  solutionId?: number | null
  parentId?: number | null
  /** Quarantine: the comment waits for a moderator, unseen and uncounted until approved. */
  held?: boolean
}): Promise<number> {
  const html = renderMarkdown(input.body)
  return transaction(async (trx) => {
    // A double submit finds the first comment only if it waits for it.
    await lockChallenge(trx, input.challengeId)
    const duplicate = await recentRepeat(trx, 'comments', input)
    if (duplicate !== undefined) return duplicate
    let solutionId = input.solutionId ?? null
    if (input.parentId) {
      // One level of replies: the parent must be a top-level comment on the same challenge.
      const parent = await trx
        .selectFrom('comments')
        .select(['challenge_id', 'parent_id', 'solution_id', 'held_at', 'author_id'])
        .where('id', '=', input.parentId)
        .executeTakeFirst()
      if (
        !parent ||
        parent.challenge_id !== input.challengeId ||
        parent.parent_id !== null ||
        // A held comment is seen by nobody but its author until a moderator lets it through.
        (parent.held_at !== null && parent.author_id !== input.authorId)
      ) {
        throw new CommentRefused('parent')
      }
      solutionId = parent.solution_id
    }
    if (solutionId) {
      const solution = await trx
        .selectFrom('solutions')
        .select(['challenge_id', 'held_at', 'author_id'])
        .where('id', '=', solutionId)
        .executeTakeFirst()
      if (
        !solution ||
        solution.challenge_id !== input.challengeId ||
        (solution.held_at !== null && solution.author_id !== input.authorId)
      )
        throw new CommentRefused('parent')
    }
    const { id } = await trx
      .insertInto('comments')
      .values({
        challenge_id: input.challengeId,
        solution_id: solutionId,
        parent_id: input.parentId ?? null,
        author_id: input.authorId,
        body_md: input.body,
        body_html: html,
        deleted_at: null,
        hidden_at: null,
        hidden_reason: null,
        held_at: input.held ? new Date().toISOString() : null,
        edited_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addFollow(trx, input.challengeId, input.authorId)
    // A held comment is counted and announced when a moderator approves it (held-posts.server.ts).
    if (input.held) return id
    await countComment(trx, {
      challengeId: input.challengeId,
      solutionId,
      commentId: id,
      authorId: input.authorId,
      notify: true,
    })
    return id
  })
}

/**
 * Counts a comment on its challenge (and solution) and, with `notify`, tells the followers: at
 * posting, or when a moderator decides on a held one. A rejected held comment is counted like
 * any other hidden comment (so a later restore is right) but announced to nobody.
 */
export async function countComment(
  trx: Executor,
  input: {
    challengeId: number
    solutionId: number | null
    commentId: number
    authorId: number
    notify: boolean
  },
) {
  const { solutionId } = input
  await trx
    .updateTable('challenges')
    .set({ comment_count: sql`comment_count + 1` })
    .where('id', '=', input.challengeId)
    .execute()
  if (solutionId) {
    await trx
      .updateTable('solutions')
      .set({ comment_count: sql`comment_count + 1` })
      .where('id', '=', solutionId)
      .execute()
  }
  if (!input.notify) return
  await recordActivity(trx, {
    challengeId: input.challengeId,
    actorId: input.authorId,
    weight: TRENDING_WEIGHTS.comment,
  })
  await notifyFollowers(trx, {
    challengeId: input.challengeId,
    actorId: input.authorId,
    kind: 'comment',
    payload: { commentId: input.commentId },
  })
}

export async function getComment(id: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function editComment(input: { commentId: number; body: string; now?: Date }) {
  const now = input.now ?? new Date()
  const comment = await getComment(input.commentId)
  if (!comment || comment.deleted_at) throw new CommentRefused('parent')
  if (!isWithinCommentEditWindow(comment, now.getTime())) {
    throw new CommentRefused('expired')
  }
  await db
    .updateTable('comments')
    .set({
      body_md: input.body,
      body_html: renderMarkdown(input.body),
      edited_at: now.toISOString(),
    })
    .where('id', '=', input.commentId)
    .execute()
}

/**
 * Leaves a "comment removed" placeholder so the replies keep their context; a removed comment
 * no longer counts towards trending (a hidden one already did not).
 */
export async function deleteComment(commentId: number) {
  await transaction(async (trx) => {
    const removed = await trx
      .updateTable('comments')
      .set({ deleted_at: new Date().toISOString(), body_md: '', body_html: '' })
      .where('id', '=', commentId)
      .where('deleted_at', 'is', null)
      .returning(['challenge_id', 'author_id', 'hidden_at', 'held_at', 'created_at'])
      .executeTakeFirst()
    // Hidden and held comments never counted towards trending, so there is nothing to take back.
    if (removed && !removed.hidden_at && !removed.held_at) {
      await withdrawActivity(trx, {
        challengeId: removed.challenge_id,
        actorId: removed.author_id,
        weight: TRENDING_WEIGHTS.comment,
        createdAt: removed.created_at,
      })
    }
  })
}
