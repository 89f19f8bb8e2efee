import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sqlitePathFromUrl } from '#db/connection'
import { db } from '~/db.server'
import { getBoardPage } from '~/models/board.server'
import { setChallengeVote } from '~/models/vote.server'
import { createChallengeFor, createUser } from '../factories'
import { onPostgres } from '../helpers/setup'

// The board's data is kept between readers until the database changes
// (app/services/shared-reads.server.ts): what a reader sees must never lag a commit.
const newest = { sort: 'new' as const, page: 1 }
const cardOf = async (id: number) =>
  (await getBoardPage(newest, 'sv')).items.find((card) => card.id === id)

describe("the board's data, shared between readers", () => {
  it.skipIf(onPostgres)('is read once while nothing is written (SQLite)', async () => {
    const author = await createUser()
    await createChallengeFor(author.id, { title: 'Skräp vid återvinningen' })
    const first = await getBoardPage(newest, 'sv')
    expect(await getBoardPage(newest, 'sv')).toBe(first)
    expect(await getBoardPage(newest, 'en')).not.toBe(first)
  })

  it.runIf(onPostgres)('is read anew each time on PostgreSQL', async () => {
    const first = await getBoardPage(newest, 'sv')
    expect(await getBoardPage(newest, 'sv')).not.toBe(first)
  })

  it("shows a vote at once, committed on the app's own connection", async () => {
    const author = await createUser()
    const voter = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Mörkt i gångtunneln' })
    expect((await cardOf(id))?.vote_count).toBe(0)
    await setChallengeVote({ userId: voter.id, challengeId: id, vote: true })
    expect((await cardOf(id))?.vote_count).toBe(1)
  })

  it.skipIf(onPostgres)(
    'shows a change committed by another connection (another process, a CLI) at once',
    async () => {
      const author = await createUser()
      const id = await createChallengeFor(author.id, { title: 'Trasig gungställning' })
      expect((await cardOf(id))?.title).toBe('Trasig gungställning')
      const other = new Database(sqlitePathFromUrl(process.env.DATABASE_URL!))
      try {
        other.prepare('update challenges set title = ? where id = ?').run('Lagad gungställning', id)
      } finally {
        other.close()
      }
      expect((await cardOf(id))?.title).toBe('Lagad gungställning')
    },
  )

  it('gives every reader a copy no request can change', async () => {
    const author = await createUser()
    await createChallengeFor(author.id)
    const page = await getBoardPage(newest, 'sv')
    expect(() => {
      ;(page.items[0] as { title: string }).title = 'ändrad'
    }).toThrow(TypeError)
    const again = await db.selectFrom('challenges').select('title').execute()
    expect(again.map((row) => row.title)).not.toContain('ändrad')
  })
})
