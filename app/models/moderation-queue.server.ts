import { sql, type ExpressionBuilder } from 'kysely'
import type { Database } from '#db/schema'
import { db } from '~/db.server'
import { ACTIVE_STATUSES } from '~/models/challenge-constants'
import { countOpenDisputes, listOpenDisputesOf } from '~/models/dispute.server'
import { countHeldPosts } from '~/models/held-posts.server'
import { QUEUE_SORTS, QUEUE_TABS } from '~/models/moderation-constants'
import { POST_TABLE } from '~/models/post-kinds.server'

// One list of tabs and sorts, shared with the page (moderation-constants.ts).
export { QUEUE_SORTS, QUEUE_TABS }
export type QueueTab = (typeof QUEUE_TABS)[number]
export type QueueSort = (typeof QUEUE_SORTS)[number]

const DAY = 24 * 60 * 60 * 1000

export interface QueueFilter {
  sort: QueueSort
  categoryId?: number
  areaId?: number
  departmentId?: number
}

function tabQuery(tab: QueueTab, slaDays: number, now = new Date()) {
  let qb = db.selectFrom('challenges').where('challenges.merged_into_id', 'is', null)
  switch (tab) {
    case 'pending':
      // Withdrawn by its author before publication: nobody waits for a decision on it.
      return qb
        .where('challenges.status', '=', 'pending')
        .where('challenges.withdrawn_at', 'is', null)
    case 'flagged':
      return qb.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('flags')
              .select('flags.id')
              .whereRef('flags.challenge_id', '=', 'challenges.id')
              .where('flags.resolved_at', 'is', null),
          ),
        ]),
      )
    case 'unrouted':
      return qb
        .where('challenges.status', 'in', [...ACTIVE_STATUSES])
        .where('challenges.department_id', 'is', null)
        .where('challenges.hidden_at', 'is', null)
    case 'overdue':
      return qb
        .where('challenges.status', 'in', [...ACTIVE_STATUSES])
        .where('challenges.first_response_at', 'is', null)
        .where('challenges.hidden_at', 'is', null)
        .where('challenges.created_at', '<', new Date(now.getTime() - slaDays * DAY).toISOString())
    case 'appeals':
      return qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('appeals')
            .select('appeals.id')
            .whereRef('appeals.challenge_id', '=', 'challenges.id')
            .where('appeals.status', '=', 'open'),
        ),
      )
    case 'disputes':
      return qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('disputes')
            .select('disputes.id')
            .whereRef('disputes.challenge_id', '=', 'challenges.id')
            .where('disputes.status', '=', 'open'),
        ),
      )
    default:
      qb = qb.where('challenges.updated_at', '>', new Date(now.getTime() - 7 * DAY).toISOString())
      return qb
  }
}

export async function queueCounts(slaDays: number) {
  const counts = await Promise.all(
    QUEUE_TABS.map((tab) =>
      // The disputes tab counts disputes (several residents may dispute one challenge).
      tab === 'disputes'
        ? countOpenDisputes().then((n) => [tab, n] as const)
        : tab === 'pending'
          ? // Pending challenges, and the posts and edits held for review.
            Promise.all([
              tabQuery(tab, slaDays)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow(),
              countHeldPosts(),
            ]).then(([r, held]) => [tab, Number(r.n) + held] as const)
          : tabQuery(tab, slaDays)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
              .then((r) => [tab, Number(r.n)] as const),
    ),
  )
  return Object.fromEntries(counts) as Record<QueueTab, number>
}

/** One tab of the moderation queue: challenges with their open flags and appeals. */
export async function listQueue(tab: QueueTab, filter: QueueFilter, slaDays: number, limit = 100) {
  let qb = tabQuery(tab, slaDays)
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .leftJoin('organisations as department', 'department.id', 'challenges.department_id')
    .select((eb) => [
      'challenges.id',
      'challenges.title',
      'challenges.status',
      'challenges.priority',
      'challenges.vote_count',
      'challenges.hidden_at',
      'challenges.hidden_reason',
      'challenges.created_at',
      'challenges.updated_at',
      'challenges.version',
      'categories.name_sv as category_sv',
      'categories.name_en as category_en',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
      'department.name as department_name',
      eb
        .selectFrom('flags')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('flags.challenge_id', '=', 'challenges.id')
        .where('flags.resolved_at', 'is', null)
        .as('open_flags'),
    ])
    .select((eb) => waitingSince(eb, tab).as('waiting_since'))
    .select((eb) => awaitingDecision(eb).as('awaiting_decision'))
  if (filter.categoryId) qb = qb.where('challenges.category_id', '=', filter.categoryId)
  if (filter.areaId) qb = qb.where('challenges.area_id', '=', filter.areaId)
  if (filter.departmentId) qb = qb.where('challenges.department_id', '=', filter.departmentId)
  qb =
    filter.sort === 'votes'
      ? qb.orderBy('challenges.vote_count', 'desc')
      : filter.sort === 'flags'
        ? qb.orderBy('open_flags', 'desc')
        : tab === 'recent'
          ? qb.orderBy('challenges.updated_at', 'desc')
          : filter.sort === 'newest' && tab === 'flagged'
            ? // Posts that flags hid by themselves wait for a decision first, then the newest flags.
              qb.orderBy('awaiting_decision', 'desc').orderBy((eb) => newestOpenFlag(eb), 'desc')
            : filter.sort === 'newest'
              ? qb.orderBy('challenges.created_at', 'desc')
              : qb.orderBy('challenges.created_at', 'asc')
  const rows = await qb.orderBy('challenges.id').limit(limit).execute()
  const ids = rows.map((r) => r.id)
  const [flags, appeals, disputes, texts] = ids.length
    ? await Promise.all([
        db
          .selectFrom('flags')
          .select(['challenge_id', 'subject_type', 'subject_id', 'reason'])
          .select((eb) => [
            eb.fn.countAll<number>().as('n'),
            eb.fn.max('created_at').as('newest'),
            eb.fn.max('escalated_at').as('escalated'),
          ])
          .where('challenge_id', 'in', ids)
          .where('resolved_at', 'is', null)
          .groupBy(['challenge_id', 'subject_type', 'subject_id', 'reason'])
          .execute(),
        db
          .selectFrom('appeals')
          .leftJoin('users', 'users.id', 'appeals.user_id')
          .select([
            'appeals.id',
            'appeals.challenge_id',
            'appeals.subject_type',
            'appeals.subject_id',
            'appeals.body',
            'users.name as user_name',
          ])
          .where('appeals.challenge_id', 'in', ids)
          .where('appeals.status', '=', 'open')
          .execute(),
        listOpenDisputesOf(ids),
        tab === 'flagged' ? flaggedTexts(ids) : [],
      ])
    : [[], [], [], []]
  const now = Date.now()
  return rows.map((r) => {
    // Flags grouped per post, with each reason's count.
    const posts = new Map<string, FlaggedPost>()
    for (const f of flags.filter((f) => f.challenge_id === r.id)) {
      const key = `${f.subject_type}:${f.subject_id}`
      const text = texts.find((x) => x.subject_type === f.subject_type && x.id === f.subject_id)
      const post = posts.get(key) ?? {
        subjectType: f.subject_type,
        subjectId: f.subject_id,
        reasons: {},
        newest: '',
        excerpt: text ? excerpt(text.body) : null,
        author: text?.author_name ?? null,
        hidden: Boolean(text?.hidden_at),
        awaitingDecision: text?.hidden_reason === 'auto_flags',
        escalated: false,
      }
      post.reasons[f.reason] = Number(f.n)
      if (String(f.newest) > post.newest) post.newest = String(f.newest)
      if (f.escalated && !post.hidden) post.escalated = true
      posts.set(key, post)
    }
    return {
      ...r,
      open_flags: Number(r.open_flags ?? 0),
      awaiting_decision: Boolean(r.awaiting_decision),
      // Whole days since the thing this tab is about began to wait (none on "recent").
      days_waiting: r.waiting_since
        ? Math.max(0, Math.floor((now - Date.parse(String(r.waiting_since))) / DAY))
        : null,
      // Posts waiting for a decision first, then the newest flags.
      flaggedPosts: [...posts.values()].sort(
        (a, b) =>
          Number(b.awaitingDecision || b.escalated) - Number(a.awaitingDecision || a.escalated) ||
          b.newest.localeCompare(a.newest),
      ),
      appeals: appeals.filter((a) => a.challenge_id === r.id),
      disputes: disputes.filter((d) => d.challenge_id === r.id),
    }
  })
}

interface FlaggedPost {
  subjectType: string
  subjectId: number
  reasons: Record<string, number>
  /** When the newest open flag on it was made. */
  newest: string
  /** The flagged text itself, as plain text (the page escapes it). */
  excerpt: string | null
  author: string | null
  hidden: boolean
  /** Hidden by flags alone: a moderator confirms or restores it. */
  awaitingDecision: boolean
  /**
   * Flagged enough to be hidden, but posted for a municipal department or a verified
   * organisation (or by staff), so it stays visible until a moderator decides.
   */
  escalated: boolean
}

const EXCERPT = 300

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat
}

type QueueEb = ExpressionBuilder<Database, 'challenges'>

const openFlagsOn = (eb: QueueEb, subjectType: string, subjectId: 'challenges.id' | 'p.id') =>
  eb.exists(
    eb
      .selectFrom('flags as f')
      .select('f.id')
      .where('f.subject_type', '=', subjectType as 'comment')
      .whereRef('f.subject_id', '=', subjectId as 'challenges.id')
      .where('f.resolved_at', 'is', null),
  )

/**
 * 1 when the challenge or one of its posts was hidden by flags alone, or flagged enough to be
 * but protected from it (escalated flags), and still waits for a moderator.
 */
function awaitingDecision(eb: QueueEb) {
  const post = (table: 'comments' | 'solutions', type: string) =>
    eb.exists(
      eb
        .selectFrom(`${table} as p` as 'comments as p')
        .select('p.id')
        .whereRef('p.challenge_id', '=', 'challenges.id')
        .where('p.hidden_reason', '=', 'auto_flags')
        .where((inner) => openFlagsOn(inner as unknown as QueueEb, type, 'p.id')),
    )
  return eb
    .case()
    .when(
      eb.or([
        eb.and([
          eb('challenges.hidden_reason', '=', 'auto_flags'),
          openFlagsOn(eb, 'challenge', 'challenges.id'),
        ]),
        post('comments', 'comment'),
        post('solutions', 'solution'),
        // A photo (on the challenge, a solution or an update): its flags carry the challenge.
        eb.exists(
          eb
            .selectFrom('flags as pf')
            .innerJoin('photos', 'photos.id', 'pf.subject_id')
            .select('pf.id')
            .whereRef('pf.challenge_id', '=', 'challenges.id')
            .where('pf.subject_type', '=', 'photo')
            .where('pf.resolved_at', 'is', null)
            .where('photos.hidden_reason', '=', 'auto_flags'),
        ),
        eb.exists(
          eb
            .selectFrom('flags as e')
            .select('e.id')
            .whereRef('e.challenge_id', '=', 'challenges.id')
            .where('e.resolved_at', 'is', null)
            .where('e.escalated_at', 'is not', null),
        ),
      ]),
    )
    .then(1)
    .else(0)
    .end()
}

const newestOpenFlag = (eb: QueueEb) =>
  eb
    .selectFrom('flags')
    .select((f) => f.fn.max('flags.created_at').as('t'))
    .whereRef('flags.challenge_id', '=', 'challenges.id')
    .where('flags.resolved_at', 'is', null)

/** When what a tab is about began to wait: posting, the oldest open flag, appeal or dispute. */
function waitingSince(eb: QueueEb, tab: QueueTab) {
  switch (tab) {
    case 'flagged':
      return eb
        .selectFrom('flags')
        .select((f) => f.fn.min('flags.created_at').as('t'))
        .whereRef('flags.challenge_id', '=', 'challenges.id')
        .where('flags.resolved_at', 'is', null)
        .$castTo<string | null>()
    case 'appeals':
      return eb
        .selectFrom('appeals')
        .select((f) => f.fn.min('appeals.created_at').as('t'))
        .whereRef('appeals.challenge_id', '=', 'challenges.id')
        .where('appeals.status', '=', 'open')
        .$castTo<string | null>()
    case 'disputes':
      return eb
        .selectFrom('disputes')
        .select((f) => f.fn.min('disputes.created_at').as('t'))
        .whereRef('disputes.challenge_id', '=', 'challenges.id')
        .where('disputes.status', '=', 'open')
        .$castTo<string | null>()
    case 'recent':
      return sql<string | null>`null`
    default:
      return sql<string | null>`${sql.ref('challenges.created_at')}`
  }
}

/** The text of each flagged post on these challenges, with its author and hidden state. */
async function flaggedTexts(challengeIds: number[]) {
  const [challenges, photos, solutions, comments] = await Promise.all([
    db
      .selectFrom('challenges')
      .leftJoin('users', 'users.id', 'challenges.author_id')
      .select([
        'challenges.id',
        sql<string>`challenges.title || ' – ' || challenges.summary`.as('body'),
        'challenges.hidden_at',
        'challenges.hidden_reason',
        'users.name as author_name',
      ])
      .where('challenges.id', 'in', challengeIds)
      .execute(),
    // A photo is shown by its alternative text.
    db
      .selectFrom('flags')
      .innerJoin('photos', 'photos.id', 'flags.subject_id')
      .leftJoin('users', 'users.id', 'photos.user_id')
      .select([
        'photos.id',
        'photos.alt_text as body',
        'photos.hidden_at',
        'photos.hidden_reason',
        'users.name as author_name',
      ])
      .distinct()
      .where('flags.challenge_id', 'in', challengeIds)
      .where('flags.subject_type', '=', 'photo')
      .where('flags.resolved_at', 'is', null)
      .execute(),
    ...(['solution', 'comment'] as const).map((type) =>
      db
        .selectFrom(`${POST_TABLE[type]} as p` as 'comments as p')
        .leftJoin('users', 'users.id', 'p.author_id')
        .select([
          'p.id',
          'p.body_md as body',
          'p.hidden_at',
          'p.hidden_reason',
          'users.name as author_name',
        ])
        .where('p.challenge_id', 'in', challengeIds)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('flags')
              .select('flags.id')
              .where('flags.subject_type', '=', type)
              .whereRef('flags.subject_id', '=', 'p.id')
              .where('flags.resolved_at', 'is', null),
          ),
        )
        .execute(),
    ),
  ])
  return [
    ...challenges.map((r) => ({ ...r, subject_type: 'challenge' })),
    ...photos.map((r) => ({ ...r, subject_type: 'photo' })),
    ...solutions!.map((r) => ({ ...r, subject_type: 'solution' })),
    ...comments!.map((r) => ({ ...r, subject_type: 'comment' })),
  ]
}
