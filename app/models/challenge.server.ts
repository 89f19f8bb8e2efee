import { attachDrafts, PhotosGone, type AttachedPhoto } from '~/models/photo.server'
import { sql, type SelectQueryBuilder } from 'kysely'
import type { ChallengeStatus, Database, PosterKind } from '#db/schema'
import { db, transaction, type Executor } from '~/db.server'
import type { SORTS } from '~/models/challenge-constants'
import { canWithdraw, isPublicStatus, PUBLIC_STATUSES } from '~/models/challenge-constants'
import { recordAudit } from '~/models/audit.server'
import { selectCard } from '~/models/challenge-card.server'
import { notifyFollowers } from '~/models/notification.server'
import { creditSolvers } from '~/models/solvers.server'
import { challengeIdsMatching, indexChallenge, matchAll } from '~/models/search.server'
import { TRENDING_STATUSES } from '~/models/trending.server'
import { renderMarkdown, summarise } from '~/services/markdown.server'
import { forUpdate } from '~/models/dialect.server'
import { saveRevision } from '~/models/revisions.server'
import { fetchPage } from '~/models/paging.server'

export const PAGE_SIZE = 20
/** Pages beyond this are not offered: deep OFFSETs get slow, and search narrows better. */
export const MAX_PAGE = 50
export type Sort = (typeof SORTS)[number]

export interface BoardQuery {
  q?: string
  categoryId?: number
  areaId?: number
  status?: (typeof PUBLIC_STATUSES)[number]
  by?: PosterKind
  /** Only challenges that can trend (the trending sort): not closed, so never merged. */
  trending?: boolean
  sort: Sort
  page: number
}

/**
 * The board's filters. Hidden, pending and rejected challenges and duplicates merged into
 * another challenge are never part of the public board; null when nothing can match. Shared by
 * the board, the home page, the open-data API and the feed.
 */
export function boardBase(query: Omit<BoardQuery, 'sort' | 'page'>) {
  let qb = db
    .selectFrom('challenges')
    .where('challenges.hidden_at', 'is', null)
    .where('challenges.merged_into_id', 'is', null)
  // With a status chosen, its index helps. Without one, the public-status test is wrapped in
  // coalesce() so the planner cannot pick the status index and then sort the whole table
  // (measured: 200 ms instead of 0.03 ms per page at 100,000 challenges). The trending sort
  // always wraps it: its own index must drive (status=open&sort=trending took 270 ms otherwise).
  if (query.trending) {
    const statuses = TRENDING_STATUSES.filter((s) => !query.status || s === query.status)
    if (!statuses.length) return null // closed challenges never trend
    qb = qb.where(sql<string>`coalesce(challenges.status, '')`, 'in', statuses)
  } else {
    qb = query.status
      ? qb.where('challenges.status', '=', query.status)
      : qb.where(sql<string>`coalesce(challenges.status, '')`, 'in', [...PUBLIC_STATUSES])
  }
  if (query.categoryId) qb = qb.where('challenges.category_id', '=', query.categoryId)
  if (query.areaId) qb = qb.where('challenges.area_id', '=', query.areaId)
  if (query.by) qb = qb.where('challenges.poster_kind', '=', query.by)
  const match = query.q ? matchAll(query.q) : null
  if (query.q && !match) return null // only punctuation: nothing can match
  if (match) {
    qb = qb.where('challenges.id', 'in', challengeIdsMatching(match))
  }
  return qb
}

/**
 * The board's sort orders; "unsolved" also narrows to open challenges. "trending" is the
 * activity of the last two weeks (see trending.server.ts), then the latest activity, so a new
 * post nobody has acted on comes after every challenge people are acting on.
 */
export function orderBoard<QB extends SelectQueryBuilder<Database, 'challenges', object>>(
  qb: QB,
  sort: Sort,
): QB {
  switch (sort) {
    case 'top':
      return qb.orderBy('challenges.vote_count', 'desc').orderBy('challenges.id', 'desc') as QB
    case 'trending':
      return qb
        .orderBy('challenges.hot', 'desc')
        .orderBy('challenges.last_activity_at', (ob) => ob.desc().nullsLast())
        .orderBy('challenges.id', 'desc') as QB
    case 'unsolved':
      return qb
        .where('challenges.status', '=', 'open')
        .orderBy('challenges.created_at', 'asc')
        .orderBy('challenges.id', 'asc') as QB
    default:
      return qb.orderBy('challenges.created_at', 'desc').orderBy('challenges.id', 'desc') as QB
  }
}

/** One page of the board: cards plus whether a next page exists (no COUNT per request). */
export async function listChallenges(query: BoardQuery) {
  const base = boardBase({ ...query, trending: query.sort === 'trending' })
  if (!base) return { items: [], hasNext: false }
  let qb = selectCard(base)
  qb = orderBoard(qb, query.sort)
  const page = Math.min(Math.max(query.page, 1), MAX_PAGE)
  return fetchPage(qb, { page, size: PAGE_SIZE, maxPage: MAX_PAGE })
}

/** The home page's "popular now": only challenges with activity in the window, most first. */
export async function listTrending(limit: number) {
  const { items } = await listChallenges({ sort: 'trending', page: 1 })
  return items.filter((item) => item.hot > 0).slice(0, limit)
}

/** The number of challenges on the board matching a filter (the API's total). */
export async function countChallenges(query: Omit<BoardQuery, 'sort' | 'page'>) {
  const base = boardBase(query)
  if (!base) return 0
  const row = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface ChallengeInput {
  title: string
  description: string
  categoryId: number
  areaId: number
}

/** The columns a challenge's text sets, its HTML and summary rendered from the Markdown. */
function textColumns(input: ChallengeInput) {
  const html = renderMarkdown(input.description)
  return {
    title: input.title,
    description_md: input.description,
    description_html: html,
    summary: summarise(html),
    category_id: input.categoryId,
    area_id: input.areaId,
  }
}

/** The place of a new challenge: words and coordinates (already rounded and checked). */
export interface PlaceInput {
  placeText: string | null
  lat: number | null
  lng: number | null
}

async function posterKind(executor: Executor, organisationId: number | null): Promise<PosterKind> {
  if (!organisationId) return 'resident'
  const org = await executor
    .selectFrom('organisations')
    .select('kind')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return org.kind
}

/**
 * A challenge the same author posted with the same title in the last minute: a form sent
 * twice (double click, reload after POST) gives one challenge, not two.
 */
export async function findRecentDuplicate(authorId: number, title: string) {
  const row = await db
    .selectFrom('challenges')
    .select('id')
    .where('author_id', '=', authorId)
    .where('title', '=', title)
    .where('created_at', '>', new Date(Date.now() - 60_000).toISOString())
    .executeTakeFirst()
  return row?.id ?? null
}

export async function createChallenge(
  input: ChallengeInput &
    Partial<PlaceInput> & {
      authorId: number
      organisationId: number | null
      status: ChallengeStatus
      /** The author's photo drafts, in order, with their texts. */
      photos?: readonly AttachedPhoto[]
    },
): Promise<number> {
  const text = textColumns(input)
  return transaction(async (trx) => {
    const now = new Date().toISOString()
    const { id } = await trx
      .insertInto('challenges')
      .values({
        ...text,
        author_id: input.authorId,
        organisation_id: input.organisationId,
        poster_kind: await posterKind(trx, input.organisationId),
        status: input.status,
        closed_reason: null,
        place_text: input.placeText ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        follower_count: 1,
        hidden_at: null,
        hidden_reason: null,
        edited_at: null,
        solved_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('challenge_revisions')
      .values({
        challenge_id: id,
        editor_id: input.authorId,
        title: input.title,
        description_md: input.description,
        category_id: input.categoryId,
        area_id: input.areaId,
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('challenge_status_history')
      .values({
        challenge_id: id,
        actor_id: input.authorId,
        from_status: null,
        to_status: input.status,
        message: null,
        created_at: now,
      })
      .execute()
    // Posting follows automatically.
    await trx.insertInto('follows').values({ challenge_id: id, user_id: input.authorId }).execute()
    if (input.photos?.length) {
      const attached = await attachDrafts(trx, input.authorId, input.photos, { challengeId: id })
      if (!attached) throw new PhotosGone()
    }
    await indexChallenge(trx, id)
    return id
  })
}

/**
 * Saves a new revision; every earlier one stays in challenge_revisions. With `review` (an edit
 * of a published challenge by its author while pre-moderation is on) the revision waits for a
 * moderator and the approved text stays public. An earlier edit still waiting is superseded by
 * a reviewed edit, and by `replacesPending` (the author's form started from it); a moderator's
 * own edit leaves it waiting for a decision.
 */
export async function updateChallenge(
  id: number,
  input: ChallengeInput & { editorId: number; review?: boolean; replacesPending?: boolean },
): Promise<'applied' | 'pending'> {
  return transaction((trx) =>
    saveRevision(
      trx,
      'challenge',
      id,
      input,
      {
        title: input.title,
        description_md: input.description,
        category_id: input.categoryId,
        area_id: input.areaId,
      },
      (now) => applyChallengeText(trx, id, input, now),
    ),
  )
}

/** Makes a text the challenge's public one (an edit, or an approved revision), and reindexes it. */
export async function applyChallengeText(
  trx: Executor,
  id: number,
  input: ChallengeInput,
  now = new Date().toISOString(),
) {
  await trx
    .updateTable('challenges')
    .set({
      ...textColumns(input),
      edited_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
  await indexChallenge(trx, id)
}

/** The edit of a published challenge that waits for a moderator, if one does. */
export async function getPendingRevision(challengeId: number) {
  return db
    .selectFrom('challenge_revisions')
    .select(['id', 'title', 'description_md', 'category_id', 'area_id', 'created_at'])
    .where('challenge_id', '=', challengeId)
    .where('review', '=', 'pending')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

/**
 * Moves a challenge to a new status, records it in the history and tells the followers.
 * Entering "solved" credits the chosen solvers — or, when nobody chose (a moderator's triage),
 * the preselected ones: pledgers who reported progress or marked their pledge done, and the
 * authors of accepted solutions (see creditSolvers). Leaving it removes that credit and
 * answers open disputes. Runs inside the caller's transaction.
 */
export async function setChallengeStatus(
  trx: Executor,
  input: {
    challengeId: number
    to: ChallengeStatus
    actorId: number
    message?: string | null
    closedReason?: string | null
    /** False when the caller tells the followers in its own words (a merge). */
    notify?: boolean
    /** Entering "solved": the solve form's choice of candidate keys ("org:12", "user:7"). */
    solvers?: readonly string[]
  },
) {
  // Callers lock the challenge first; locking here too costs nothing more (same statement).
  const current = await forUpdate(
    trx.selectFrom('challenges').select('status').where('id', '=', input.challengeId),
  ).executeTakeFirstOrThrow()
  if (current.status === input.to) return
  const now = new Date().toISOString()
  await trx
    .updateTable('challenges')
    .set({
      status: input.to,
      updated_at: now,
      // Leaving "solved" or "closed" drops the date and reason that belonged to that state.
      solved_at: input.to === 'solved' ? now : null,
      // Solved again later: asked "is it fixed?" again, counted from the new date.
      ...(input.to === 'solved' ? { fixed_asked_at: null } : {}),
      closed_reason: input.to === 'closed' ? (input.closedReason ?? null) : null,
    })
    .where('id', '=', input.challengeId)
    .execute()
  if (input.to === 'solved') {
    await creditSolvers(trx, input.challengeId, input.solvers)
  } else if (current.status === 'solved') {
    // No longer solved: nobody is credited. Reopening answers the open disputes of "solved";
    // closing or rejecting leaves them for a moderator to answer with a note.
    await trx
      .deleteFrom('challenge_solvers')
      .where('challenge_id', '=', input.challengeId)
      .execute()
    if (input.to === 'open' || input.to === 'in_progress') {
      await trx
        .updateTable('disputes')
        .set({ status: 'upheld', decided_by: input.actorId, decided_at: now })
        .where('challenge_id', '=', input.challengeId)
        .where('status', '=', 'open')
        .execute()
    }
  }
  await trx
    .insertInto('challenge_status_history')
    .values({
      challenge_id: input.challengeId,
      actor_id: input.actorId,
      from_status: current.status,
      to_status: input.to,
      message: input.message ?? input.closedReason ?? null,
      created_at: now,
    })
    .execute()
  if (input.notify === false) return
  await notifyFollowers(trx, {
    challengeId: input.challengeId,
    actorId: input.actorId,
    kind: 'status',
    payload: { from: current.status, to: input.to, message: input.message ?? null },
    author: true,
  })
}

/**
 * The owner (or a moderator) withdraws a challenge, as `WITHDRAWABLE` says; audited in the same
 * transaction. 'closed' when it was public, 'withdrawn' when it never was, 'refused' otherwise.
 */
export async function withdrawChallenge(
  id: number,
  actorId: number,
  ip: string | null = null,
): Promise<'closed' | 'withdrawn' | 'refused'> {
  return transaction(async (trx) => {
    const current = await forUpdate(
      trx
        .selectFrom('challenges')
        .select(['status', 'withdrawn_at', 'merged_into_id'])
        .where('id', '=', id),
    ).executeTakeFirst()
    if (!current || !canWithdraw(current)) return 'refused'
    const published = isPublicStatus(current.status)
    if (published) {
      await setChallengeStatus(trx, {
        challengeId: id,
        to: 'closed',
        actorId,
        closedReason: 'withdrawn',
      })
    } else {
      // No status change and no history entry: nothing about it was ever public, and nobody
      // but its author follows it.
      const now = new Date().toISOString()
      await trx
        .updateTable('challenges')
        .set({ withdrawn_at: now, updated_at: now })
        .where('id', '=', id)
        .execute()
    }
    await recordAudit(trx, {
      actorId,
      action: 'challenge.withdraw',
      subjectType: 'challenge',
      subjectId: id,
      before: { status: current.status },
      after: published ? { status: 'closed' } : { status: current.status, withdrawn: true },
      ip,
    })
    return published ? 'closed' : 'withdrawn'
  })
}

/**
 * Owner/moderator marks a challenge solved, crediting the solvers chosen in the solve form
 * (candidate keys, checked against the candidates by the caller), or the preselected ones when
 * no choice is given. Credit is decided before the remaining active pledges are completed, so
 * completing them does not preselect anyone.
 */
export async function markSolved(
  challengeId: number,
  actorId: number,
  options: { solvers?: readonly string[]; ip?: string | null } = {},
) {
  const input = { challengeId, actorId, ...options }
  await transaction(async (trx) => {
    // setChallengeStatus locks the challenge before it reads the status (the credits follow).
    await setChallengeStatus(trx, {
      challengeId: input.challengeId,
      to: 'solved',
      actorId: input.actorId,
      solvers: input.solvers,
    })
    await trx
      .updateTable('pledges')
      .set({ status: 'completed' })
      .where('challenge_id', '=', input.challengeId)
      .where('status', '=', 'active')
      // A held pledge still waits for a moderator; it is not completed unseen.
      .where('held_at', 'is', null)
      .execute()
    const credited = await trx
      .selectFrom('challenge_solvers')
      .select(['organisation_id', 'user_id', 'pledge_id', 'solution_id'])
      .where('challenge_id', '=', input.challengeId)
      .orderBy('id')
      .execute()
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'challenge.solve',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      after: { status: 'solved', solvers: credited },
      ip: input.ip,
    })
  })
}

/** The challenge row as its owner and moderators may see it; undefined for an unknown id. */
export async function getChallenge(id: number) {
  return db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listRevisions(challengeId: number) {
  return db
    .selectFrom('challenge_revisions')
    .leftJoin('users', 'users.id', 'challenge_revisions.editor_id')
    .select([
      'challenge_revisions.id',
      'challenge_revisions.title',
      'challenge_revisions.review',
      'challenge_revisions.created_at',
      'users.name as editor_name',
    ])
    .where('challenge_id', '=', challengeId)
    .orderBy('challenge_revisions.id', 'asc')
    .execute()
}
