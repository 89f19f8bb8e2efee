import { db } from '~/db.server'
import { getOwnDispute } from '~/models/dispute.server'
import { PUBLIC_STATUSES } from '~/models/challenge-constants'
import { matchAny, searchChallengeIds } from '~/models/search.server'
import { photosOfPage } from '~/models/photo.server'
import { progressUpdatesOf } from '~/models/pledge.server'
import { maySeeChallenge, type Actor } from '~/utils/policy'

/**
 * Everything the challenge page shows, or undefined when the viewer may not see it (unknown,
 * hidden, or pending/rejected and not theirs). Hidden solutions and comments are left out.
 */
export async function getChallengePage(id: number, viewer: Actor | null) {
  const challenge = await db
    .selectFrom('challenges')
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .leftJoin('users as author', 'author.id', 'challenges.author_id')
    .leftJoin('organisations', 'organisations.id', 'challenges.organisation_id')
    .leftJoin('organisations as department', 'department.id', 'challenges.department_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.description_html',
      'challenges.summary',
      'challenges.status',
      'challenges.closed_reason',
      'challenges.poster_kind',
      'challenges.author_id',
      'challenges.organisation_id',
      'challenges.vote_count',
      'challenges.follower_count',
      'challenges.hidden_at',
      'challenges.hidden_reason',
      'challenges.merged_into_id',
      'challenges.department_id',
      'challenges.first_response_at',
      'challenges.edited_at',
      'challenges.solved_at',
      'challenges.withdrawn_at',
      'challenges.created_at',
      'challenges.place_text',
      'challenges.lat',
      'challenges.lng',
      'categories.slug as category_slug',
      'categories.name_sv as category_sv',
      'categories.name_en as category_en',
      'areas.slug as area_slug',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
      'author.name as author_name',
      'organisations.name as organisation_name',
      'organisations.slug as organisation_slug',
      'organisations.kind as organisation_kind',
      'department.name as department_name',
      'department.slug as department_slug',
    ])
    .where('challenges.id', '=', id)
    .executeTakeFirst()
  if (!challenge) return undefined
  // The one visibility policy: hidden, pending, rejected and withdrawn ones only for their
  // author and moderators.
  if (!maySeeChallenge(viewer, challenge)) return undefined

  const [history, solutions, pledges, updates, comments, solvers, viewerState, responses] =
    await Promise.all([
      db
        .selectFrom('challenge_status_history')
        .leftJoin('users', 'users.id', 'challenge_status_history.actor_id')
        .select([
          'challenge_status_history.id',
          'challenge_status_history.from_status',
          'challenge_status_history.to_status',
          'challenge_status_history.message',
          'challenge_status_history.created_at',
        ])
        .where('challenge_id', '=', id)
        .orderBy('challenge_status_history.id')
        .execute(),
      db
        .selectFrom('solutions')
        .leftJoin('users', 'users.id', 'solutions.author_id')
        .leftJoin('organisations', 'organisations.id', 'solutions.organisation_id')
        .select([
          'solutions.id',
          'solutions.body_html',
          'solutions.author_id',
          'solutions.organisation_id',
          'solutions.vote_count',
          'solutions.accepted_at',
          'solutions.hidden_at',
          'solutions.hidden_reason',
          'solutions.held_at',
          'solutions.edited_at',
          'solutions.created_at',
          'users.name as author_name',
          'organisations.name as organisation_name',
          'organisations.slug as organisation_slug',
        ])
        .where('solutions.challenge_id', '=', id)
        // Hidden solutions stay visible to their author, with the reason and a way to appeal;
        // held ones (quarantine) with what happens next. Others never receive them.
        .where((eb) => {
          const visible = eb.and([
            eb('solutions.hidden_at', 'is', null),
            eb('solutions.held_at', 'is', null),
          ])
          return viewer ? eb.or([visible, eb('solutions.author_id', '=', viewer.id)]) : visible
        })
        // Accepted first, then by votes.
        .orderBy((eb) =>
          eb.case().when('solutions.accepted_at', 'is not', null).then(0).else(1).end(),
        )
        .orderBy('solutions.vote_count', 'desc')
        .orderBy('solutions.id')
        .execute(),
      db
        .selectFrom('pledges')
        .leftJoin('users', 'users.id', 'pledges.user_id')
        .leftJoin('organisations', 'organisations.id', 'pledges.organisation_id')
        .select([
          'pledges.id',
          'pledges.plan_html',
          'pledges.status',
          'pledges.user_id',
          'pledges.organisation_id',
          'pledges.held_at',
          'pledges.created_at',
          'users.name as user_name',
          'organisations.name as organisation_name',
          'organisations.slug as organisation_slug',
        ])
        .where('pledges.challenge_id', '=', id)
        .where('pledges.status', '!=', 'withdrawn')
        // A held pledge (pre-moderation) only for the one who made it.
        .where((eb) =>
          viewer
            ? eb.or([eb('pledges.held_at', 'is', null), eb('pledges.user_id', '=', viewer.id)])
            : eb('pledges.held_at', 'is', null),
        )
        .orderBy('pledges.id')
        .execute(),
      progressUpdatesOf(id).execute(),
      db
        .selectFrom('comments')
        .leftJoin('users', 'users.id', 'comments.author_id')
        .select([
          'comments.id',
          'comments.solution_id',
          'comments.parent_id',
          'comments.author_id',
          'comments.body_html',
          'comments.body_md',
          'comments.deleted_at',
          'comments.hidden_at',
          'comments.hidden_reason',
          'comments.held_at',
          'comments.edited_at',
          'comments.created_at',
          'users.name as author_name',
        ])
        .where('comments.challenge_id', '=', id)
        .orderBy('comments.id')
        .execute(),
      db
        .selectFrom('challenge_solvers')
        .leftJoin('organisations', 'organisations.id', 'challenge_solvers.organisation_id')
        .leftJoin('users', 'users.id', 'challenge_solvers.user_id')
        .select([
          'challenge_solvers.solution_id',
          'organisations.name as organisation_name',
          'organisations.slug as organisation_slug',
          'users.name as user_name',
        ])
        .where('challenge_solvers.challenge_id', '=', id)
        .execute(),
      viewer ? getViewerState(id, viewer.id) : null,
      db
        .selectFrom('official_responses')
        .leftJoin('organisations', 'organisations.id', 'official_responses.organisation_id')
        .select([
          'official_responses.id',
          'official_responses.body_html',
          'official_responses.created_at',
          'organisations.name as organisation_name',
        ])
        .where('official_responses.challenge_id', '=', id)
        .orderBy('official_responses.id')
        .execute(),
    ])

  // The viewer's dispute of "solved" (once per challenge) and the moderator's decision on it.
  const dispute = viewer ? ((await getOwnDispute(id, viewer.id)) ?? null) : null
  // Edits of the viewer's own proposals that wait for a moderator (pre-moderation): the page
  // tells them; nobody else learns of an edit before it is approved.
  const ownSolutionIds = viewer
    ? solutions.filter((s) => s.author_id === viewer.id).map((s) => s.id)
    : []
  const pendingEdits = ownSolutionIds.length
    ? await db
        .selectFrom('solution_revisions')
        .select(['solution_id', (eb) => eb.fn.max('created_at').as('since')])
        .where('solution_id', 'in', ownSolutionIds)
        .where('review', '=', 'pending')
        .groupBy('solution_id')
        .execute()
    : []
  const editWaiting = new Map(pendingEdits.map((e) => [e.solution_id, String(e.since)]))
  const photos = await photosOfPage(
    id,
    solutions.map((s) => s.id),
    updates.map((u) => u.id),
    viewer,
  )

  return {
    challenge,
    history,
    photos: photos.challenge,
    solutions: solutions.map((s) => ({
      ...s,
      pending_edit_at: editWaiting.get(s.id) ?? null,
      photos: photos.bySolution.get(s.id) ?? [],
    })),
    pledges: pledges.map((p) => ({
      ...p,
      updates: updates
        .filter((u) => u.pledge_id === p.id)
        .map((u) => ({ ...u, photos: photos.byUpdate.get(u.id) ?? [] })),
    })),
    comments: pageComments(comments, viewer, new Set(solutions.map((s) => s.id))),
    solvers,
    responses,
    appeals: viewer ? await listOwnAppeals(id, viewer.id) : [],
    viewer: viewerState,
    dispute,
    canDispute:
      viewer !== null &&
      dispute === null &&
      challenge.status === 'solved' &&
      challenge.hidden_at === null &&
      challenge.merged_into_id === null,
  }
}

type CommentRow = {
  id: number
  solution_id: number | null
  parent_id: number | null
  author_id: number | null
  body_html: string
  body_md: string
  deleted_at: string | null
  hidden_at: string | null
  hidden_reason: string | null
  held_at: string | null
  author_name: string | null
}

/**
 * The comments as this viewer may see them. Others never receive a hidden comment's text or
 * author: it is left out, or kept as an empty "removed" placeholder when replies hang under it.
 * Its author sees their own text with the reason (and may appeal). Comments under a solution
 * the viewer cannot see are left out with it.
 */
function pageComments<C extends CommentRow>(
  comments: C[],
  viewer: Actor | null,
  visibleSolutions: Set<number>,
) {
  const own = (c: C) => viewer !== null && c.author_id === viewer.id
  const shown = comments.filter(
    (c) => c.solution_id === null || visibleSolutions.has(c.solution_id),
  )
  const hasReplies = new Set(shown.map((c) => c.parent_id).filter((id) => id !== null))
  // Held comments (quarantine) are kept from others like hidden ones.
  const concealed = (c: C) => Boolean(c.hidden_at || c.held_at)
  return shown
    .filter((c) => !concealed(c) || c.deleted_at || own(c) || hasReplies.has(c.id))
    .map((c) => {
      const ownHeld = Boolean(c.held_at && !c.hidden_at && !c.deleted_at && own(c))
      const removed = Boolean(c.deleted_at || (concealed(c) && !ownHeld))
      const ownHidden = Boolean(c.hidden_at && !c.deleted_at && own(c))
      return {
        ...c,
        ownHidden,
        ownHeld,
        held_at: ownHeld ? c.held_at : null,
        hidden_at: ownHidden ? c.hidden_at : null,
        hidden_reason: ownHidden ? c.hidden_reason : null,
        // A removed comment keeps its place, not its author; a hidden one stays its author's.
        author_id: removed && !ownHidden ? null : c.author_id,
        author_name: removed && !ownHidden ? null : c.author_name,
        body_html: removed && !ownHidden ? '' : c.body_html,
        // Only its author gets the Markdown back, to edit it.
        body_md: !removed && own(c) ? c.body_md : null,
        removed,
      }
    })
}

async function listOwnAppeals(challengeId: number, userId: number) {
  return db
    .selectFrom('appeals')
    .select(['subject_type', 'subject_id', 'status'])
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', userId)
    .execute()
}

async function getViewerState(challengeId: number, userId: number) {
  const [vote, follow, solutionVotes] = await Promise.all([
    db
      .selectFrom('challenge_votes')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('follows')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('solution_votes')
      .innerJoin('solutions', 'solutions.id', 'solution_votes.solution_id')
      .select('solution_votes.solution_id')
      .where('solutions.challenge_id', '=', challengeId)
      .where('solution_votes.user_id', '=', userId)
      .execute(),
  ])
  return {
    voted: Boolean(vote),
    following: Boolean(follow),
    solutionVotes: solutionVotes.map((v) => v.solution_id),
  }
}

/** Up to five public challenges that look like the text being typed (FTS ranking). */
export async function findSimilarChallenges(
  text: string,
  viewerId: number | null = null,
  limit = 5,
) {
  const match = matchAny(text)
  if (!match) return []
  const ids = await searchChallengeIds(match, limit * 3)
  if (!ids.length) return []
  // Whether the one asking wrote, voted for or follows each: the list offers only what applies.
  // The author's id itself never leaves the server.
  const viewer = viewerId ?? 0
  const rows = await db
    .selectFrom('challenges')
    .select((eb) => [
      'id',
      'title',
      'status',
      'vote_count',
      'author_id',
      eb
        .exists(
          eb
            .selectFrom('challenge_votes')
            .select('user_id')
            .whereRef('challenge_votes.challenge_id', '=', 'challenges.id')
            .where('challenge_votes.user_id', '=', viewer),
        )
        .as('voted'),
      eb
        .exists(
          eb
            .selectFrom('follows')
            .select('user_id')
            .whereRef('follows.challenge_id', '=', 'challenges.id')
            .where('follows.user_id', '=', viewer),
        )
        .as('following'),
    ])
    .where('id', 'in', ids)
    .where('hidden_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .where('status', 'in', [...PUBLIC_STATUSES])
    .execute()
  const byId = new Map(
    rows.map(({ author_id, voted, following, ...r }) => [
      r.id,
      {
        ...r,
        // SQLite answers exists() with 0/1.
        own: viewerId !== null && author_id === viewerId,
        voted: Boolean(voted),
        following: Boolean(following),
      },
    ]),
  )
  return ids.flatMap((id) => byId.get(id) ?? []).slice(0, limit)
}
