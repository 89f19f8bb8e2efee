import { db } from '~/db.server'
import { countOpenDisputes, listOpenDisputesOf } from '~/models/dispute.server'
import { QUEUE_SORTS, QUEUE_TABS } from '~/models/moderation-constants'

// One list of tabs and sorts, shared with the page (moderation-constants.ts).
export { QUEUE_SORTS, QUEUE_TABS }
export type QueueTab = (typeof QUEUE_TABS)[number]
export type QueueSort = (typeof QUEUE_SORTS)[number]

const ACTIVE = ['open', 'in_progress'] as const
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
      return qb.where('challenges.status', '=', 'pending')
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
        .where('challenges.status', 'in', [...ACTIVE])
        .where('challenges.department_id', 'is', null)
        .where('challenges.hidden_at', 'is', null)
    case 'overdue':
      return qb
        .where('challenges.status', 'in', [...ACTIVE])
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
          : qb.orderBy('challenges.created_at', 'asc')
  const rows = await qb.orderBy('challenges.id').limit(limit).execute()
  const ids = rows.map((r) => r.id)
  const [flags, appeals, disputes] = ids.length
    ? await Promise.all([
        db
          .selectFrom('flags')
          .select(['challenge_id', 'subject_type', 'subject_id', 'reason'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
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
      ])
    : [[], [], []]
  return rows.map((r) => {
    // Flags grouped per post, with each reason's count.
    const posts = new Map<
      string,
      { subjectType: string; subjectId: number; reasons: Record<string, number> }
    >()
    for (const f of flags.filter((f) => f.challenge_id === r.id)) {
      const key = `${f.subject_type}:${f.subject_id}`
      const post = posts.get(key) ?? {
        subjectType: f.subject_type,
        subjectId: f.subject_id,
        reasons: {},
      }
      post.reasons[f.reason] = Number(f.n)
      posts.set(key, post)
    }
    return {
      ...r,
      open_flags: Number(r.open_flags ?? 0),
      flaggedPosts: [...posts.values()],
      appeals: appeals.filter((a) => a.challenge_id === r.id),
      disputes: disputes.filter((d) => d.challenge_id === r.id),
    }
  })
}

/**
 * "Quarantine new accounts": until a moderator has approved one of their challenges, a new
 * account's posts wait in the pending queue.
 */
export async function isInQuarantine(userId: number): Promise<boolean> {
  const approved = await db
    .selectFrom('challenges')
    .select('id')
    .where('author_id', '=', userId)
    .where('status', 'not in', ['pending', 'rejected'])
    .executeTakeFirst()
  return !approved
}
