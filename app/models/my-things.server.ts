import type { AppealStatus, ChallengeStatus, FlagSubject, PledgeStatus } from '#db/schema'
import { db } from '~/db.server'
import { actingOrganisationIds } from '~/models/policy.server'
import { summarise } from '~/services/markdown.server'
import { maySeeChallenge, type Actor } from '~/utils/policy'

// "My things" (issue 9, item 8): what a signed-in person posted, follows, took on through an
// organisation, and asked the moderators to decide. Every query starts from the person's own
// rows (author, follower, member, flagger, appellant, disputer); other people's challenges are
// named only when the person may see them, so a hidden or pending challenge of someone else
// shows up as a placeholder, never by its title.

/** Rows per page of each list: a person may follow hundreds of challenges. */
export const MY_PAGE_SIZE = 20
/**
 * Appeals (one per hidden post of the person) and disputes (one per challenge) stay short: they
 * are shown newest first up to this many instead of being paged, beside the paged flags.
 */
export const MY_DECISIONS_CAP = 100

export type DecisionState = 'open' | 'upheld' | 'rejected'

interface ChallengeColumns {
  challenge_id: number
  title: string
  status: ChallengeStatus
  author_id: number | null
  hidden_at: string | null
}

/**
 * A challenge as the person may see it: its id (their own row points at it, so they can act on
 * that row, e.g. unfollow), and its title and status only when the challenge is visible to them.
 */
export interface ChallengeRef {
  id: number
  title: string | null
  status: ChallengeStatus | null
}

function challengeRef(row: ChallengeColumns, viewer: Actor): ChallengeRef {
  const visible = maySeeChallenge(viewer, {
    author_id: row.author_id,
    hidden_at: row.hidden_at,
    status: row.status,
  })
  return {
    id: row.challenge_id,
    title: visible ? row.title : null,
    status: visible ? row.status : null,
  }
}

const CHALLENGE_COLUMNS = [
  'challenges.id as challenge_id',
  'challenges.title',
  'challenges.status',
  'challenges.author_id',
  'challenges.hidden_at',
] as const

/** 1-based page → offset; the page number is validated by the route (1…1000). */
const offset = (page: number) => (page - 1) * MY_PAGE_SIZE

const count = (rows: { n: number | string | bigint }) => Number(rows.n)

/**
 * The latest thing written on each challenge: an edit or status change (updated_at), a history
 * entry, a visible comment or solution, a pledge, a progress update, an official response.
 * Votes and follows are tallies, not activity anyone reads, so they do not count. Computed for
 * one page of ids at a time, each from an index on challenge_id.
 */
async function lastActivity(
  challenges: Array<{ challenge_id: number; updated_at: string }>,
): Promise<Map<number, string>> {
  const latest = new Map(challenges.map((c) => [c.challenge_id, c.updated_at]))
  const ids = [...latest.keys()]
  if (ids.length === 0) return latest
  const [comments, solutions, history, pledges, progress, responses] = await Promise.all([
    db
      .selectFrom('comments')
      .select((eb) => ['challenge_id', eb.fn.max('created_at').as('at')])
      .where('challenge_id', 'in', ids)
      .where('hidden_at', 'is', null)
      .where('held_at', 'is', null)
      .where('deleted_at', 'is', null)
      .groupBy('challenge_id')
      .execute(),
    db
      .selectFrom('solutions')
      .select((eb) => ['challenge_id', eb.fn.max('created_at').as('at')])
      .where('challenge_id', 'in', ids)
      .where('hidden_at', 'is', null)
      .where('held_at', 'is', null)
      .groupBy('challenge_id')
      .execute(),
    db
      .selectFrom('challenge_status_history')
      .select((eb) => ['challenge_id', eb.fn.max('created_at').as('at')])
      .where('challenge_id', 'in', ids)
      .groupBy('challenge_id')
      .execute(),
    db
      .selectFrom('pledges')
      .select((eb) => ['challenge_id', eb.fn.max('created_at').as('at')])
      .where('challenge_id', 'in', ids)
      .where('held_at', 'is', null)
      .groupBy('challenge_id')
      .execute(),
    db
      .selectFrom('pledge_updates')
      .innerJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id')
      .select((eb) => ['pledges.challenge_id', eb.fn.max('pledge_updates.created_at').as('at')])
      .where('pledges.challenge_id', 'in', ids)
      .groupBy('pledges.challenge_id')
      .execute(),
    db
      .selectFrom('official_responses')
      .select((eb) => ['challenge_id', eb.fn.max('created_at').as('at')])
      .where('challenge_id', 'in', ids)
      .groupBy('challenge_id')
      .execute(),
  ])
  for (const row of [
    ...comments,
    ...solutions,
    ...history,
    ...pledges,
    ...progress,
    ...responses,
  ]) {
    const at = row.at as string | null
    const current = latest.get(row.challenge_id)
    // ISO 8601 UTC text compares in time order.
    if (at && (!current || at > current)) latest.set(row.challenge_id, at)
  }
  return latest
}

/** The person's own challenges, newest first, hidden, pending, rejected and merged ones too. */
export async function listMyChallenges(viewer: Actor, page: number) {
  const [total, rows] = await Promise.all([
    db
      .selectFrom('challenges')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('author_id', '=', viewer.id)
      .executeTakeFirstOrThrow()
      .then(count),
    db
      .selectFrom('challenges')
      .select([
        'id as challenge_id',
        'title',
        'status',
        'hidden_at',
        'hidden_reason',
        'merged_into_id',
        'withdrawn_at',
        'vote_count',
        'follower_count',
        'comment_count',
        'solution_count',
        'created_at',
        'updated_at',
      ])
      .where('author_id', '=', viewer.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(MY_PAGE_SIZE)
      .offset(offset(page))
      .execute(),
  ])
  const activity = await lastActivity(rows)
  return {
    total,
    items: rows.map((r) => ({
      id: r.challenge_id,
      title: r.title,
      status: r.status,
      hidden: r.hidden_at !== null,
      hiddenReason: r.hidden_reason,
      mergedIntoId: r.merged_into_id,
      /** Withdrawn before it was ever public: it stays theirs alone. */
      withdrawnAt: r.withdrawn_at,
      votes: r.vote_count,
      followers: r.follower_count,
      comments: r.comment_count,
      solutions: r.solution_count,
      createdAt: r.created_at,
      lastActivityAt: activity.get(r.challenge_id) ?? r.updated_at,
    })),
  }
}

/** The challenges the person follows, most recently followed first. */
export async function listMyFollows(viewer: Actor, page: number) {
  const [total, rows] = await Promise.all([
    db
      .selectFrom('follows')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', viewer.id)
      .executeTakeFirstOrThrow()
      .then(count),
    db
      .selectFrom('follows')
      .innerJoin('challenges', 'challenges.id', 'follows.challenge_id')
      .select([
        ...CHALLENGE_COLUMNS,
        'challenges.merged_into_id',
        'challenges.vote_count',
        'challenges.follower_count',
        'challenges.updated_at',
        'follows.created_at as followed_at',
      ])
      .where('follows.user_id', '=', viewer.id)
      .orderBy('follows.created_at', 'desc')
      .orderBy('follows.challenge_id', 'desc')
      .limit(MY_PAGE_SIZE)
      .offset(offset(page))
      .execute(),
  ])
  const activity = await lastActivity(rows)
  return {
    total,
    items: rows.map((r) => {
      const challenge = challengeRef(r, viewer)
      const visible = challenge.title !== null
      return {
        challenge,
        mergedIntoId: visible ? r.merged_into_id : null,
        votes: visible ? r.vote_count : null,
        followers: visible ? r.follower_count : null,
        followedAt: r.followed_at,
        lastActivityAt: visible ? (activity.get(r.challenge_id) ?? r.updated_at) : null,
      }
    }),
  }
}

/**
 * Pledges the person made themselves and those of every organisation they are an active member
 * of (whoever in it pledged), newest first, with the latest progress update of each.
 */
export async function listMyPledges(viewer: Actor, page: number) {
  const organisationIds = await actingOrganisationIds(viewer.id)
  const mine = db.selectFrom('pledges').where((eb) =>
    eb.or([
      eb('pledges.user_id', '=', viewer.id),
      // A colleague's pledge held for review (pre-moderation) is not the organisation's yet.
      ...(organisationIds.length
        ? [
            eb.and([
              eb('pledges.organisation_id', 'in', organisationIds),
              eb('pledges.held_at', 'is', null),
            ]),
          ]
        : []),
    ]),
  )
  const [total, rows] = await Promise.all([
    mine
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
      .then(count),
    mine
      .innerJoin('challenges', 'challenges.id', 'pledges.challenge_id')
      .leftJoin('organisations', 'organisations.id', 'pledges.organisation_id')
      .select([
        ...CHALLENGE_COLUMNS,
        'pledges.id',
        'pledges.user_id',
        'pledges.status as pledge_status',
        'pledges.created_at',
        'pledges.withdrawn_at',
        'pledges.held_at',
        'pledges.rejected_reason',
        'organisations.name as organisation_name',
        'organisations.slug as organisation_slug',
      ])
      .orderBy('pledges.created_at', 'desc')
      .orderBy('pledges.id', 'desc')
      .limit(MY_PAGE_SIZE)
      .offset(offset(page))
      .execute(),
  ])
  const ids = rows.map((r) => r.id)
  const updates = ids.length
    ? await db
        .selectFrom('pledge_updates as pu')
        .select(['pu.pledge_id', 'pu.body_html', 'pu.created_at'])
        .where('pu.pledge_id', 'in', ids)
        .where('pu.id', '=', (eb) =>
          eb
            .selectFrom('pledge_updates as latest')
            .select((e) => e.fn.max('latest.id').as('id'))
            .whereRef('latest.pledge_id', '=', 'pu.pledge_id'),
        )
        .execute()
    : []
  const latest = new Map(updates.map((u) => [u.pledge_id, u]))
  return {
    total,
    items: rows.map((r) => {
      const update = latest.get(r.id)
      const challenge = challengeRef(r, viewer)
      return {
        id: r.id,
        challenge,
        // A pledge without an organisation is a person's own: listed here only when it is theirs.
        organisation: r.organisation_name
          ? { name: r.organisation_name, slug: r.organisation_slug! }
          : null,
        byMe: r.user_id === viewer.id,
        status: r.pledge_status as PledgeStatus,
        createdAt: r.created_at,
        withdrawnAt: r.withdrawn_at,
        // Pre-moderation: waiting for a moderator, or turned down (and why). Only ever the
        // person's own: a colleague's held pledge is not listed.
        held: r.held_at !== null,
        rejectedReason: r.rejected_reason,
        // Progress is part of the public challenge page: shown only while that page is visible.
        lastProgress: update
          ? {
              at: update.created_at,
              text: challenge.title !== null ? summarise(update.body_html, 160) : null,
            }
          : null,
      }
    }),
  }
}

/**
 * A flag's state in the same words as appeals and disputes: a flag that led to hiding the post
 * was upheld; one a moderator closed without hiding was rejected. (Stored resolutions: 'hidden',
 * 'dismissed'; 'upheld' is read as upheld too.)
 */
export function flagState(flag: {
  resolved_at: string | null
  resolution: string | null
}): DecisionState {
  if (flag.resolved_at === null) return 'open'
  return flag.resolution === 'hidden' || flag.resolution === 'upheld' ? 'upheld' : 'rejected'
}

/**
 * The person's own flags (paged), appeals and disputes (newest first, capped), with their state
 * and the moderator's note to them where one exists. Never: who decided, other people's flags,
 * internal notes.
 */
export async function listMyReports(viewer: Actor, page: number) {
  const [flagTotal, flags, appealTotal, appeals, disputeTotal, disputes] = await Promise.all([
    db
      .selectFrom('flags')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', viewer.id)
      .executeTakeFirstOrThrow()
      .then(count),
    db
      .selectFrom('flags')
      .innerJoin('challenges', 'challenges.id', 'flags.challenge_id')
      .select([
        ...CHALLENGE_COLUMNS,
        'flags.id',
        'flags.subject_type',
        'flags.subject_id',
        'flags.reason',
        'flags.note',
        'flags.resolved_at',
        'flags.resolution',
        'flags.created_at',
      ])
      .where('flags.user_id', '=', viewer.id)
      .orderBy('flags.created_at', 'desc')
      .orderBy('flags.id', 'desc')
      .limit(MY_PAGE_SIZE)
      .offset(offset(page))
      .execute(),
    db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', viewer.id)
      .executeTakeFirstOrThrow()
      .then(count),
    db
      .selectFrom('appeals')
      .innerJoin('challenges', 'challenges.id', 'appeals.challenge_id')
      .select([
        ...CHALLENGE_COLUMNS,
        'appeals.id',
        'appeals.subject_type',
        'appeals.subject_id',
        'appeals.body',
        'appeals.status as decision',
        'appeals.decided_at',
        'appeals.decision_note',
        'appeals.created_at',
      ])
      .where('appeals.user_id', '=', viewer.id)
      .orderBy('appeals.created_at', 'desc')
      .orderBy('appeals.id', 'desc')
      .limit(MY_DECISIONS_CAP)
      .execute(),
    db
      .selectFrom('disputes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', viewer.id)
      .executeTakeFirstOrThrow()
      .then(count),
    db
      .selectFrom('disputes')
      .innerJoin('challenges', 'challenges.id', 'disputes.challenge_id')
      .select([
        ...CHALLENGE_COLUMNS,
        'disputes.id',
        'disputes.body',
        'disputes.status as decision',
        'disputes.decided_at',
        'disputes.decision_note',
        'disputes.created_at',
      ])
      .where('disputes.user_id', '=', viewer.id)
      .orderBy('disputes.created_at', 'desc')
      .orderBy('disputes.id', 'desc')
      .limit(MY_DECISIONS_CAP)
      .execute(),
  ])
  return {
    flags: {
      total: flagTotal,
      items: flags.map((f) => ({
        id: f.id,
        subjectType: f.subject_type as FlagSubject,
        subjectId: f.subject_id,
        challenge: challengeRef(f, viewer),
        reason: f.reason,
        note: f.note,
        state: flagState(f),
        createdAt: f.created_at,
        decidedAt: f.resolved_at,
      })),
    },
    appeals: {
      total: appealTotal,
      items: appeals.map((a) => ({
        id: a.id,
        subjectType: a.subject_type as FlagSubject,
        subjectId: a.subject_id,
        challenge: challengeRef(a, viewer),
        body: a.body,
        state: a.decision as AppealStatus,
        createdAt: a.created_at,
        decidedAt: a.decided_at,
        note: a.decision_note,
      })),
    },
    disputes: {
      total: disputeTotal,
      items: disputes.map((d) => ({
        id: d.id,
        challenge: challengeRef(d, viewer),
        body: d.body,
        state: d.decision as AppealStatus,
        createdAt: d.created_at,
        decidedAt: d.decided_at,
        note: d.decision_note,
      })),
    },
  }
}

/** How many of each the person has, for the links on /me. */
export async function countMyThings(viewer: Actor) {
  const organisationIds = await actingOrganisationIds(viewer.id)
  const n = (q: Promise<{ n: number | string | bigint }>) => q.then(count)
  const [challenges, following, pledges, openFlags, openAppeals, openDisputes] = await Promise.all([
    n(
      db
        .selectFrom('challenges')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('author_id', '=', viewer.id)
        .executeTakeFirstOrThrow(),
    ),
    n(
      db
        .selectFrom('follows')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', viewer.id)
        .executeTakeFirstOrThrow(),
    ),
    n(
      db
        .selectFrom('pledges')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) =>
          eb.or([
            eb('user_id', '=', viewer.id),
            ...(organisationIds.length ? [eb('organisation_id', 'in', organisationIds)] : []),
          ]),
        )
        .executeTakeFirstOrThrow(),
    ),
    n(
      db
        .selectFrom('flags')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', viewer.id)
        .where('resolved_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ),
    n(
      db
        .selectFrom('appeals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', viewer.id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow(),
    ),
    n(
      db
        .selectFrom('disputes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', viewer.id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow(),
    ),
  ])
  return { challenges, following, pledges, waiting: openFlags + openAppeals + openDisputes }
}
