import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { databaseVersion, db } from '~/db.server'
import { getBoardPage } from '~/models/board.server'
import { markSolved } from '~/models/challenge.server'
import { probeDatabase } from '~/models/health.server'
import { getHomeLists } from '~/models/home.server'
import { setChallengeVote } from '~/models/vote.server'
import { createChallengeFor, createUser } from '../factories'
import { renameOnAnotherConnection } from '../helpers/another-connection'
import { onPostgres } from '../helpers/setup'

// The board's and the home page's data are kept between readers until the database changes
// (app/services/shared-reads.server.ts): what a reader sees must never lag a commit.
const newest = { sort: 'new' as const, page: 1 }

/**
 * Runs `reads` at one database version. On PostgreSQL the version is the cluster's snapshot, which
 * other test files' writes (their own databases, the same server) move at any moment; tries
 * again until no commit came in between, so "read once" is tested, not that neighbours' timing.
 */
async function atOneVersion<T>(reads: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = await databaseVersion()
    const result = await reads()
    if ((await databaseVersion()) === before) return result
  }
  throw new Error('the database version never held still for two reads')
}

const cardOf = async (id: number) =>
  (await getBoardPage(newest, 'sv')).items.find((card) => card.id === id)

describe("the board's data, shared between readers", () => {
  it('is read once while nothing is written', async () => {
    const author = await createUser()
    await createChallengeFor(author.id, { title: 'Skräp vid återvinningen' })
    const [first, second, english] = await atOneVersion(async () => [
      await getBoardPage(newest, 'sv'),
      await getBoardPage(newest, 'sv'),
      await getBoardPage(newest, 'en'),
    ])
    expect(second).toBe(first)
    expect(english).not.toBe(first)
  })

  it("shows a vote at once, committed on the app's own connection", async () => {
    const author = await createUser()
    const voter = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Mörkt i gångtunneln' })
    expect((await cardOf(id))?.vote_count).toBe(0)
    await setChallengeVote({ userId: voter.id, challengeId: id, vote: true })
    expect((await cardOf(id))?.vote_count).toBe(1)
  })

  it('shows a change committed by another connection (another process, a CLI) at once', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Trasig gungställning' })
    expect((await cardOf(id))?.title).toBe('Trasig gungställning')
    await renameOnAnotherConnection(id, 'Lagad gungställning')
    expect((await cardOf(id))?.title).toBe('Lagad gungställning')
  })

  it('gives every reader a copy no request can change', async () => {
    const author = await createUser()
    await createChallengeFor(author.id)
    const [page, again] = await atOneVersion(async () => {
      const page = await getBoardPage(newest, 'sv')
      expect(() => {
        ;(page.items[0] as { title: string }).title = 'ändrad'
      }).toThrow(TypeError)
      return [page, await getBoardPage(newest, 'sv')]
    })
    expect(again).toBe(page)
    expect(again.items[0]!.title).not.toBe('ändrad')
  })

  // A monitor asks /healthz every few seconds; its probe (an insert and a delete of a row of its
  // own) must not empty every kept read as often. PostgreSQL's snapshot moves with any commit.
  it.skipIf(onPostgres)('is still shared after a health probe, and not after a write', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Trasigt staket vid skolan' })
    const before = databaseVersion()
    const page = await getBoardPage(newest, 'sv')
    expect((await probeDatabase()).status).toBe('ok')
    expect(databaseVersion()).toBe(before)
    expect(await getBoardPage(newest, 'sv')).toBe(page)
    await db.updateTable('challenges').set({ title: 'Lagat staket' }).where('id', '=', id).execute()
    expect(databaseVersion()).not.toBe(before)
    expect((await cardOf(id))?.title).toBe('Lagat staket')
  })

  // Reads go on between the probe's statements: a version read then must never be one that a
  // later write reaches, or what was read then would pass for the state after that write.
  it.skipIf(onPostgres)(
    'never gives, during a health probe, a version a later write reaches',
    async () => {
      const author = await createUser()
      const id = await createChallengeFor(author.id)
      const before = databaseVersion()
      const during = new Set<string>()
      const probe = probeDatabase()
      for (let turn = 0; turn < 20; turn++) {
        during.add(databaseVersion() as string)
        await Promise.resolve()
      }
      expect((await probe).status).toBe('ok')
      during.delete(before as string)
      expect(during.size).toBeGreaterThan(0) // some were read while the probe was under way
      for (let write = 0; write < 4; write++) {
        await db
          .updateTable('challenges')
          .set({ title: `Staket ${write}` })
          .where('id', '=', id)
          .execute()
        expect(during.has(databaseVersion() as string)).toBe(false)
      }
    },
  )
})

describe("the home page's lists, shared between readers", () => {
  it('are read once while nothing is written, and show a newly solved challenge at once', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Belysningen på torget lagad' })
    const [first, second] = await atOneVersion(async () => [
      await getHomeLists('sv'),
      await getHomeLists('sv'),
    ])
    expect(second).toBe(first)
    expect(first.solved.map((s) => s.id)).not.toContain(id)
    await markSolved(id, author.id)
    expect((await getHomeLists('sv')).solved.map((s) => s.id)).toContain(id)
  })

  it.skipIf(onPostgres)(
    'find the newest solved challenges through an index, without sorting them all (SQLite)',
    async () => {
      const plan = await sql<{ detail: string }>`explain query plan
        select id from challenges where status = 'solved' and hidden_at is null
        order by solved_at desc limit 5`.execute(db)
      const details = plan.rows.map((row) => row.detail).join('\n')
      expect(details).toContain('challenges_status_solved')
      expect(details).not.toContain('TEMP B-TREE')
    },
  )
})
