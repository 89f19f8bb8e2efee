import { sql } from 'kysely'
import { db, transaction, type Executor } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { applyChallengeText } from '~/models/challenge.server'
import { countComment } from '~/models/comment.server'
import type { HELD_TYPES, HIDE_REASONS } from '~/models/moderation-constants'
import { tellAuthor } from '~/models/moderation-mail.server'
import { countPledge } from '~/models/pledge.server'
import { POST_TABLE } from '~/models/post-kinds.server'
import type { Settings } from '~/models/settings.server'
import { applySolutionText, countSolution } from '~/models/solution.server'
import { mayPublishWithoutReview, type Actor } from '~/utils/policy'
import { lockPost } from '~/models/dialect.server'

// What waits for a moderator before others see it (challenges use the pending status instead):
// - held posts: comments, proposed solutions and pledges with `held_at` set, from accounts in
//   quarantine or from anyone but staff while pre-moderation is on. Only their author and the
//   moderators see them, and they count nowhere public until a moderator approves them.
// - held edits: under pre-moderation, an edit of a published challenge or proposal by anyone
//   but staff is a revision with review = 'pending'; the approved text stays public meanwhile.
// See docs/decisions.md.

export type HeldType = (typeof HELD_TYPES)[number]

const DAY = 24 * 60 * 60 * 1000
const EXCERPT = 300

type ReviewSettings = Pick<Settings, 'preModeration' | 'quarantineNewAccounts'>

/**
 * Whether a new post (challenge, comment, proposal, pledge) by this user waits for a moderator:
 * never for staff; always while pre-moderation is on; under quarantine, until something of
 * theirs has been let through (an approved challenge or pledge, or a comment or proposal that
 * is neither held nor hidden).
 */
export async function mustHold(user: Actor, settings: ReviewSettings) {
  if (mayPublishWithoutReview(user)) return false
  if (settings.preModeration) return true
  if (!settings.quarantineNewAccounts) return false
  const [challenge, pledge, comment, solution] = await Promise.all([
    db
      .selectFrom('challenges')
      .select('id')
      .where('author_id', '=', user.id)
      .where('status', 'not in', ['pending', 'rejected'])
      .executeTakeFirst(),
    db
      .selectFrom('pledges')
      .select('id')
      .where('user_id', '=', user.id)
      .where('held_at', 'is', null)
      .where('rejected_reason', 'is', null)
      // Withdrawing clears a hold without anyone approving it: a withdrawn pledge proves nothing.
      .where('status', '!=', 'withdrawn')
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
  return !challenge && !pledge && !comment && !solution
}

// The rule lives in the policy; re-exported for the challenge page and its actions until they
// import the policy (issue 11).
export { editsNeedReview } from '~/utils/policy'

const flatten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat
}

interface HeldRow {
  type: HeldType
  id: number
  challenge_id: number
  challenge_title: string
  author_name: string | null
  body_md: string
  /** An edit: the text that is public now, and a new title if the edit changes it. */
  before_md?: string
  new_title?: string | null
  held_at: string
}

/**
 * Held posts and edits, oldest first, with their text, author and challenge (and, for an edit,
 * the public text it would replace).
 */
export async function listHeldPosts(limit = 100, now = Date.now()) {
  const posts = (['comment', 'solution'] as const).map((type) =>
    db
      .selectFrom(`${POST_TABLE[type]} as p` as 'comments as p')
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
      .$if(type === 'comment', (qb) => qb.where('p.deleted_at', 'is', null))
      .orderBy('p.held_at')
      .limit(limit)
      .execute()
      .then((list) =>
        list.map((r): HeldRow => ({
          ...r,
          held_at: String(r.held_at),
          type,
        })),
      ),
  )
  const pledges = db
    .selectFrom('pledges as p')
    .innerJoin('challenges', 'challenges.id', 'p.challenge_id')
    .leftJoin('users', 'users.id', 'p.user_id')
    .leftJoin('organisations', 'organisations.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.plan as body_md',
      'p.held_at',
      'p.challenge_id',
      'challenges.title as challenge_title',
      'users.name as user_name',
      'organisations.name as organisation_name',
    ])
    .where('p.held_at', 'is not', null)
    .orderBy('p.held_at')
    .limit(limit)
    .execute()
    .then((list) =>
      list.map(({ user_name, organisation_name, ...r }): HeldRow => ({
        ...r,
        held_at: String(r.held_at),
        // "Anna Berg (Bageriet AB)": who pledged and for whom.
        author_name: organisation_name
          ? `${user_name ?? ''} (${organisation_name})`.trim()
          : user_name,
        type: 'pledge',
      })),
    )
  const challengeEdits = db
    .selectFrom('challenge_revisions as r')
    .innerJoin('challenges', 'challenges.id', 'r.challenge_id')
    .leftJoin('users', 'users.id', 'r.editor_id')
    .select([
      'r.id',
      'r.title as new_title',
      'r.description_md as body_md',
      'r.created_at as held_at',
      'r.challenge_id',
      'challenges.title as challenge_title',
      'challenges.description_md as before_md',
      'users.name as author_name',
    ])
    .where('r.review', '=', 'pending')
    .orderBy('r.created_at')
    .limit(limit)
    .execute()
    .then((list) =>
      list.map((r): HeldRow => ({
        ...r,
        new_title: r.new_title === r.challenge_title ? null : r.new_title,
        type: 'challenge_edit',
      })),
    )
  const solutionEdits = db
    .selectFrom('solution_revisions as r')
    .innerJoin('solutions', 'solutions.id', 'r.solution_id')
    .innerJoin('challenges', 'challenges.id', 'solutions.challenge_id')
    .leftJoin('users', 'users.id', 'r.editor_id')
    .select([
      'r.id',
      'r.body_md',
      'r.created_at as held_at',
      'solutions.challenge_id',
      'solutions.body_md as before_md',
      'challenges.title as challenge_title',
      'users.name as author_name',
    ])
    .where('r.review', '=', 'pending')
    .orderBy('r.created_at')
    .limit(limit)
    .execute()
    .then((list) => list.map((r): HeldRow => ({ ...r, type: 'solution_edit' })))
  const rows = await Promise.all([...posts, pledges, challengeEdits, solutionEdits])
  return rows
    .flat()
    .sort((a, b) => a.held_at.localeCompare(b.held_at))
    .slice(0, limit)
    .map(({ body_md, before_md, new_title, ...r }) => ({
      ...r,
      excerpt: flatten(body_md),
      before: before_md === undefined ? null : flatten(before_md),
      newTitle: new_title ?? null,
      days_waiting: Math.max(0, Math.floor((now - Date.parse(r.held_at)) / DAY)),
    }))
}

export async function countHeldPosts() {
  const count = (qb: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    qb.executeTakeFirstOrThrow().then((r) => Number(r.n))
  const counts = await Promise.all([
    ...(['comment', 'solution', 'pledge'] as const).map((type) =>
      count(
        db
          .selectFrom(POST_TABLE[type])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('held_at', 'is not', null)
          .$if(type === 'comment', (qb) => qb.where(sql.ref('deleted_at'), 'is', null)),
      ),
    ),
    ...(['challenge_revisions', 'solution_revisions'] as const).map((table) =>
      count(
        db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('review', '=', 'pending'),
      ),
    ),
  ])
  return counts.reduce((sum, n) => sum + n, 0)
}

type Decision = {
  subjectType: HeldType
  subjectId: number
  decision: 'approve' | 'reject'
  reason?: (typeof HIDE_REASONS)[number]
  siteUrl: string
  ip?: string | null
}
type Outcome = 'done' | 'decided' | 'not_found'

/**
 * A moderator lets a held post or edit through, or turns it down, in one transaction with its
 * audit row. Approved, a post is counted and its challenge's followers are told, as at posting
 * (a pledge also moves an open challenge to in progress); an edit becomes the public text.
 * Rejected, a comment or proposal is hidden with the reason (and may be appealed), a pledge is
 * withdrawn, an edit is set aside; each time its author is mailed why.
 */
export async function decideHeldPost(actor: Actor, input: Decision): Promise<Outcome> {
  return transaction(async (trx) => {
    switch (input.subjectType) {
      case 'pledge':
        // Decided once: two moderators at once, or the author withdrawing meanwhile, wait.
        await lockPost(trx, 'pledge', input.subjectId)
        return decidePledge(trx, actor, input)
      case 'challenge_edit':
      case 'solution_edit':
        return decideEdit(trx, actor, input)
      default:
        await lockPost(trx, input.subjectType, input.subjectId)
        return decidePost(trx, actor, input, input.subjectType)
    }
  })
}

async function decidePost(
  trx: Executor,
  actor: Actor,
  input: Decision,
  subjectType: 'comment' | 'solution',
): Promise<Outcome> {
  const table = POST_TABLE[subjectType]
  const post = await trx
    .selectFrom(`${table} as p` as 'comments as p')
    .innerJoin('challenges', 'challenges.id', 'p.challenge_id')
    .select(['p.id', 'p.author_id', 'p.held_at', 'p.challenge_id', 'challenges.title'])
    .where('p.id', '=', input.subjectId)
    .$if(subjectType === 'comment', (qb) => qb.where('p.deleted_at', 'is', null))
    .executeTakeFirst()
  if (!post) return 'not_found'
  if (!post.held_at) return 'decided'
  const now = new Date().toISOString()
  const approve = input.decision === 'approve'
  const reason = input.reason ?? 'other'
  await trx
    .updateTable(table)
    .set(approve ? { held_at: null } : { held_at: null, hidden_at: now, hidden_reason: reason })
    .where('id', '=', post.id)
    .execute()
  const authorId = post.author_id ?? 0
  if (subjectType === 'comment') {
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
  await recordDecision(trx, actor, input, {
    subjectType,
    subjectId: post.id,
    authorId: post.author_id,
    challengeId: post.challenge_id,
    title: post.title,
    rejected: { after: { held: false, hidden: true, reason }, mail: 'postHidden' },
  })
  return 'done'
}

/** The audit row of a decision on a held post and, when it was turned down, the author's mail. */
async function recordDecision(
  trx: Executor,
  actor: Actor,
  input: Decision,
  post: {
    subjectType: 'comment' | 'solution' | 'pledge'
    subjectId: number
    authorId: number | null
    challengeId: number
    title: string
    rejected: { after: Record<string, unknown>; mail: 'postHidden' | 'pledgeRejected' }
  },
) {
  const approve = input.decision === 'approve'
  const reason = input.reason ?? 'other'
  await recordAudit(trx, {
    actorId: actor.id,
    action: `${post.subjectType}.${input.decision}`,
    subjectType: post.subjectType,
    subjectId: post.subjectId,
    before: { held: true },
    after: approve ? { held: false } : post.rejected.after,
    reason: approve ? null : reason,
    ip: input.ip,
  })
  if (!approve)
    await tellAuthor(
      trx,
      post.authorId,
      { name: post.rejected.mail, reason, challengeId: post.challengeId, title: post.title },
      input.siteUrl,
    )
}

async function decidePledge(trx: Executor, actor: Actor, input: Decision): Promise<Outcome> {
  const pledge = await trx
    .selectFrom('pledges')
    .innerJoin('challenges', 'challenges.id', 'pledges.challenge_id')
    .select([
      'pledges.id',
      'pledges.user_id',
      'pledges.held_at',
      'pledges.challenge_id',
      'challenges.title',
    ])
    .where('pledges.id', '=', input.subjectId)
    .executeTakeFirst()
  if (!pledge) return 'not_found'
  if (!pledge.held_at) return 'decided'
  const approve = input.decision === 'approve'
  const reason = input.reason ?? 'other'
  if (approve) {
    await trx.updateTable('pledges').set({ held_at: null }).where('id', '=', pledge.id).execute()
    await countPledge(trx, {
      challengeId: pledge.challenge_id,
      pledgeId: pledge.id,
      userId: pledge.user_id ?? actor.id,
      notify: pledge.user_id !== null,
    })
  } else {
    // Withdrawn, so every list of pledges leaves it out; the reason tells its author's list why.
    await trx
      .updateTable('pledges')
      .set({
        held_at: null,
        status: 'withdrawn',
        withdrawn_at: new Date().toISOString(),
        rejected_reason: reason,
      })
      .where('id', '=', pledge.id)
      .execute()
  }
  await recordDecision(trx, actor, input, {
    subjectType: 'pledge',
    subjectId: pledge.id,
    authorId: pledge.user_id,
    challengeId: pledge.challenge_id,
    title: pledge.title,
    rejected: { after: { held: false, reason }, mail: 'pledgeRejected' },
  })
  return 'done'
}

/** A waiting edit as the decision needs it, and how to make it the public text. */
async function findPendingEdit(trx: Executor, subjectType: HeldType, revisionId: number) {
  if (subjectType === 'challenge_edit') {
    const r = await trx
      .selectFrom('challenge_revisions as r')
      .innerJoin('challenges', 'challenges.id', 'r.challenge_id')
      .select([
        'r.id',
        'r.editor_id',
        'r.review',
        'r.title',
        'r.description_md',
        'r.category_id',
        'r.area_id',
        'r.challenge_id',
        'challenges.title as challenge_title',
      ])
      .where('r.id', '=', revisionId)
      .executeTakeFirst()
    return (
      r && {
        ...r,
        table: 'challenge_revisions' as const,
        subjectType: 'challenge' as const,
        subjectId: r.challenge_id,
        apply: () =>
          applyChallengeText(trx, r.challenge_id, {
            title: r.title,
            description: r.description_md,
            categoryId: r.category_id,
            areaId: r.area_id,
          }),
      }
    )
  }
  const r = await trx
    .selectFrom('solution_revisions as r')
    .innerJoin('solutions', 'solutions.id', 'r.solution_id')
    .innerJoin('challenges', 'challenges.id', 'solutions.challenge_id')
    .select([
      'r.id',
      'r.editor_id',
      'r.review',
      'r.body_md',
      'r.solution_id',
      'challenges.id as challenge_id',
      'challenges.title as challenge_title',
    ])
    .where('r.id', '=', revisionId)
    .executeTakeFirst()
  return (
    r && {
      ...r,
      table: 'solution_revisions' as const,
      subjectType: 'solution' as const,
      subjectId: r.solution_id,
      apply: () => applySolutionText(trx, r.solution_id, r.body_md),
    }
  )
}

async function decideEdit(trx: Executor, actor: Actor, input: Decision): Promise<Outcome> {
  const approve = input.decision === 'approve'
  const reason = input.reason ?? 'other'
  const revision = await findPendingEdit(trx, input.subjectType, input.subjectId)
  if (!revision) return 'not_found'
  if (revision.review !== 'pending') return 'decided'
  // Decided by whoever takes it from pending: two moderators at once decide it once.
  const taken = await trx
    .updateTable(revision.table)
    .set({ review: approve ? null : 'rejected' })
    .where('id', '=', revision.id)
    .where('review', '=', 'pending')
    .executeTakeFirst()
  if (!Number(taken.numUpdatedRows)) return 'decided'
  if (approve) await revision.apply()
  const actions = {
    challenge: { approve: 'challenge.edit_approve', reject: 'challenge.edit_reject' },
    solution: { approve: 'solution.edit_approve', reject: 'solution.edit_reject' },
  } as const
  await recordAudit(trx, {
    actorId: actor.id,
    action: actions[revision.subjectType][input.decision],
    subjectType: revision.subjectType,
    subjectId: revision.subjectId,
    before: { revisionId: revision.id, review: 'pending' },
    after: approve ? { revisionId: revision.id } : { revisionId: revision.id, reason },
    reason: approve ? null : reason,
    ip: input.ip,
  })
  if (!approve)
    await tellAuthor(
      trx,
      revision.editor_id,
      {
        name: 'editRejected',
        reason,
        challengeId: revision.challenge_id,
        title: revision.challenge_title,
      },
      input.siteUrl,
    )
  return 'done'
}
