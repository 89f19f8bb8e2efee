import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

const server = testServerForFile()
const signedIn = server.signedIn

const unique = () => Math.random().toString(36).slice(2, 8)

/** Where each title first appears in the page; -1 when it does not. */
const positions = (html: string, titles: string[]) => titles.map((t) => html.indexOf(t))

describe('the trending sort', () => {
  it('ranks by recent votes, comments and follows, not by age; closed challenges never trend', async () => {
    const taxonomy = await createTaxonomy()
    const author = await createUser()
    const olderTitle = `Gatlyktorna på Strandvägen släcks tidigt ${unique()}`
    const closedTitle = `Stängd utmaning med många röster ${unique()}`
    const older = await createChallengeFor(author.id, { title: olderTitle, ...taxonomy })
    const closed = await createChallengeFor(author.id, { title: closedTitle, ...taxonomy })
    await db
      .updateTable('challenges')
      .set({ created_at: new Date(Date.now() - 60 * 86_400_000).toISOString() } as never)
      .where('id', 'in', [older, closed])
      .execute()

    // Residents act on the older challenges through the page's forms.
    for (let i = 0; i < 3; i++) {
      const { client } = await signedIn()
      expect((await client.post(`/challenges/${closed}`, { intent: 'vote' })).status).toBe(302)
      if (i < 2) {
        expect((await client.post(`/challenges/${older}`, { intent: 'vote' })).status).toBe(302)
      }
    }
    const { client: commenter } = await signedIn()
    const commented = await commenter.post(`/challenges/${older}`, {
      intent: 'comment',
      body: 'Det är mörkt redan vid sju, på hela sträckan.',
    })
    expect(commented.status).toBeLessThan(400)
    const moderator = await signedIn({ role: 'moderator' })
    const { version } = await db
      .selectFrom('challenges')
      .select('version')
      .where('id', '=', closed)
      .executeTakeFirstOrThrow()
    const closing = await moderator.client.post(`/moderation/challenges/${closed}`, {
      intent: 'triage',
      version: String(version),
      status: 'closed',
      message: 'Stängd: kommunen bygger om gatan.',
      priority: 'normal',
      categoryId: String(taxonomy.categoryId),
      areaId: String(taxonomy.areaId),
    })
    expect(closing.status).toBeLessThan(400)
    expect(
      (
        await db
          .selectFrom('challenges')
          .select('status')
          .where('id', '=', closed)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('closed')

    // Then someone posts a new challenge that nobody has acted on yet.
    const { client: poster } = await signedIn()
    const freshTitle = `Ny utmaning om papperskorgar i parken ${unique()}`
    const posted = await poster.post('/challenges/new', {
      intent: 'post',
      title: freshTitle,
      description: 'Papperskorgarna töms för sällan.',
      categoryId: String(taxonomy.categoryId),
      areaId: String(taxonomy.areaId),
    })
    expect(posted.status).toBe(302)

    const visitor = server.client()
    const board = await (
      await visitor.get(`/challenges?sort=trending&category=${taxonomy.categorySlug}`)
    ).text()
    const [o = -1, f = -1, c = -1] = positions(board, [olderTitle, freshTitle, closedTitle])
    expect(o).toBeGreaterThan(-1)
    expect(f).toBeGreaterThan(o)
    expect(c).toBe(-1)
    // Closed ones are still on the board under the other sorts.
    expect(
      await (await visitor.get(`/challenges?sort=top&category=${taxonomy.categorySlug}`)).text(),
    ).toContain(closedTitle)

    const api = (await (
      await visitor.get(`/api/v1/challenges?sort=trending&category=${taxonomy.categorySlug}`)
    ).json()) as { data: Array<{ title: string }>; total: number }
    expect(api.data.map((d) => d.title)).toEqual([olderTitle, freshTitle])
    expect(api.total).toBe(2)

    // "Popular now" on the home page: only what people are acting on.
    const home = await (await visitor.get('/')).text()
    expect(home).toContain(olderTitle)
    expect(home).not.toContain(freshTitle)
    expect(home).not.toContain(closedTitle)
    expect(home).toContain('Flest röster, kommentarer och nya följare de senaste två veckorna.')
  })
})
