import { json, redirect } from '@remix-run/node'
import {
  CommentSchema,
  EditCommentSchema,
  FlagSchema,
  PledgeSchema,
  ProgressSchema,
  SolutionSchema,
  TargetSchema,
  AppealSchema,
  OfficialResponseSchema,
  parseId,
} from '~/forms/challenge'
import { DisputeSchema } from '~/forms/dispute'
import { ButtonSchema } from '~/forms/fields'
import { FixedAnswerSchema, SolveSchema } from '~/forms/solve'
import { getChallenge, markSolved } from '~/models/challenge.server'
import { isActiveStatus, isOnPublicBoard } from '~/models/challenge-constants'
import {
  addComment,
  CommentRefused,
  deleteComment,
  editComment,
  getComment,
} from '~/models/comment.server'
import { fileDispute, getOwnDispute } from '~/models/dispute.server'
import { answerFixed, defaultDisputeBody } from '~/models/fixed-question.server'
import { autoHideIfFlagged, flagPost } from '~/models/flag.server'
import { mustHold } from '~/models/held-posts.server'
import { publicPhotoChallenge } from '~/models/photo-moderation.server'
import { flagIntentKey } from '~/models/flag-reasons'
import { appeal } from '~/models/appeals.server'
import { postOfficialResponse } from '~/models/official-response.server'
import { getSettings } from '~/models/settings.server'
import { publicUrl } from '~/env.server'
import { setFollow } from '~/models/follow.server'
import { allows, loadActor } from '~/models/policy.server'
import {
  DuplicatePledge,
  getPledge,
  markPledgeDone,
  pledge,
  postProgress,
  withdrawPledge,
} from '~/models/pledge.server'
import { acceptSolution, getSolution, proposeSolution } from '~/models/solution.server'
import { getSolverCandidates, strangers } from '~/models/solvers.server'
import { setChallengeVote, setSolutionVote, VoteRefused } from '~/models/vote.server'
import type { SessionUser } from '~/models/user.server'
import { consume, withRateLimits, type LimitName } from '~/services/rate-limit.server'
import { defineIntents, dispatchIntent } from '~/utils/intents.server'
import { PhotosGone } from '~/models/photo.server'
import {
  hasPhotoErrors,
  onlyUploading,
  photoReply,
  type PhotoForm,
} from '~/services/photo-form.server'
import {
  commentEditRefusal,
  mayAcceptSolution,
  mayActFor,
  mayDeleteComment,
  mayDispute,
  mayManagePledge,
  mayRespondOfficially,
  maySeeChallenge,
  maySolve,
} from '~/utils/policy'
import { badRequest, conflict, forbidden, notFound } from '~/utils/responses.server'

type Challenge = NonNullable<Awaited<ReturnType<typeof getChallenge>>>
interface Context {
  user: SessionUser
  challenge: Challenge
  /** The client's address, for the audit log. */
  ip: string | null
  /** The photos a proposal or progress update carried (a multipart form), or null. */
  photos: PhotoForm | null
}

/** The intents whose forms take photos. */
export const PHOTO_INTENTS = new Set(['solution', 'progress'])

/**
 * The photos to attach, or the reply that sends them back: on an error (a file refused, an
 * alternative text missing: 400 or 413) and on "Upload photos" without JavaScript (200).
 */
function photosToPost(c: Context, refuse: (options: object, status?: number) => Response) {
  const form = c.photos
  if (!form) return { photos: [] }
  if (hasPhotoErrors(form.errors)) return { reply: refuse({}, form.status === 413 ? 413 : 400) }
  if (onlyUploading(form.fields)) return { reply: refuse({}, 200) }
  return {
    photos: form.photos.map((p) => ({ key: p.key, alt: p.alt, caption: p.caption || null })),
  }
}

const back = (c: Context, anchor = '') => redirect(`/challenges/${c.challenge.id}${anchor}`)
/**
 * Back to the new post, saying it was saved: the page reads `posted` (with or without
 * JavaScript) and shows a confirmation beside the post the anchor scrolls to.
 */
const posted = (c: Context, what: string, anchor = what) =>
  redirect(`/challenges/${c.challenge.id}?posted=${what}#${anchor}`)

const limited = (c: Context, name: LimitName) =>
  withRateLimits({ action: name, userId: c.user.id }, () => consume(name, String(c.user.id)))

/**
 * Only its author and moderators see a challenge off the public board; they may still edit,
 * appeal, respond or tidy up (unvote, unfollow, delete a comment), but not act among the public.
 */
const publicOnly = (c: Context) => {
  if (!isOnPublicBoard(c.challenge)) throw forbidden()
}
const notSolved = () => conflict('not solved')

/**
 * Pre-moderation (everyone but staff) and quarantine (new accounts) hold comments, proposals
 * and pledges for a moderator.
 */
const held = async (c: Context) => mustHold(c.user, await getSettings())

async function requireOrganisation(c: Context, organisationId: number | undefined) {
  if (organisationId && !(await allows(c.user, mayActFor, organisationId))) return false
  return true
}

/** A button naming a post by `targetId`: nobody types it, so a bad one is a post not found. */
const target = { schema: TargetSchema, whenInvalid: notFound }

/**
 * A vote or follow button and its undo: the same run either way, but only on a public challenge
 * may one start (taking it back stays possible off the board).
 */
function voteIntent(vote: boolean) {
  return {
    schema: ButtonSchema,
    guard: vote ? publicOnly : undefined,
    async run({ ctx: c }: { ctx: Context }) {
      await limited(c, 'vote')
      await setChallengeVote({ userId: c.user.id, challengeId: c.challenge.id, vote })
      return back(c)
    },
  }
}

function followIntent(follow: boolean) {
  return {
    schema: ButtonSchema,
    guard: follow ? publicOnly : undefined,
    async run({ ctx: c }: { ctx: Context }) {
      await setFollow(c.challenge.id, c.user.id, follow)
      return back(c)
    },
  }
}

export const challengeIntents = defineIntents<Context>()({
  vote: voteIntent(true),
  unvote: voteIntent(false),
  follow: followIntent(true),
  unfollow: followIntent(false),
  flag: {
    schema: FlagSchema,
    guard: publicOnly,
    // Keyed by the post, so only that post's form opens with the errors.
    key: (form) => flagIntentKey(String(form.get('subjectType')), String(form.get('subjectId'))),
    async run({ ctx: c, value }) {
      const { subjectType, subjectId, reason, note } = value
      const post =
        subjectType === 'solution'
          ? await getSolution(subjectId)
          : subjectType === 'comment'
            ? await getComment(subjectId)
            : null
      // A held post is for moderators to decide already: others cannot see it to flag it. A
      // photo must be one everyone sees on this challenge.
      const belongs =
        subjectType === 'challenge'
          ? subjectId === c.challenge.id
          : subjectType === 'photo'
            ? (await publicPhotoChallenge(subjectId)) === c.challenge.id
            : post?.challenge_id === c.challenge.id && post.held_at === null
      if (!belongs) throw notFound()
      await limited(c, 'flag')
      await flagPost({
        subjectType,
        subjectId,
        challengeId: c.challenge.id,
        userId: c.user.id,
        reason,
        note: note || null,
        ip: c.ip,
      })
      const { autoHideThreshold } = await getSettings()
      const outcome = await autoHideIfFlagged({
        subjectType,
        subjectId,
        threshold: autoHideThreshold,
        siteUrl: publicUrl().origin,
      })
      const hidden = outcome === 'hidden'
      // The flag that hid the challenge itself leaves the flagger nothing to go back to: thank
      // them on a page of its own instead of sending them to a 404.
      const { challenge } = c
      if (
        hidden &&
        subjectType === 'challenge' &&
        !maySeeChallenge(c.user, { ...challenge, hidden_at: 'now' })
      )
        return redirect('/flagged')
      return redirect(`/challenges/${challenge.id}?flagged=${hidden ? 'hidden' : '1'}`)
    },
  },
  comment: {
    schema: CommentSchema,
    guard: publicOnly,
    async run({ ctx: c, value }) {
      await limited(c, 'comment')
      try {
        const id = await addComment({
          challengeId: c.challenge.id,
          authorId: c.user.id,
          body: value.body,
          parentId: value.parentId ?? null,
          solutionId: value.solutionId ?? null,
          held: await held(c),
        })
        return posted(c, `comment-${id}`)
      } catch (error) {
        if (error instanceof CommentRefused) throw notFound()
        throw error
      }
    },
  },
  'edit-comment': {
    schema: EditCommentSchema,
    async run({ ctx: c, value, refuse }) {
      const comment = await getComment(value.commentId)
      if (!comment || comment.challenge_id !== c.challenge.id) throw notFound()
      // Under pre-moderation a published comment is not rewritten unseen; comments keep no
      // revisions to review, so its author deletes it and writes a new one (which is reviewed).
      // The edit window is the model's to enforce (it answers `expired` below).
      const refusal = commentEditRefusal(c.user, comment, await getSettings())
      if (refusal === 'forbidden') throw forbidden()
      if (refusal === 'reviewed') return refuse({ formErrors: ['challenge.commentEditReviewed'] })
      try {
        await editComment({ commentId: comment.id, body: value.body })
      } catch (error) {
        if (error instanceof CommentRefused && error.reason === 'expired')
          return refuse({ formErrors: ['challenge.editWindowOver'] })
        throw error
      }
      return back(c, `#comment-${comment.id}`)
    },
  },
  'delete-comment': {
    ...target,
    async run({ ctx: c, value }) {
      const comment = await getComment(value.targetId)
      if (!comment || comment.challenge_id !== c.challenge.id) throw notFound()
      if (!mayDeleteComment(c.user, comment)) throw forbidden()
      await deleteComment(comment.id)
      return back(c, `#comment-${comment.id}`)
    },
  },
  solution: {
    schema: SolutionSchema,
    guard: publicOnly,
    async run({ ctx: c, value, refuse }) {
      if (!(await requireOrganisation(c, value.organisationId)))
        return refuse({ fieldErrors: { organisationId: ['errors.notMember'] } })
      if (!isActiveStatus(c.challenge.status)) throw forbidden()
      const { photos, reply } = photosToPost(c, refuse)
      if (reply) return reply
      await limited(c, 'post')
      const id = await proposeSolution({
        challengeId: c.challenge.id,
        authorId: c.user.id,
        organisationId: value.organisationId ?? null,
        body: value.body,
        held: await held(c),
        photos,
      })
      return posted(c, `solution-${id}`)
    },
  },
  'vote-solution': {
    ...target,
    guard: publicOnly,
    run: ({ ctx, value }) => voteSolution(ctx, value.targetId, true),
  },
  'unvote-solution': {
    ...target,
    run: ({ ctx, value }) => voteSolution(ctx, value.targetId, false),
  },
  accept: {
    ...target,
    guard: publicOnly,
    run: ({ ctx, value }) => accept(ctx, value.targetId, true),
  },
  unaccept: {
    ...target,
    guard: publicOnly,
    run: ({ ctx, value }) => accept(ctx, value.targetId, false),
  },
  solve: {
    schema: SolveSchema,
    async guard(c) {
      publicOnly(c)
      if (!(await allows(c.user, maySolve, c.challenge))) throw forbidden()
    },
    async run({ ctx: c, value, refuse }) {
      const { chosen, solvers } = value
      // Only those who pledged or proposed an accepted solution can be credited.
      if (strangers(await getSolverCandidates(c.challenge.id), solvers).length)
        return refuse({ fieldErrors: { solvers: ['challenge.solve.notCandidate'] } })
      await markSolved(c.challenge.id, c.user.id, {
        // Not from the form (no `chosen`): the default credit, as on the triage page.
        solvers: chosen ? solvers : undefined,
        ip: c.ip,
      })
      return back(c)
    },
  },
  'pledge-done': {
    ...target,
    async run({ ctx: c, value }) {
      const found = await getPledge(value.targetId)
      if (!isLivePledge(c, found)) throw notFound()
      if (!(await canManagePledge(c, found))) throw forbidden()
      if (!isActiveStatus(c.challenge.status)) throw forbidden()
      await markPledgeDone({ pledgeId: found.id, actorId: c.user.id })
      return back(c, `#pledge-${found.id}`)
    },
  },
  'fixed-answer': {
    schema: FixedAnswerSchema,
    async run({ ctx: c, value }) {
      const result = await answerFixed({
        challengeId: c.challenge.id,
        userId: c.user.id,
        answer: value.answer,
        note: value.note,
        defaultDisputeBody: await defaultDisputeBody(),
        ip: c.ip,
      })
      if (!result) throw notSolved()
      return back(c, result.disputed ? '#dispute' : '#fixed')
    },
  },
  pledge: {
    schema: PledgeSchema,
    guard: publicOnly,
    async run({ ctx: c, value, refuse }) {
      if (!(await requireOrganisation(c, value.organisationId)))
        return refuse({ fieldErrors: { organisationId: ['errors.notMember'] } })
      if (!isActiveStatus(c.challenge.status)) throw forbidden()
      await limited(c, 'post')
      let id: number
      try {
        id = await pledge({
          challengeId: c.challenge.id,
          userId: c.user.id,
          organisationId: value.organisationId ?? null,
          plan: value.plan,
          held: await held(c),
        })
      } catch (error) {
        if (error instanceof DuplicatePledge)
          return refuse({ formErrors: ['challenge.alreadyPledged'] })
        throw error
      }
      return posted(c, `pledge-${id}`)
    },
  },
  progress: {
    schema: ProgressSchema,
    guard: publicOnly,
    async run({ ctx: c, value, refuse }) {
      const found = await getPledge(value.pledgeId)
      if (!isLivePledge(c, found)) throw notFound()
      if (!(await canManagePledge(c, found))) throw forbidden()
      const { photos, reply } = photosToPost(c, refuse)
      if (reply) return reply
      await limited(c, 'post')
      await postProgress({ pledgeId: found.id, authorId: c.user.id, body: value.body, photos })
      return posted(c, `progress-${found.id}`, `pledge-${found.id}`)
    },
  },
  appeal: {
    schema: AppealSchema,
    async run({ ctx: c, value }) {
      const result = await appeal({ userId: c.user.id, challengeId: c.challenge.id, ...value })
      if (result === 'not_allowed') throw forbidden()
      return redirect(`/challenges/${c.challenge.id}?appealed=1`)
    },
  },
  dispute: {
    schema: DisputeSchema,
    async guard(c) {
      publicOnly(c)
      // Only a solved challenge on the public board can be disputed.
      const { challenge } = c
      if (challenge.status !== 'solved' || challenge.hidden_at || challenge.merged_into_id)
        throw notSolved()
      // Whoever may manage the challenge reopens it themselves rather than disputing their own word.
      if (!(await allows(c.user, mayDispute, challenge))) throw forbidden()
    },
    async run({ ctx: c, value, refuse }) {
      const { challenge } = c
      const already = () => refuse({ formErrors: ['disputes.already'] }, 409)
      if (await getOwnDispute(challenge.id, c.user.id)) return already()
      await limited(c, 'post')
      const result = await fileDispute({
        challengeId: challenge.id,
        userId: c.user.id,
        body: value.body,
        ip: c.ip,
      })
      if (result === 'not_solved') throw notSolved()
      if (result === 'already') return already()
      return back(c, '#dispute')
    },
  },
  'official-response': {
    schema: OfficialResponseSchema,
    async run({ ctx: c, value }) {
      const actor = await loadActor(c.user)
      if (!mayRespondOfficially(actor, c.challenge)) throw forbidden()
      const department = c.challenge.department_id
      const member = mayActFor(actor, department)
      await limited(c, 'post')
      await postOfficialResponse(c.user, {
        challengeId: c.challenge.id,
        body: value.body,
        organisationId: member ? department : null,
      })
      return back(c, '#official')
    },
  },
  'withdraw-pledge': {
    ...target,
    async run({ ctx: c, value }) {
      const found = await getPledge(value.targetId)
      if (!found || found.challenge_id !== c.challenge.id) throw notFound()
      if (!(await canManagePledge(c, found))) throw forbidden()
      await withdrawPledge(found.id)
      return back(c, '#pledges')
    },
  },
})

/** An active pledge of this challenge that a moderator has let through (not held). */
function isLivePledge(
  c: Context,
  found: Awaited<ReturnType<typeof getPledge>>,
): found is NonNullable<Awaited<ReturnType<typeof getPledge>>> {
  return (
    found !== undefined &&
    found.challenge_id === c.challenge.id &&
    found.status === 'active' &&
    found.held_at === null
  )
}

async function canManagePledge(
  c: Context,
  found: { user_id: number | null; organisation_id: number | null },
) {
  return allows(c.user, mayManagePledge, found)
}

async function voteSolution(c: Context, solutionId: number, vote: boolean) {
  const solution = await getSolution(solutionId)
  if (!solution || solution.challenge_id !== c.challenge.id) throw notFound()
  await limited(c, 'vote')
  await setSolutionVote({ userId: c.user.id, solutionId: solution.id, vote })
  return back(c, `#solution-${solution.id}`)
}

async function accept(c: Context, solutionId: number, value: boolean) {
  const solution = await getSolution(solutionId)
  if (
    !solution ||
    solution.challenge_id !== c.challenge.id ||
    solution.hidden_at ||
    solution.held_at
  )
    throw notFound()
  // The challenge's owner (or its organisation) or a moderator decides.
  if (!(await allows(c.user, mayAcceptSolution, c.challenge))) throw forbidden()
  await acceptSolution({ solutionId: solution.id, actorId: c.user.id, accept: value })
  return back(c, `#solution-${solution.id}`)
}

/** A vote the model refused: the challenge or solution is gone (404) or not open to votes. */
const voteRefusal = (error: VoteRefused) =>
  json({ error: error.reason }, { status: error.reason === 'not_found' ? 404 : 403 })

/** Runs one of the challenge page's forms, chosen by its `intent`. */
export async function handleChallengeAction(
  user: SessionUser,
  challenge: Challenge,
  form: FormData,
  ip: string | null = null,
  photos: PhotoForm | null = null,
) {
  try {
    return await dispatchIntent(
      challengeIntents,
      form,
      { user, challenge, ip, photos },
      photos ? { photos: photoReply(photos) } : {},
    )
  } catch (error) {
    if (error instanceof VoteRefused) throw voteRefusal(error)
    if (error instanceof PhotosGone && photos) {
      const gone = { ...photos.errors, photos: ['photos.errors.gone'] }
      return json(
        { intent: String(form.get('intent')), photos: photoReply(photos, gone) },
        { status: 409 },
      )
    }
    throw error
  }
}

/**
 * A vote or follow from the similar-challenges list on /challenges/new (`vote:12`,
 * `follow:12`), answered there so the draft being typed stays. Returns what was done.
 */
export async function actOnSimilarChallenge(user: SessionUser, value: string) {
  const [what, rawId] = value.split(':')
  const id = parseId(rawId)
  const challenge = id ? await getChallenge(id) : undefined
  if (!challenge || !maySeeChallenge(user, challenge) || challenge.merged_into_id) throw notFound()
  if (!isOnPublicBoard(challenge)) throw forbidden()
  if (what === 'vote') {
    await withRateLimits({ action: 'vote', userId: user.id }, () =>
      consume('vote', String(user.id)),
    )
    try {
      await setChallengeVote({ userId: user.id, challengeId: challenge.id, vote: true })
    } catch (error) {
      if (error instanceof VoteRefused) throw voteRefusal(error)
      throw error
    }
    return 'vote' as const
  }
  if (what === 'follow') {
    await setFollow(challenge.id, user.id, true)
    return 'follow' as const
  }
  throw badRequest('unknown action')
}
