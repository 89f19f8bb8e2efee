import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { markSolved, setChallengeStatus } from '~/models/challenge.server'
import {
  answerFixed,
  askFixedQuestions,
  countFixedAnswers,
  FIXED_QUESTION_LATEST_DAYS,
} from '~/models/fixed-question.server'
import { pledge, postProgress, markPledgeDone } from '~/models/pledge.server'
import { acceptSolution, proposeSolution } from '~/models/solution.server'
import { listSolverCandidates } from '~/models/solvers.server'
import { setChallengeVote } from '~/models/vote.server'
import { signFixedToken, verifyFixedToken } from '~/services/fixed-link.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { creditedSolvers } from '../helpers/challenge-rows'

// The credit and "is it fixed?" rules against a real temporary database, the clock moved
// explicitly (the job takes `now`).

const DAY = 86_400_000

async function setup() {
  const owner = await createUser()
  const worker = await createUser()
  const idle = await createUser()
  const proposer = await createUser()
  const org = await createOrganisation({ ownerId: worker.id })
  const id = await createChallengeFor(owner.id)
  const worked = await pledge({
    challengeId: id,
    userId: worker.id,
    organisationId: org.id,
    plan: 'x',
  })
  await postProgress({ pledgeId: worked, authorId: worker.id, body: 'Framsteg.' })
  const idlePledge = await pledge({
    challengeId: id,
    userId: idle.id,
    organisationId: null,
    plan: 'y',
  })
  const solution = await proposeSolution({
    challengeId: id,
    authorId: proposer.id,
    organisationId: null,
    body: 'Förslag.',
  })
  return { owner, worker, idle, proposer, org, id, worked, idlePledge, solution }
}

describe('solver candidates and credit', () => {
  it('offers one candidate per organisation or person, preselecting progress, done and accepted', async () => {
    const s = await setup()
    let list = await listSolverCandidates(db, s.id)
    expect(list.map((c) => [c.key, c.preselected])).toEqual([
      [`org:${s.org.id}`, true],
      [`user:${s.idle.id}`, false],
    ])
    await acceptSolution({ solutionId: s.solution, actorId: s.owner.id, accept: true })
    await markPledgeDone({ pledgeId: s.idlePledge, actorId: s.idle.id })
    list = await listSolverCandidates(db, s.id)
    expect(list.map((c) => [c.key, c.preselected, c.done, c.accepted])).toEqual([
      [`org:${s.org.id}`, true, false, false],
      [`user:${s.idle.id}`, true, true, false],
      [`user:${s.proposer.id}`, true, false, true],
    ])
  })

  it('a moderator setting "solved" (no choice) credits the preselected set', async () => {
    const s = await setup()
    const moderator = await createUser({ role: 'moderator' })
    await db
      .transaction()
      .execute((trx) =>
        setChallengeStatus(trx, { challengeId: s.id, to: 'solved', actorId: moderator.id }),
      )
    expect(await creditedSolvers(s.id)).toEqual([
      { organisation_id: s.org.id, user_id: s.worker.id, pledge_id: s.worked, solution_id: null },
    ])
    // Reopened: nobody is credited any more.
    await db
      .transaction()
      .execute((trx) =>
        setChallengeStatus(trx, { challengeId: s.id, to: 'open', actorId: moderator.id }),
      )
    expect(await creditedSolvers(s.id)).toEqual([])
  })

  it('marking solved completes active pledges after deciding credit, so completing preselects nobody', async () => {
    const s = await setup()
    await markSolved(s.id, s.owner.id, { solvers: [`org:${s.org.id}`] })
    expect((await creditedSolvers(s.id)).map((c) => c.organisation_id)).toEqual([s.org.id])
    const statuses = await db
      .selectFrom('pledges')
      .select('status')
      .where('challenge_id', '=', s.id)
      .execute()
    expect(statuses.map((p) => p.status)).toEqual(['completed', 'completed'])
  })

  it('a solution accepted or unaccepted after solving adds or removes only its author', async () => {
    const s = await setup()
    await markSolved(s.id, s.owner.id, { solvers: [`user:${s.idle.id}`] })
    await acceptSolution({ solutionId: s.solution, actorId: s.owner.id, accept: true })
    expect((await creditedSolvers(s.id)).map((c) => c.user_id)).toEqual([s.idle.id, s.proposer.id])
    await acceptSolution({ solutionId: s.solution, actorId: s.owner.id, accept: false })
    expect((await creditedSolvers(s.id)).map((c) => c.user_id)).toEqual([s.idle.id])
  })
})

describe('is it fixed?', () => {
  async function solvedDaysAgo(days: number, now: Date) {
    const author = await createUser()
    const voter = await createUser()
    const id = await createChallengeFor(author.id)
    await setChallengeVote({ userId: voter.id, challengeId: id, vote: true })
    await markSolved(id, author.id)
    const at = new Date(now.getTime() - days * DAY).toISOString()
    await sql`update challenges set solved_at = ${at} where id = ${id}`.execute(db)
    return { id, author, voter }
  }

  const askedAt = async (id: number) =>
    (
      await db
        .selectFrom('challenges')
        .select('fixed_asked_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).fixed_asked_at

  it('asks at N days, not before, not when far too late, not hidden ones, and once', async () => {
    const now = new Date('2030-06-01T10:00:00Z')
    const early = await solvedDaysAgo(6, now)
    const due = await solvedDaysAgo(7, now)
    const stale = await solvedDaysAgo(7 + FIXED_QUESTION_LATEST_DAYS + 1, now)
    const hidden = await solvedDaysAgo(8, now)
    await db
      .updateTable('challenges')
      .set({ hidden_at: now.toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden.id)
      .execute()
    await askFixedQuestions({ days: 7, now })
    expect(await askedAt(due.id)).toBe(now.toISOString())
    for (const c of [early, stale, hidden]) expect(await askedAt(c.id)).toBeNull()
    const rows = await db
      .selectFrom('notifications')
      .select(['user_id', 'actor_id'])
      .where('challenge_id', '=', due.id)
      .where('kind', '=', 'fixed_question')
      .execute()
    expect(rows.map((r) => r.user_id).sort((a, b) => a - b)).toEqual(
      [due.author.id, due.voter.id].sort((a, b) => a - b),
    )
    expect(rows.every((r) => r.actor_id === null)).toBe(true)
    // The next day: the early one is asked, the due one not again.
    await askFixedQuestions({ days: 7, now: new Date(now.getTime() + DAY) })
    expect(await askedAt(early.id)).not.toBeNull()
    const again = await db
      .selectFrom('notifications')
      .select('id')
      .where('challenge_id', '=', due.id)
      .where('kind', '=', 'fixed_question')
      .execute()
    expect(again).toHaveLength(2)
  })

  it('solved again after reopening is asked again, counted from the new date', async () => {
    const now = new Date()
    const c = await solvedDaysAgo(20, now)
    await askFixedQuestions({ days: 14, now })
    expect(await askedAt(c.id)).not.toBeNull()
    await db
      .transaction()
      .execute((trx) =>
        setChallengeStatus(trx, { challengeId: c.id, to: 'open', actorId: c.author.id }),
      )
    await markSolved(c.id, c.author.id)
    expect(await askedAt(c.id)).toBeNull()
  })

  it('keeps one answer per person, the second replacing the first, and counts them', async () => {
    const c = await solvedDaysAgo(20, new Date())
    const other = await createUser()
    const base = { challengeId: c.id, defaultDisputeBody: 'x' }
    // Not asked yet: no answers are taken, so nobody skips the days the fix is given.
    expect(await answerFixed({ ...base, userId: c.voter.id, answer: 'fixed' })).toBeNull()
    await askFixedQuestions({ days: 14, now: new Date() })
    await answerFixed({ ...base, userId: c.voter.id, answer: 'fixed' })
    await answerFixed({ ...base, userId: c.voter.id, answer: 'not_fixed' })
    await answerFixed({ ...base, userId: other.id, answer: 'fixed' })
    expect((await countFixedAnswers([c.id])).get(c.id)).toEqual({ fixed: 1, notFixed: 1 })
    // Concurrent answers from one person still leave one row.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        answerFixed({ ...base, userId: other.id, answer: i % 2 ? 'fixed' : 'not_fixed' }),
      ),
    )
    const rows = await db
      .selectFrom('fixed_answers')
      .select('user_id')
      .where('challenge_id', '=', c.id)
      .execute()
    expect(rows).toHaveLength(2)
    // Nobody but the author files a dispute by answering.
    const disputes = await db
      .selectFrom('disputes')
      .select('id')
      .where('challenge_id', '=', c.id)
      .execute()
    expect(disputes).toEqual([])
  })

  it('signs tokens per person and challenge and refuses any change to them', () => {
    const token = signFixedToken(12, 34)
    expect(verifyFixedToken(token)).toEqual({ challengeId: 12, userId: 34 })
    const [, , mac] = token.split('.')
    expect(verifyFixedToken(`12.35.${mac}`)).toBeNull()
    expect(verifyFixedToken(`13.34.${mac}`)).toBeNull()
    expect(verifyFixedToken(`012.34.${mac}`)).toBeNull()
    expect(verifyFixedToken(`${token}x`)).toBeNull()
    expect(verifyFixedToken('')).toBeNull()
    expect(signFixedToken(12, 35)).not.toBe(token)
  })
})
