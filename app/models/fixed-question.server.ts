import { sql } from 'kysely'
import { db, transaction } from '~/db.server'
import { insertDispute, isDisputable } from '~/models/dispute.server'
import { notifyUsers } from '~/models/notification.server'
import type { FixedAnswer } from '~/forms/solve'
import { getEnv } from '~/env.server'
import { getFixedT } from '~/services/i18n.server'
import { forUpdate } from '~/models/dialect.server'

const DAY = 24 * 60 * 60 * 1000
/**
 * A question more than this many days late is not asked: a challenge solved long before the
 * question existed (or before the site was down for a while) would otherwise reach everyone at
 * once, about something they no longer remember.
 */
export const FIXED_QUESTION_LATEST_DAYS = 30
/** Challenges asked per run; the rest wait for the next run (hourly). */
const BATCH = 200

/**
 * "Is it fixed?": asks the author, voters and followers of every challenge solved at least
 * `days` days before `now` (and at most FIXED_QUESTION_LATEST_DAYS later than that), once per
 * challenge, by notification; the mail with the one-click answers is written from it by the
 * notification mail job (fixed_question is a personal kind, mailed at the next run even to
 * digest readers). Hidden and merged challenges are not asked. Each challenge is one
 * transaction: marked asked and its notifications written together. Returns how many
 * challenges were asked.
 */
export async function askFixedQuestions(options: { days: number; now?: Date }) {
  const now = options.now ?? new Date()
  const due = new Date(now.getTime() - options.days * DAY).toISOString()
  const tooLate = new Date(
    now.getTime() - (options.days + FIXED_QUESTION_LATEST_DAYS) * DAY,
  ).toISOString()
  const challenges = await db
    .selectFrom('challenges')
    .select('id')
    .where('status', '=', 'solved')
    .where('fixed_asked_at', 'is', null)
    .where('solved_at', '<=', due)
    .where('solved_at', '>', tooLate)
    .where('hidden_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .orderBy('solved_at')
    .limit(BATCH)
    .execute()
  let asked = 0
  for (const { id } of challenges) {
    const done = await transaction(async (trx) => {
      // Only the run that marks it asks: two overlapping runs ask once.
      const marked = await trx
        .updateTable('challenges')
        .set({ fixed_asked_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'solved')
        .where('fixed_asked_at', 'is', null)
        .returning('author_id')
        .executeTakeFirst()
      if (!marked) return false
      const [voters, followers] = await Promise.all([
        trx
          .selectFrom('challenge_votes')
          .select('user_id')
          .where('challenge_id', '=', id)
          .execute(),
        trx.selectFrom('follows').select('user_id').where('challenge_id', '=', id).execute(),
      ])
      await notifyUsers(
        trx,
        [marked.author_id, ...voters.map((v) => v.user_id), ...followers.map((f) => f.user_id)],
        { challengeId: id, actorId: null, kind: 'fixed_question', payload: {} },
      )
      return true
    })
    if (done) asked++
  }
  return asked
}

/** The challenge as the answer page needs it; undefined for an unknown id. */
export async function getFixedQuestion(challengeId: number) {
  return db
    .selectFrom('challenges')
    .select(['id', 'title', 'status', 'author_id', 'hidden_at', 'merged_into_id', 'fixed_asked_at'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
}

export async function getOwnFixedAnswer(challengeId: number, userId: number) {
  const row = await db
    .selectFrom('fixed_answers')
    .select(['fixed', 'updated_at'])
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return null
  // SQLite returns booleans as 0/1.
  return { answer: (row.fixed ? 'fixed' : 'not_fixed') as FixedAnswer, at: row.updated_at }
}

/** Whether a challenge takes answers: solved, public, not merged. */
export function takesFixedAnswers(challenge: {
  status: string
  hidden_at: string | null
  merged_into_id: number | null
  fixed_asked_at: string | null
}) {
  // Only once asked: before that, answers (and an author's "not fixed" dispute) would skip the
  // days the owner is given to see whether the fix holds.
  return (
    challenge.status === 'solved' &&
    !challenge.hidden_at &&
    !challenge.merged_into_id &&
    challenge.fixed_asked_at !== null
  )
}

/**
 * Records one person's answer; a second answer replaces the first (UNIQUE (challenge, user)).
 * "Not fixed" from the challenge's author opens the dispute path: a dispute is filed with their
 * note (or `defaultDisputeBody`) in the same transaction, unless they already disputed it, so
 * a moderator decides whether to reopen it — also when the answer came from the mail link by
 * someone not signed in. Returns null when the challenge no longer takes answers.
 */
export async function answerFixed(input: {
  challengeId: number
  userId: number
  answer: FixedAnswer
  note?: string | null
  defaultDisputeBody: string
  ip?: string | null
}): Promise<{ disputed: boolean } | null> {
  return transaction(async (trx) => {
    // Locked: the author's "not fixed" from the mail and the page at once files one dispute.
    const challenge = await forUpdate(
      trx
        .selectFrom('challenges')
        .select(['status', 'hidden_at', 'merged_into_id', 'author_id', 'fixed_asked_at'])
        .where('id', '=', input.challengeId),
    ).executeTakeFirst()
    if (!challenge || !takesFixedAnswers(challenge)) return null
    const now = new Date().toISOString()
    const fixed = input.answer === 'fixed' ? 1 : 0
    await trx
      .insertInto('fixed_answers')
      .values({
        challenge_id: input.challengeId,
        user_id: input.userId,
        fixed,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['challenge_id', 'user_id']).doUpdateSet({ fixed, updated_at: now }),
      )
      .execute()
    const author = challenge.author_id === input.userId
    if (input.answer !== 'not_fixed' || !author) return { disputed: false }
    const existing = await trx
      .selectFrom('disputes')
      .select('id')
      .where('challenge_id', '=', input.challengeId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst()
    if (existing || !(await isDisputable(trx, input.challengeId))) return { disputed: false }
    await insertDispute(trx, {
      challengeId: input.challengeId,
      userId: input.userId,
      body: input.note?.trim() || input.defaultDisputeBody,
      ip: input.ip,
    })
    return { disputed: true }
  })
}

export interface FixedCounts {
  fixed: number
  notFixed: number
}

/** Public counts of answers per challenge (read through the UNIQUE (challenge, user) index). */
export async function countFixedAnswers(challengeIds: number[]): Promise<Map<number, FixedCounts>> {
  const counts = new Map<number, FixedCounts>()
  if (!challengeIds.length) return counts
  const rows = await db
    .selectFrom('fixed_answers')
    .select([
      'challenge_id',
      sql<number>`count(*) filter (where fixed)`.as('fixed'),
      sql<number>`count(*) filter (where not fixed)`.as('not_fixed'),
    ])
    .where('challenge_id', 'in', challengeIds)
    .groupBy('challenge_id')
    .execute()
  for (const r of rows)
    counts.set(r.challenge_id, { fixed: Number(r.fixed), notFixed: Number(r.not_fixed) })
  return counts
}

/**
 * The dispute text when the author answers "not fixed" without a note. Moderators read it, so
 * it is written in the site's default language, not the author's.
 */
export async function defaultDisputeBody() {
  const t = await getFixedT(getEnv().DEFAULT_LOCALE)
  return t('fixed.disputeBody')
}

/**
 * The challenge page's "is it fixed?" section, or null before the question was asked (and
 * nobody answered): asking on the page at once would ask before the fix could be judged.
 */
export async function getFixedSection(
  challenge: {
    id: number
    status: string
    author_id: number | null
    hidden_at: string | null
    merged_into_id: number | null
  },
  viewerId: number | null,
) {
  const [row, counts, own] = await Promise.all([
    db
      .selectFrom('challenges')
      .select('fixed_asked_at')
      .where('id', '=', challenge.id)
      .executeTakeFirst(),
    countFixedAnswers([challenge.id]),
    viewerId ? getOwnFixedAnswer(challenge.id, viewerId) : null,
  ])
  const tally = counts.get(challenge.id) ?? { fixed: 0, notFixed: 0 }
  const asked = Boolean(row?.fixed_asked_at) && challenge.status === 'solved'
  if (!asked && !tally.fixed && !tally.notFixed) return null
  return {
    counts: tally,
    own,
    canAnswer:
      viewerId !== null &&
      takesFixedAnswers({ ...challenge, fixed_asked_at: row?.fixed_asked_at ?? null }),
    author: viewerId !== null && challenge.author_id === viewerId,
  }
}

/**
 * What the page behind a mail link needs: the challenge, the person's current answer and
 * whether they wrote the challenge. Undefined when the challenge or the person is gone.
 */
export async function getFixedQuestionFor(challengeId: number, userId: number) {
  const [challenge, user] = await Promise.all([
    getFixedQuestion(challengeId),
    db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
  ])
  if (!challenge || !user) return undefined
  return {
    challenge,
    own: await getOwnFixedAnswer(challengeId, userId),
    author: challenge.author_id === userId,
    open: takesFixedAnswers(challenge),
  }
}
