import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, migrateToLatest } from '#db/connection'
import { sqliteMigrations as migrations } from '#db/migrations'
import { db } from '~/db.server'
import { listChallenges, listTrending, setChallengeStatus } from '~/models/challenge.server'
import { addComment, deleteComment } from '~/models/comment.server'
import { setFollow } from '~/models/follow.server'
import { mergeChallenge } from '~/models/merge.server'
import { recountChallenges } from '~/models/recount.server'
import { proposeSolution } from '~/models/solution.server'
import { recomputeTrending } from '~/models/trending.server'
import { setChallengeVote } from '~/models/vote.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'

const DAY = 86_400_000
const daysAgo = (n: number, from = Date.now()) => new Date(from - n * DAY).toISOString()

/** A category and area of the test's own, so other tests' challenges never mix into its board. */
async function board() {
  const taxonomy = await createTaxonomy()
  const post = async (title: string) => {
    const author = await createUser()
    return createChallengeFor(author.id, { title, ...taxonomy })
  }
  const trending = async () =>
    (
      await listChallenges({ categoryId: taxonomy.categoryId, sort: 'trending', page: 1 })
    ).items.map((i) => i.id)
  return { post, trending, taxonomy }
}

async function voters(n: number) {
  return Promise.all(Array.from({ length: n }, () => createUser()))
}

async function vote(challengeId: number, n: number) {
  for (const user of await voters(n)) {
    await setChallengeVote({ userId: user.id, challengeId, vote: true })
  }
}

const hot = async (id: number) =>
  (await db.selectFrom('challenges').select('hot').where('id', '=', id).executeTakeFirstOrThrow())
    .hot

/** Dates every vote, comment and follow of a challenge (not its author's) `days` ago. */
async function backdateActivity(challengeId: number, days: number, from = Date.now()) {
  const at = daysAgo(days, from)
  for (const table of ['challenge_votes', 'comments', 'follows'] as const) {
    await db
      .updateTable(table)
      .set({ created_at: at } as never)
      .where('challenge_id', '=', challengeId)
      .execute()
  }
}

describe('trending', () => {
  it('puts a challenge people vote on and comment on before a new post nobody has acted on', async () => {
    const { post, trending } = await board()
    const older = await post('Trasiga cykelställ vid stationen sedan i våras')
    await db
      .updateTable('challenges')
      .set({ created_at: daysAgo(60) } as never)
      .where('id', '=', older)
      .execute()
    await vote(older, 2)
    const [commenter] = await voters(1)
    await addComment({ challengeId: older, authorId: commenter!.id, body: 'Samma här, varje dag.' })

    const fresh = await post('Helt ny utmaning som ingen har rört än')
    // The author's own automatic follow and their own comment are not activity.
    const freshAuthor = await db
      .selectFrom('challenges')
      .select('author_id')
      .where('id', '=', fresh)
      .executeTakeFirstOrThrow()
    await addComment({ challengeId: fresh, authorId: freshAuthor.author_id!, body: 'Upp med den!' })

    // Two votes (1 each), a comment (2) and the commenter's follow (1).
    expect(await hot(older)).toBe(5)
    expect(await hot(fresh)).toBe(0)
    expect(await trending()).toEqual([older, fresh])
    const popular = (await listTrending(20)).map((c) => c.id)
    expect(popular).toContain(older)
    expect(popular).not.toContain(fresh)
  })

  it('counts only the last 14 days, and the hourly recompute lets older activity drop out', async () => {
    const { post, trending } = await board()
    const busy = await post('Mycket folk röstade för tretton dagar sedan')
    const quiet = await post('En röst i dag på den här utmaningen')
    const stale = await post('Röstades på för en månad sedan, sedan tyst')
    await vote(busy, 3)
    await vote(quiet, 1)
    await vote(stale, 4)
    const now = Date.now()
    await backdateActivity(busy, 13, now)
    await backdateActivity(stale, 30, now)

    await recomputeTrending(db, { now: new Date(now) })
    expect([await hot(busy), await hot(quiet), await hot(stale)]).toEqual([3, 1, 0])
    expect(await trending()).toEqual([busy, quiet, stale])

    // Two days later the busy challenge's votes are 15 days old: out of the window.
    await recomputeTrending(db, { now: new Date(now + 2 * DAY) })
    expect([await hot(busy), await hot(quiet), await hot(stale)]).toEqual([0, 1, 0])
    expect((await trending())[0]).toBe(quiet)
  })

  it('takes back a withdrawn vote or follow and a removed comment at once, as a recompute would', async () => {
    const { post } = await board()
    const id = await post('Något som folk ångrar sig om')
    const [voter, follower, commenter] = await voters(3)
    await setChallengeVote({ userId: voter!.id, challengeId: id, vote: true })
    await setFollow(id, follower!.id, true)
    const comment = await addComment({ challengeId: id, authorId: commenter!.id, body: 'Hmm.' })
    expect(await hot(id)).toBe(1 + 1 + 2 + 1)

    await setChallengeVote({ userId: voter!.id, challengeId: id, vote: false })
    await setFollow(id, follower!.id, false)
    await deleteComment(comment)
    // The commenter still follows.
    expect(await hot(id)).toBe(1)
    await recomputeTrending(db, { ids: [id] })
    expect(await hot(id)).toBe(1)

    // A vote withdrawn after it left the window takes nothing away from what is left.
    await setChallengeVote({ userId: voter!.id, challengeId: id, vote: true })
    await db
      .updateTable('challenge_votes')
      .set({ created_at: daysAgo(20) } as never)
      .where('challenge_id', '=', id)
      .execute()
    await recomputeTrending(db)
    expect(await hot(id)).toBe(1)
    await setChallengeVote({ userId: voter!.id, challengeId: id, vote: false })
    expect(await hot(id)).toBe(1)
  })

  it('breaks ties by the latest activity, not by age', async () => {
    const { post, trending } = await board()
    const first = await post('Postad först, röst alldeles nyss')
    const second = await post('Postad sedan, röst för en timme sedan')
    await vote(first, 1)
    await vote(second, 1)
    await db
      .updateTable('challenge_votes')
      .set({ created_at: new Date(Date.now() - 3_600_000).toISOString() } as never)
      .where('challenge_id', '=', second)
      .execute()
    await recomputeTrending(db, { ids: [first, second] })
    expect(await trending()).toEqual([first, second])
  })

  it('never lists closed or merged challenges, however active; the merge target trends instead', async () => {
    const { post, trending, taxonomy } = await board()
    const closed = await post('Stängd men mycket omröstad utmaning')
    const duplicate = await post('Dubblett som många röstade på')
    const target = await post('Originalet som dubbletten slogs ihop med')
    const calm = await post('Lugn utmaning utan aktivitet')
    await vote(closed, 5)
    await vote(duplicate, 4)
    const moderator = await createUser({ role: 'moderator' })
    await db.transaction().execute((trx) =>
      setChallengeStatus(trx, {
        challengeId: closed,
        to: 'closed',
        actorId: moderator.id,
        closedReason: 'done',
      }),
    )
    await mergeChallenge(
      { id: moderator.id, role: 'moderator' },
      { fromId: duplicate, intoId: target },
    )

    expect(await trending()).toEqual([target, calm])
    // The four moved votes, and the duplicate's author, who now follows the target.
    expect(await hot(target)).toBe(5)
    expect(await hot(duplicate)).toBe(0)
    expect((await listTrending(20)).map((c) => c.id)).not.toContain(closed)
    // Closed ones stay on the board under the other sorts; the merged duplicate does not.
    const closedBoard = await listChallenges({
      categoryId: taxonomy.categoryId,
      status: 'closed',
      sort: 'new',
      page: 1,
    })
    expect(closedBoard.items.map((i) => i.id)).toEqual([closed])
    const trendingClosed = await listChallenges({
      categoryId: taxonomy.categoryId,
      status: 'closed',
      sort: 'trending',
      page: 1,
    })
    expect(trendingClosed.items).toEqual([])
  })
})

describe('merging and the counters', () => {
  const COUNTERS = [
    'vote_count',
    'follower_count',
    'comment_count',
    'solution_count',
    'pledge_count',
    'hot',
    'last_activity_at',
  ] as const
  const counters = (ids: number[]) =>
    Promise.all(
      ids.map((id) =>
        db
          .selectFrom('challenges')
          .select([...COUNTERS])
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      ),
    )

  it('leaves both challenges with the counters and trending score a fresh recount gives', async () => {
    const { post } = await board()
    const duplicate = await post('Dubblett med en lösning som folk kommenterat')
    const target = await post('Originalet som tar emot dubbletten')
    const [voter, follower, commenter, proposer] = await voters(4)
    await setChallengeVote({ userId: voter!.id, challengeId: duplicate, vote: true })
    await setChallengeVote({ userId: voter!.id, challengeId: target, vote: true })
    await setFollow(duplicate, follower!.id, true)
    await addComment({ challengeId: duplicate, authorId: commenter!.id, body: 'Samma här.' })
    // A solution and the comment on it stay with the duplicate: they are its own.
    const solutionId = await proposeSolution({
      challengeId: duplicate,
      authorId: proposer!.id,
      organisationId: null,
      body: 'Flytta cykelstället närmare perrongen.',
    })
    await addComment({
      challengeId: duplicate,
      authorId: commenter!.id,
      body: 'Bra idé!',
      solutionId,
    })
    const moderator = await createUser({ role: 'moderator' })

    await mergeChallenge(
      { id: moderator.id, role: 'moderator' },
      { fromId: duplicate, intoId: target },
    )
    const merged = await counters([duplicate, target])
    await db.transaction().execute((trx) => recountChallenges(trx, [duplicate, target]))
    await recomputeTrending(db, { ids: [duplicate, target] })

    expect(merged).toEqual(await counters([duplicate, target]))
    // The duplicate keeps its solution and the comment on it; the target has one vote (the
    // same voter's, not doubled), the moved follows and the moved comment.
    expect(merged[0]).toMatchObject({ vote_count: 0, comment_count: 1, solution_count: 1 })
    expect(merged[1]).toMatchObject({ vote_count: 1, comment_count: 1 })
  })
})

// A site that ran before 0009, brought up to date: the old age-based scores are replaced.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-trending-'))
const old = createDatabase(`file:${path.join(dir, 'old.sqlite')}`)
afterAll(async () => {
  await old.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('migration 0009', () => {
  it('recomputes trending for existing challenges from their dated activity', async () => {
    const odb = old.db
    const migrator = new Migrator({ db: odb, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0006_weekly_activity')).error).toBeUndefined()
    for (const [i, email] of ['a@example.se', 'b@example.se', 'c@example.se'].entries()) {
      await sql`insert into users (email, name, password_hash, created_at, updated_at)
        values (${email}, ${`Person ${i}`}, 'x', ${daysAgo(90)}, ${daysAgo(90)})`.execute(odb)
    }
    await sql`insert into categories (slug, name_sv, name_en, description_sv, description_en, position)
      values ('c', 'C', 'C', '', '', 1)`.execute(odb)
    await sql`insert into areas (slug, name_sv, name_en, position) values ('a', 'A', 'A', 1)`.execute(
      odb,
    )
    // 1: old, with recent votes and a comment; 2: brand new, only its author's follow (the old
    // score put it first); 3: active a month ago only.
    for (const [title, created, hotOld] of [
      ['Gammal men aktiv', daysAgo(60), 1],
      ['Helt ny', daysAgo(0.1), 99],
      ['Aktiv för länge sedan', daysAgo(40), 2],
    ] as const) {
      await sql`insert into challenges (title, description_md, description_html, summary, category_id,
          area_id, author_id, poster_kind, status, hot, created_at, updated_at)
        values (${title}, 'x', 'x', 'x', 1, 1, 1, 'resident', 'open', ${hotOld}, ${created}, ${created})`.execute(
        odb,
      )
    }
    const commentAt = daysAgo(1)
    const staleVoteAt = daysAgo(35)
    const rows = [
      sql`insert into follows (challenge_id, user_id, created_at) values (1, 1, ${daysAgo(60)}), (2, 1, ${daysAgo(0.1)}), (3, 1, ${daysAgo(40)})`,
      sql`insert into challenge_votes (challenge_id, user_id, created_at) values (1, 2, ${daysAgo(3)}), (1, 3, ${daysAgo(20)}), (3, 2, ${staleVoteAt})`,
      sql`insert into comments (challenge_id, author_id, body_md, body_html, created_at) values (1, 3, 'x', 'x', ${commentAt}), (1, 1, 'x', 'x', ${daysAgo(0.5)})`,
    ]
    for (const row of rows) await row.execute(odb)

    await migrateToLatest(odb)

    const after = await sql<{ id: number; hot: number; last_activity_at: string | null }>`
      select id, hot, last_activity_at from challenges order by id`.execute(odb)
    expect(after.rows).toEqual([
      // One vote in the window (the other is 20 days old) and one comment by someone else; the
      // author's later comment is not activity.
      { id: 1, hot: 1 + 2, last_activity_at: commentAt },
      { id: 2, hot: 0, last_activity_at: null },
      { id: 3, hot: 0, last_activity_at: staleVoteAt },
    ])
  })
})
