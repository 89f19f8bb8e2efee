import { sql } from 'kysely'
import { db } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { countComment } from '~/models/comment.server'
import type { HIDE_REASONS } from '~/models/moderation-constants'
import { tellAuthor } from '~/models/moderation.server'
import { isModerator, type Actor } from '~/models/permissions.server'
import { countSolution } from '~/models/solution.server'

// Quarantine of new accounts, for comments and proposed solutions (challenges use the pending
// status instead). A held post has `held_at` set: only its author and the moderators see it,
// and it counts nowhere public until a moderator approves it. See docs/decisions.md.

export type HeldType = 'comment' | 'solution'
const DAY = 24 * 60 * 60 * 1000
const EXCERPT = 300

/**
 * Whether a new post by this user waits for a moderator: quarantine is on, they are not staff,
 * and nothing of theirs has been let through yet (an approved challenge, or a comment or
 * proposal that is neither held nor hidden).
 */
export async function mustHold(user: Actor, quarantineNewAccounts: boolean) {
  if (!quarantineNewAccounts || isModerator(user)) return false
  const [challenge, comment, solution] = await Promise.all([
    db
      .selectFrom('challenges')
      .select('id')
      .where('author_id', '=', user.id)
      .where('status', 'not in', ['pending', 'rejected'])
      .executeTakeFirst(),
    ...(['comments', 'solutions'] as const).map((table) =>
      db
        .selectFrom(table)
        .select('id')
        .where('author_id', '=', user.id)
        .where('held_at', 'is', null)
        .where('hidden_at', 'is', null)
        .executeTakeFirst(),
    ),
  ])
  return !challenge && !comment && !solution
}

/** Held comments and proposals, oldest first, with their text, author and challenge. */
export async function listHeldPosts(limit = 100, now = Date.now()) {
  const rows = await Promise.all(
    (['comments', 'solutions'] as const).map((table) =>
      db
        .selectFrom(`${table} as p` as 'comments as p')
        .innerJoin('challenges', 'challenges.id', 'p.challenge_id')
        .leftJoin('users', 'users.id', 'p.author_id')
        .select([
          'p.id',
          'p.body_md',
          'p.held_at',
          'p.challenge_id',
          'challenges.title as challenge_title',
          'users.name as author_name',
        ])
        .where('p.held_at', 'is not', null)
        // A held comment its author deleted waits for nobody.
        .$if(table === 'comments', (qb) => qb.where('p.deleted_at', 'is', null))
        .orderBy('p.held_at')
        .limit(limit)
        .execute()
        .then((list) =>
          list.map((r) => ({
            ...r,
            type: (table === 'comments' ? 'comment' : 'solution') as HeldType,
          })),
        ),
    ),
  )
  return rows
    .flat()
    .sort((a, b) => String(a.held_at).localeCompare(String(b.held_at)))
    .slice(0, limit)
    .map(({ body_md, held_at, ...r }) => {
      const flat = body_md.replace(/\s+/g, ' ').trim()
      return {
        ...r,
        held_at: String(held_at),
        excerpt: flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat,
        days_waiting: Math.max(0, Math.floor((now - Date.parse(String(held_at))) / DAY)),
      }
    })
}

export async function countHeldPosts() {
  const counts = await Promise.all(
    (['comments', 'solutions'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('held_at', 'is not', null)
        .$if(table === 'comments', (qb) => qb.where(sql.ref('deleted_at'), 'is', null))
        .executeTakeFirstOrThrow(),
    ),
  )
  return counts.reduce((sum, r) => sum + Number(r.n), 0)
}

/**
 * A moderator lets a held post through (it is counted and its challenge's followers are told,
 * as at posting) or rejects it (it is hidden with the reason and its author told, as for any
 * hide). One transaction with its audit row.
 */
export async function decideHeldPost(
  actor: Actor,
  input: {
    subjectType: HeldType
    subjectId: number
    decision: 'approve' | 'reject'
    reason?: (typeof HIDE_REASONS)[number]
    siteUrl: string
    ip?: string | null
  },
) {
  return db.transaction().execute(async (trx) => {
    const table = input.subjectType === 'comment' ? 'comments' : 'solutions'
    const post = await trx
      .selectFrom(`${table} as p` as 'comments as p')
      .innerJoin('challenges', 'challenges.id', 'p.challenge_id')
      .select(['p.id', 'p.author_id', 'p.held_at', 'p.challenge_id', 'challenges.title'])
      .where('p.id', '=', input.subjectId)
      .$if(table === 'comments', (qb) => qb.where('p.deleted_at', 'is', null))
      .executeTakeFirst()
    if (!post) return 'not_found' as const
    if (!post.held_at) return 'decided' as const
    const now = new Date().toISOString()
    const approve = input.decision === 'approve'
    const reason = input.reason ?? 'other'
    await trx
      .updateTable(table)
      .set(approve ? { held_at: null } : { held_at: null, hidden_at: now, hidden_reason: reason })
      .where('id', '=', post.id)
      .execute()
    const authorId = post.author_id ?? 0
    if (input.subjectType === 'comment') {
      const { solution_id } = await trx
        .selectFrom('comments')
        .select('solution_id')
        .where('id', '=', post.id)
        .executeTakeFirstOrThrow()
      await countComment(trx, {
        challengeId: post.challenge_id,
        solutionId: solution_id,
        commentId: post.id,
        authorId,
        notify: approve && post.author_id !== null,
      })
    } else {
      await countSolution(trx, {
        challengeId: post.challenge_id,
        solutionId: post.id,
        authorId,
        notify: approve && post.author_id !== null,
      })
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: `${input.subjectType}.${input.decision}`,
      subjectType: input.subjectType,
      subjectId: post.id,
      before: { held: true },
      after: approve ? { held: false } : { held: false, hidden: true, reason },
      reason: approve ? null : reason,
      ip: input.ip,
    })
    if (!approve)
      await tellAuthor(
        trx,
        post.author_id,
        { name: 'postHidden', reason, challengeId: post.challenge_id, title: post.title },
        input.siteUrl,
      )
    return 'done' as const
  })
}
