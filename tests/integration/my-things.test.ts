import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { markSolved } from '~/models/challenge.server'
import { addComment } from '~/models/comment.server'
import { decideDispute, fileDispute } from '~/models/dispute.server'
import { flagPost } from '~/models/flag.server'
import { setFollow } from '~/models/follow.server'
import { appeal, decideAppeal } from '~/models/appeals.server'
import { dismissFlags } from '~/models/flag.server'
import { addInternalNote } from '~/models/internal-notes.server'
import { mergeChallenge } from '~/models/merge.server'
import { hidePost } from '~/models/moderation-visibility.server'
import {
  countMyThings,
  flagState,
  listMyChallenges,
  listMyFollows,
  listMyPledges,
  listMyReports,
  MY_PAGE_SIZE,
} from '~/models/my-things.server'
import { insertMembership } from '~/models/organisation.server'
import { pledge, postProgress, withdrawPledge } from '~/models/pledge.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'

const SITE = 'http://localhost:3000'

async function member() {
  const user = await createUser()
  return { id: user.id, role: 'member' as const, email: user.email }
}
async function moderator() {
  const user = await createUser({ role: 'moderator' })
  return { id: user.id, role: 'moderator' as const }
}

/** Moves a row's creation time, so "newest first" and "last activity" can be checked. */
async function setCreated(table: 'challenges' | 'comments', at: string, id: number) {
  // created_at is never written by the app after insert; the type says so.
  await db
    .updateTable(table)
    .set({ created_at: at } as never)
    .where('id', '=', id)
    .execute()
}

describe('my challenges', () => {
  it('lists every challenge of mine, hidden, pending and merged ones too, and nobody else’s', async () => {
    const anna = await member()
    const other = await member()
    const mod = await moderator()
    const open = await createChallengeFor(anna.id, { title: 'Min öppna utmaning' })
    const pending = await createChallengeFor(anna.id, {
      title: 'Min väntande utmaning',
      status: 'pending',
    })
    const hidden = await createChallengeFor(anna.id, { title: 'Min dolda utmaning' })
    await hidePost(mod, {
      subjectType: 'challenge',
      subjectId: hidden,
      reason: 'spam',
      siteUrl: SITE,
    })
    const duplicate = await createChallengeFor(anna.id, { title: 'Min dubblett' })
    const into = await createChallengeFor(other.id, { title: 'Den andras utmaning' })
    await mergeChallenge(mod, { fromId: duplicate, intoId: into })

    const { total, items } = await listMyChallenges(anna, 1)
    expect(total).toBe(4)
    expect(items.map((i) => i.title).sort()).toEqual(
      ['Min dolda utmaning', 'Min dubblett', 'Min väntande utmaning', 'Min öppna utmaning'].sort(),
    )
    const byId = new Map(items.map((i) => [i.id, i]))
    expect(byId.get(hidden)).toMatchObject({ hidden: true, hiddenReason: 'spam' })
    expect(byId.get(pending)).toMatchObject({ status: 'pending', hidden: false })
    expect(byId.get(duplicate)).toMatchObject({ mergedIntoId: into })
    expect(byId.get(open)).toMatchObject({ status: 'open', hidden: false, mergedIntoId: null })
    expect(items.some((i) => i.id === into)).toBe(false)
  })

  it('gives the last activity on a challenge, a comment by someone else included', async () => {
    const anna = await member()
    const bo = await member()
    const id = await createChallengeFor(anna.id)
    await db
      .updateTable('challenges')
      .set({ updated_at: '2025-01-01T10:00:00.000Z' })
      .where('id', '=', id)
      .execute()
    await db
      .updateTable('challenge_status_history')
      .set({ created_at: '2025-01-01T10:00:00.000Z' } as never)
      .where('challenge_id', '=', id)
      .execute()
    const comment = await addComment({ challengeId: id, authorId: bo.id, body: 'Håller med!' })
    await setCreated('comments', '2025-03-04T08:00:00.000Z', comment)
    const [item] = (await listMyChallenges(anna, 1)).items
    expect(item?.lastActivityAt).toBe('2025-03-04T08:00:00.000Z')
  })

  it('pages newest first', async () => {
    const anna = await member()
    const ids: number[] = []
    for (let i = 0; i < MY_PAGE_SIZE + 3; i++) {
      const id = await createChallengeFor(anna.id, { title: `Utmaning nummer ${i} i listan` })
      await setCreated('challenges', new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), id)
      ids.push(id)
    }
    const first = await listMyChallenges(anna, 1)
    const second = await listMyChallenges(anna, 2)
    expect(first.total).toBe(MY_PAGE_SIZE + 3)
    expect(first.items).toHaveLength(MY_PAGE_SIZE)
    expect(first.items[0]?.id).toBe(ids.at(-1))
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(0, 3).reverse())
  })
})

describe('what I follow', () => {
  it('lists my follows only, naming others’ challenges only while I may see them', async () => {
    const anna = await member()
    const bo = await member()
    const mod = await moderator()
    const mine = await createChallengeFor(anna.id, { title: 'Annas egen, dold' })
    const public_ = await createChallengeFor(bo.id, { title: 'Bos öppna utmaning' })
    const hiddenOfBo = await createChallengeFor(bo.id, { title: 'Bos dolda hemlighet' })
    const notFollowed = await createChallengeFor(bo.id, { title: 'Ej följd' })
    for (const id of [mine, public_, hiddenOfBo]) await setFollow(id, anna.id, true)
    await setFollow(notFollowed, bo.id, true)
    for (const id of [mine, hiddenOfBo])
      await hidePost(mod, {
        subjectType: 'challenge',
        subjectId: id,
        reason: 'other',
        siteUrl: SITE,
      })

    const { total, items } = await listMyFollows(anna, 1)
    expect(total).toBe(3)
    const byId = new Map(items.map((i) => [i.challenge.id, i]))
    expect(byId.get(public_)?.challenge).toEqual({
      id: public_,
      title: 'Bos öppna utmaning',
      status: 'open',
    })
    // My own hidden challenge: mine, so named.
    expect(byId.get(mine)?.challenge.title).toBe('Annas egen, dold')
    // Someone else's hidden challenge: still listed (the follow is mine, I can end it), unnamed.
    expect(byId.get(hiddenOfBo)).toMatchObject({
      challenge: { id: hiddenOfBo, title: null, status: null },
      votes: null,
      followers: null,
      lastActivityAt: null,
    })
    expect(JSON.stringify(items)).not.toContain('Bos dolda hemlighet')
    expect(byId.has(notFollowed)).toBe(false)

    // A moderator may see hidden challenges, so theirs are named.
    await setFollow(hiddenOfBo, mod.id, true)
    const modItems = (await listMyFollows(mod, 1)).items
    expect(modItems.find((i) => i.challenge.id === hiddenOfBo)?.challenge.title).toBe(
      'Bos dolda hemlighet',
    )
  })

  it('pages hundreds of follows, most recently followed first', async () => {
    const anna = await member()
    const bo = await member()
    const ids: number[] = []
    for (let i = 0; i < 45; i++) {
      const id = await createChallengeFor(bo.id, { title: `Följd utmaning ${i} av många` })
      await setFollow(id, anna.id, true)
      await db
        .updateTable('follows')
        .set({ created_at: new Date(Date.UTC(2025, 0, 1, i)).toISOString() } as never)
        .where('challenge_id', '=', id)
        .where('user_id', '=', anna.id)
        .execute()
      ids.push(id)
    }
    const pages = await Promise.all([1, 2, 3].map((p) => listMyFollows(anna, p)))
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5])
    expect(pages.flatMap((p) => p.items.map((i) => i.challenge.id))).toEqual([...ids].reverse())
    expect((await countMyThings(anna)).following).toBe(45)
  })
})

describe('my organisations’ pledges', () => {
  it('lists my pledges and my active organisations’, with the latest progress', async () => {
    const anna = await member()
    const colleague = await member()
    const outsider = await member()
    const org = await createOrganisation({ name: 'Annas Cykel AB', ownerId: anna.id })
    await insertMembership(db, {
      organisationId: org.id,
      userId: colleague.id,
      role: 'member',
      status: 'active',
    })
    const pendingOrg = await createOrganisation({ name: 'Väntande förening', ownerId: outsider.id })
    await insertMembership(db, {
      organisationId: pendingOrg.id,
      userId: anna.id,
      role: 'member',
      status: 'pending',
    })
    const otherOrg = await createOrganisation({ name: 'Någon annans AB', ownerId: outsider.id })

    const a = await createChallengeFor(outsider.id, { title: 'Cykelställ vid stationen' })
    const b = await createChallengeFor(outsider.id, { title: 'Skräp i parken' })
    const c = await createChallengeFor(outsider.id, { title: 'Belysning i tunneln' })
    const byColleague = await pledge({
      challengeId: a,
      userId: colleague.id,
      organisationId: org.id,
      plan: 'Vi bygger ställ.',
    })
    await postProgress({ pledgeId: byColleague, authorId: colleague.id, body: 'Ritningar klara.' })
    await postProgress({
      pledgeId: byColleague,
      authorId: colleague.id,
      body: 'Första **tio** ställen är på plats.',
    })
    const personal = await pledge({
      challengeId: b,
      userId: anna.id,
      organisationId: null,
      plan: 'Jag plockar skräp.',
    })
    await withdrawPledge(personal)
    await pledge({ challengeId: c, userId: outsider.id, organisationId: otherOrg.id, plan: 'x' })
    await pledge({ challengeId: c, userId: outsider.id, organisationId: pendingOrg.id, plan: 'y' })

    const { total, items } = await listMyPledges(anna, 1)
    expect(total).toBe(2)
    const org_ = items.find((i) => i.id === byColleague)
    expect(org_).toMatchObject({
      organisation: { name: 'Annas Cykel AB', slug: org.slug },
      byMe: false,
      status: 'active',
      challenge: { id: a, title: 'Cykelställ vid stationen', status: 'in_progress' },
    })
    expect(org_?.lastProgress?.text).toBe('Första tio ställen är på plats.')
    expect(items.find((i) => i.id === personal)).toMatchObject({
      organisation: null,
      byMe: true,
      status: 'withdrawn',
      lastProgress: null,
    })
    expect(items.find((i) => i.id === personal)?.withdrawnAt).not.toBeNull()
    expect(JSON.stringify(items)).not.toContain('Belysning i tunneln')
    expect((await countMyThings(anna)).pledges).toBe(2)
    // The colleague sees the same organisation pledge.
    expect((await listMyPledges(colleague, 1)).items.map((i) => i.id)).toEqual([byColleague])
  })

  it('does not name a challenge that was hidden, nor quote its progress', async () => {
    const anna = await member()
    const mod = await moderator()
    const org = await createOrganisation({ ownerId: anna.id })
    const bo = await member()
    const id = await createChallengeFor(bo.id, { title: 'Snart dold utmaning' })
    const p = await pledge({ challengeId: id, userId: anna.id, organisationId: org.id, plan: 'p' })
    await postProgress({ pledgeId: p, authorId: anna.id, body: 'Hemlig lägesrapport' })
    await hidePost(mod, { subjectType: 'challenge', subjectId: id, reason: 'spam', siteUrl: SITE })
    const [item] = (await listMyPledges(anna, 1)).items
    expect(item?.challenge).toEqual({ id, title: null, status: null })
    expect(item?.lastProgress?.text).toBeNull()
    expect(JSON.stringify(item)).not.toContain('Hemlig')
  })
})

describe('my flags, appeals and disputes', () => {
  it('lists my own flags with their state, never others’ flags', async () => {
    const anna = await member()
    const bo = await member()
    const mod = await moderator()
    const openOne = await createChallengeFor(bo.id, { title: 'Anmäld men kvar' })
    const upheld = await createChallengeFor(bo.id, { title: 'Anmäld och dold' })
    const rejected = await createChallengeFor(bo.id, { title: 'Anmäld och avfärdad' })
    const comment = await addComment({
      challengeId: openOne,
      authorId: bo.id,
      body: 'Köp billigt!',
    })
    for (const id of [openOne, upheld, rejected])
      await flagPost({
        subjectType: 'challenge',
        subjectId: id,
        challengeId: id,
        userId: anna.id,
        reason: 'spam',
        note: id === openOne ? 'Reklam för en butik' : null,
      })
    await flagPost({
      subjectType: 'comment',
      subjectId: comment,
      challengeId: openOne,
      userId: anna.id,
      reason: 'offensive',
      note: null,
    })
    // Someone else's flag, with a note of their own.
    await flagPost({
      subjectType: 'challenge',
      subjectId: openOne,
      challengeId: openOne,
      userId: bo.id,
      reason: 'other',
      note: 'Bos privata anteckning',
    })
    await hidePost(mod, {
      subjectType: 'challenge',
      subjectId: upheld,
      reason: 'spam',
      siteUrl: SITE,
    })
    await dismissFlags(mod, { challengeId: rejected })
    await addInternalNote(mod, openOne, 'Intern anteckning om anmälaren')

    const { flags } = await listMyReports(anna, 1)
    expect(flags.total).toBe(4)
    const state = (subjectType: string, id: number) =>
      flags.items.find((f) => f.subjectType === subjectType && f.subjectId === id)?.state
    expect(state('challenge', openOne)).toBe('open')
    expect(state('comment', comment)).toBe('open')
    expect(state('challenge', upheld)).toBe('upheld')
    expect(state('challenge', rejected)).toBe('rejected')
    expect(flags.items.find((f) => f.subjectId === openOne)?.note).toBe('Reklam för en butik')
    // The challenge I flagged is hidden now and not mine: listed, not named.
    expect(flags.items.find((f) => f.subjectId === upheld)?.challenge.title).toBeNull()
    const text = JSON.stringify(await listMyReports(anna, 1))
    for (const secret of ['Bos privata anteckning', 'Intern anteckning', 'Anmäld och dold'])
      expect(text).not.toContain(secret)
    expect((await listMyReports(bo, 1)).flags.items.map((f) => f.note)).toEqual([
      'Bos privata anteckning',
    ])
    expect((await countMyThings(anna)).waiting).toBe(2)
  })

  it('lists my appeals and disputes with the moderator’s note, not other people’s', async () => {
    const anna = await member()
    const bo = await member()
    const mod = await moderator()
    const challenge = await createChallengeFor(bo.id, { title: 'Utmaning med min kommentar' })
    const mine = await addComment({ challengeId: challenge, authorId: anna.id, body: 'Min text' })
    const bos = await addComment({ challengeId: challenge, authorId: bo.id, body: 'Bos text' })
    for (const id of [mine, bos])
      await hidePost(mod, {
        subjectType: 'comment',
        subjectId: id,
        reason: 'off_topic',
        siteUrl: SITE,
      })
    expect(
      await appeal({
        userId: anna.id,
        challengeId: challenge,
        subjectType: 'comment',
        subjectId: mine,
        body: 'Den hör visst hit.',
      }),
    ).toBe('filed')
    await appeal({
      userId: bo.id,
      challengeId: challenge,
      subjectType: 'comment',
      subjectId: bos,
      body: 'Bos överklagande',
    })
    const { id: appealId } = await db
      .selectFrom('appeals')
      .select('id')
      .where('user_id', '=', anna.id)
      .executeTakeFirstOrThrow()
    await decideAppeal(mod, {
      appealId,
      challengeId: challenge,
      restore: false,
      note: 'Den handlar om något annat.',
    })

    const solved = await createChallengeFor(bo.id, { title: 'Löst, sägs det' })
    await markSolved(solved, bo.id)
    expect(
      await fileDispute({
        challengeId: solved,
        userId: anna.id,
        body: 'Bussen går fortfarande inte.',
      }),
    ).toBe('filed')
    expect(
      await fileDispute({ challengeId: solved, userId: bo.id, body: 'Bos invändning här' }),
    ).toBe('filed')
    const { version } = await db
      .selectFrom('challenges')
      .select('version')
      .where('id', '=', solved)
      .executeTakeFirstOrThrow()
    const annasDispute = await db
      .selectFrom('disputes')
      .select('id')
      .where('user_id', '=', anna.id)
      .executeTakeFirstOrThrow()
    expect(
      await decideDispute(mod, {
        challengeId: solved,
        disputeId: annasDispute.id,
        uphold: false,
        note: 'Linjen är beslutad och startar i maj.',
        version,
      }),
    ).toBe('done')

    const { appeals, disputes } = await listMyReports(anna, 1)
    expect(appeals.items).toHaveLength(1)
    expect(appeals.items[0]).toMatchObject({
      subjectType: 'comment',
      subjectId: mine,
      challenge: { id: challenge, title: 'Utmaning med min kommentar' },
      body: 'Den hör visst hit.',
      state: 'rejected',
      note: 'Den handlar om något annat.',
    })
    expect(appeals.items[0]?.decidedAt).not.toBeNull()
    expect(disputes.items).toHaveLength(1)
    expect(disputes.items[0]).toMatchObject({
      challenge: { id: solved, title: 'Löst, sägs det', status: 'solved' },
      body: 'Bussen går fortfarande inte.',
      state: 'rejected',
      note: 'Linjen är beslutad och startar i maj.',
    })
    const text = JSON.stringify({ appeals, disputes })
    expect(text).not.toContain('Bos överklagande')
    expect(text).not.toContain('Bos invändning')
    // Who decided is not part of what the person is shown.
    expect(text).not.toContain(`"decided_by"`)
    expect((await listMyReports(bo, 1)).disputes.items[0]).toMatchObject({
      state: 'open',
      note: null,
    })
  })

  it('maps a flag’s resolution to open, upheld or rejected', () => {
    expect(flagState({ resolved_at: null, resolution: null })).toBe('open')
    expect(flagState({ resolved_at: '2026-01-01', resolution: 'hidden' })).toBe('upheld')
    expect(flagState({ resolved_at: '2026-01-01', resolution: 'upheld' })).toBe('upheld')
    expect(flagState({ resolved_at: '2026-01-01', resolution: 'dismissed' })).toBe('rejected')
  })

  it('has nothing for a new member: every list empty', async () => {
    const anna = await member()
    expect(await countMyThings(anna)).toEqual({
      challenges: 0,
      following: 0,
      pledges: 0,
      waiting: 0,
    })
    expect((await listMyChallenges(anna, 1)).items).toEqual([])
    expect((await listMyFollows(anna, 1)).items).toEqual([])
    expect((await listMyPledges(anna, 1)).items).toEqual([])
    const reports = await listMyReports(anna, 1)
    expect([reports.flags.total, reports.appeals.total, reports.disputes.total]).toEqual([0, 0, 0])
  })
})
