import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { getChallengePage, findSimilarChallenges } from '~/models/challenge-page.server'
import {
  getChallenge,
  listChallenges,
  markSolved,
  setChallengeStatus,
  updateChallenge,
} from '~/models/challenge.server'
import { addComment, deleteComment, editComment, CommentRefused } from '~/models/comment.server'
import { fileDispute } from '~/models/dispute.server'
import { flagPost } from '~/models/flag.server'
import { countUnread } from '~/models/notification.server'
import { pledge } from '~/models/pledge.server'
import { acceptSolution, editSolution, proposeSolution } from '~/models/solution.server'
import { setChallengeVote, VoteRefused } from '~/models/vote.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { hideChallenge } from '../helpers/challenge-rows'

describe('challenges', () => {
  it('keeps every revision and marks the challenge edited', async () => {
    const anna = await createUser()
    const { categoryId, areaId } = await createTaxonomy()
    const id = await createChallengeFor(anna.id, {
      title: 'Ingen kvällsbuss till hamnen',
      categoryId,
      areaId,
    })
    await updateChallenge(id, {
      editorId: anna.id,
      title: 'Ingen kvällsbuss till hamnen efter 21',
      description: 'Ny text',
      categoryId,
      areaId,
    })
    const revisions = await db
      .selectFrom('challenge_revisions')
      .select('title')
      .where('challenge_id', '=', id)
      .orderBy('id')
      .execute()
    expect(revisions.map((r) => r.title)).toEqual([
      'Ingen kvällsbuss till hamnen',
      'Ingen kvällsbuss till hamnen efter 21',
    ])
    expect((await getChallenge(id))?.edited_at).not.toBeNull()
  })

  it('finds challenges by words, folding Swedish letters, and never reads FTS syntax', async () => {
    const anna = await createUser()
    const id = await createChallengeFor(anna.id, {
      title: 'Trasig gatubelysning i Ängsgården',
      description: 'Lamporna på gångvägen är släckta.',
    })
    const page = (q: string) =>
      listChallenges({ q, sort: 'new', page: 1 }).then((r) => r.items.map((i) => i.id))
    expect(await page('gatubelysning')).toContain(id)
    expect(await page('angsgarden')).toContain(id)
    expect(await page('GÅNGVÄGEN')).toContain(id)
    for (const q of [
      `' OR 1=1--`,
      '"',
      'NEAR(',
      '*',
      'AND OR NOT',
      'x'.repeat(20_000),
      'title:hack',
    ]) {
      await expect(listChallenges({ q, sort: 'new', page: 1 })).resolves.toBeDefined()
    }
  })

  it('finds solutions text too', async () => {
    const anna = await createUser()
    const bo = await createUser()
    const id = await createChallengeFor(anna.id, { title: 'Cyklar blir stulna vid stationen' })
    await proposeSolution({
      challengeId: id,
      authorId: bo.id,
      organisationId: null,
      body: 'Bevakat cykelgarage med kortläsare',
    })
    expect(
      (await listChallenges({ q: 'kortläsare', sort: 'new', page: 1 })).items.map((i) => i.id),
    ).toContain(id)
  })

  it('leaves hidden and pending challenges off the board', async () => {
    const anna = await createUser()
    const hidden = await createChallengeFor(anna.id, { title: 'Dold utmaning om parkeringen' })
    await hideChallenge(hidden)
    const pending = await createChallengeFor(anna.id, {
      title: 'Väntande utmaning om parkeringen',
      status: 'pending',
    })
    const ids = (await listChallenges({ sort: 'new', page: 1, q: 'parkeringen' })).items.map(
      (i) => i.id,
    )
    expect(ids).not.toContain(hidden)
    expect(ids).not.toContain(pending)
    expect(await getChallengePage(hidden, null)).toBeUndefined()
    expect(await getChallengePage(pending, null)).toBeUndefined()
    expect(await getChallengePage(pending, { id: anna.id, role: 'member' })).toBeDefined()
  })

  it('suggests similar challenges', async () => {
    const anna = await createUser()
    const id = await createChallengeFor(anna.id, {
      title: 'Översvämning vid strandpromenaden',
      description: 'Vattnet står kvar efter regn.',
    })
    const similar = await findSimilarChallenges('Strandpromenaden översvämmas när det regnar')
    expect(similar.map((s) => s.id)).toContain(id)
  })
})

describe('votes', () => {
  it('counts 50 concurrent voters exactly, and one user only once', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const voters = await Promise.all(Array.from({ length: 50 }, () => createUser()))
    await Promise.all(
      voters.map((v) => setChallengeVote({ userId: v.id, challengeId: id, vote: true })),
    )
    await Promise.all(
      Array.from({ length: 20 }, () =>
        setChallengeVote({ userId: voters[0]!.id, challengeId: id, vote: true }),
      ),
    )
    expect((await getChallenge(id))?.vote_count).toBe(50)
    await Promise.all(
      voters
        .slice(0, 10)
        .map((v) => setChallengeVote({ userId: v.id, challengeId: id, vote: false })),
    )
    const rows = await db
      .selectFrom('challenge_votes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(Number(rows.n)).toBe(40)
    expect((await getChallenge(id))?.vote_count).toBe(40)
  })

  it('refuses a vote on one own post, or a closed or hidden challenge', async () => {
    const owner = await createUser()
    const other = await createUser()
    const id = await createChallengeFor(owner.id)
    await expect(
      setChallengeVote({ userId: owner.id, challengeId: id, vote: true }),
    ).rejects.toBeInstanceOf(VoteRefused)
    await db.updateTable('challenges').set({ status: 'closed' }).where('id', '=', id).execute()
    await expect(
      setChallengeVote({ userId: other.id, challengeId: id, vote: true }),
    ).rejects.toMatchObject({ reason: 'closed' })
  })
})

describe('pledges, solutions and solving', () => {
  it('moves to in_progress on the first pledge and credits the solving organisation', async () => {
    const anna = await createUser()
    const owner = await createUser()
    const business = await createOrganisation({ kind: 'business', ownerId: owner.id })
    const follower = await createUser()
    const id = await createChallengeFor(anna.id)
    await db.insertInto('follows').values({ challenge_id: id, user_id: follower.id }).execute()

    await pledge({
      challengeId: id,
      userId: owner.id,
      organisationId: business.id,
      plan: 'Vi ordnar det.',
    })
    expect((await getChallenge(id))?.status).toBe('in_progress')
    const solutionId = await proposeSolution({
      challengeId: id,
      authorId: owner.id,
      organisationId: business.id,
      body: 'Vår lösning',
    })
    await editSolution({ solutionId, editorId: owner.id, body: 'Vår bättre lösning' })
    expect(
      await db
        .selectFrom('solution_revisions')
        .select('body_md')
        .where('solution_id', '=', solutionId)
        .execute(),
    ).toHaveLength(2)
    await acceptSolution({ solutionId, actorId: anna.id, accept: true })
    await markSolved(id, anna.id)

    const page = await getChallengePage(id, null)
    expect(page?.challenge.status).toBe('solved')
    expect(page?.solvers.map((s) => s.organisation_slug)).toEqual([business.slug])
    expect(page?.history.map((h) => h.to_status)).toEqual(['open', 'in_progress', 'solved'])
    // The follower heard of the pledge, the solution and both status changes.
    expect(await countUnread(follower.id)).toBe(4)
  })
})

describe('comments', () => {
  it('allows one level of replies and leaves a placeholder when deleted', async () => {
    const anna = await createUser()
    const id = await createChallengeFor(anna.id)
    const top = await addComment({ challengeId: id, authorId: anna.id, body: 'Första' })
    const reply = await addComment({
      challengeId: id,
      authorId: anna.id,
      body: 'Svar',
      parentId: top,
    })
    await expect(
      addComment({ challengeId: id, authorId: anna.id, body: 'Djupare', parentId: reply }),
    ).rejects.toBeInstanceOf(CommentRefused)
    await deleteComment(top)
    const page = await getChallengePage(id, null)
    expect(page?.comments.map((c) => [c.id, c.removed])).toEqual([
      [top, true],
      [reply, false],
    ])
  })

  it('lets the author edit for 15 minutes only', async () => {
    const anna = await createUser()
    const id = await createChallengeFor(anna.id)
    const comment = await addComment({ challengeId: id, authorId: anna.id, body: 'Hej' })
    await editComment({ commentId: comment, body: 'Hej igen' })
    await expect(
      editComment({
        commentId: comment,
        body: 'För sent',
        now: new Date(Date.now() + 16 * 60 * 1000),
      }),
    ).rejects.toMatchObject({ reason: 'expired' })
  })
})

describe('flags', () => {
  it('stores one flag per user per post', async () => {
    const anna = await createUser()
    const bo = await createUser()
    const id = await createChallengeFor(anna.id)
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        flagPost({
          subjectType: 'challenge',
          subjectId: id,
          challengeId: id,
          userId: bo.id,
          reason: 'spam',
          note: null,
        }),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})

describe('status changes', () => {
  it('drop the solved date and the closing reason when a challenge leaves that state', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const read = () =>
      db
        .selectFrom('challenges')
        .select(['status', 'solved_at', 'closed_reason'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    const move = (to: 'solved' | 'open' | 'closed', closedReason?: string) =>
      db
        .transaction()
        .execute((trx) =>
          setChallengeStatus(trx, { challengeId: id, to, actorId: author.id, closedReason }),
        )
    await move('solved')
    expect((await read()).solved_at).not.toBeNull()
    await move('open')
    expect(await read()).toEqual({ status: 'open', solved_at: null, closed_reason: null })
    await move('closed', 'Ingen budget i år')
    expect((await read()).closed_reason).toBe('Ingen budget i år')
    await move('open')
    expect((await read()).closed_reason).toBeNull()
  })

  it('credit the solvers only while solved, and reopening answers the open disputes', async () => {
    const author = await createUser()
    const solver = await createUser()
    const resident = await createUser()
    const org = await createOrganisation({ ownerId: solver.id })
    const id = await createChallengeFor(author.id)
    const solutionId = await proposeSolution({
      challengeId: id,
      authorId: solver.id,
      organisationId: org.id,
      body: 'Vi fixar det',
    })
    await acceptSolution({ solutionId, actorId: author.id, accept: true })
    const solvers = () =>
      db
        .selectFrom('challenge_solvers')
        .select('organisation_id')
        .where('challenge_id', '=', id)
        .execute()
    const move = (to: 'solved' | 'open') =>
      db
        .transaction()
        .execute((trx) => setChallengeStatus(trx, { challengeId: id, to, actorId: author.id }))

    await move('solved')
    expect(await solvers()).toEqual([{ organisation_id: org.id }])
    expect(
      await fileDispute({ challengeId: id, userId: resident.id, body: 'Inte löst alls' }),
    ).toBe('filed')
    // The disputer now follows the challenge, so the reopening reaches them.
    const follows = await db
      .selectFrom('follows')
      .select('user_id')
      .where('challenge_id', '=', id)
      .where('user_id', '=', resident.id)
      .execute()
    expect(follows).toHaveLength(1)
    await move('open')
    expect(await solvers()).toEqual([])
    const dispute = await db
      .selectFrom('disputes')
      .select(['status', 'decided_by'])
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(dispute).toEqual({ status: 'upheld', decided_by: author.id })
    await move('solved')
    expect(await solvers()).toEqual([{ organisation_id: org.id }])

    // While solved, the credit follows the accepted solutions.
    await acceptSolution({ solutionId, actorId: author.id, accept: false })
    expect(await solvers()).toEqual([])
    await acceptSolution({ solutionId, actorId: author.id, accept: true })
    expect(await solvers()).toEqual([{ organisation_id: org.id }])

    // Closing a solved challenge leaves a new dispute for a moderator to answer.
    const other = await createUser()
    await fileDispute({ challengeId: id, userId: other.id, body: 'Fortfarande trasigt' })
    await db
      .transaction()
      .execute((trx) =>
        setChallengeStatus(trx, { challengeId: id, to: 'closed', actorId: author.id }),
      )
    const open = await db
      .selectFrom('disputes')
      .select('status')
      .where('user_id', '=', other.id)
      .executeTakeFirstOrThrow()
    expect(open.status).toBe('open')
  })
})
