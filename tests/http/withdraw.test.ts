import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor } from '../factories'
import { testServerForFile } from '../helpers/http'
import { challengeRow } from '../helpers/challenge-rows'

// Issue 10, item 1: withdrawing a challenge that was never public (pending or rejected) must
// not publish it. Every public door is tried as a visitor after the author withdraws.

const server = testServerForFile()
const signedIn = server.signedIn
type Client = ReturnType<typeof server.client>

let n = 0
/** A title with a word no other challenge has, so search and lists can be asked about it. */
const uniqueTitle = (prefix: string) => `${prefix} Zorblax${Date.now().toString(36)}x${++n}`

const withdraw = (client: Client, id: number) =>
  client.post(`/challenges/${id}/edit`, { intent: 'withdraw' })

/** What publicViews finds of a challenge that is not public: nothing. */
const NOTHING_PUBLIC = { page: 404, data: 404, api: 404, listed: [], apiTotal: 0 }

/**
 * Everything a visitor can reach: the page, its loader data and API entry, and every list
 * (board, search, API, feed, dump, outcomes, home) that names the challenge or links to it.
 */
async function publicViews(id: number, word: string) {
  const link = new RegExp(`/challenges/${id}(?![0-9])`)
  const visitor = server.client()
  const page = await visitor.get(`/challenges/${id}`)
  const data = await visitor.get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)
  const api = await visitor.get(`/api/v1/challenges/${id}`)
  const texts = await Promise.all(
    [
      '/challenges',
      `/challenges?q=${word}`,
      '/challenges?status=closed',
      '/challenges?sort=trending',
      `/api/v1/challenges?q=${word}`,
      '/api/v1/challenges?status=closed&per_page=100',
      '/feed.xml',
      '/feed.xml?status=closed',
      '/open-data/challenges.json',
      '/open-data/challenges.csv',
      '/outcomes?show=closed',
      '/',
    ].map(async (path) => [path, await (await visitor.get(path)).text()] as const),
  )
  return {
    page: page.status,
    data: data.status,
    api: api.status,
    // The search box repeats the word searched for, so a list names it by its link.
    listed: texts.filter(([, text]) => link.test(text)).map(([path]) => path),
    apiTotal: (await (await visitor.get(`/api/v1/challenges?q=${word}`)).json()).total as number,
  }
}

describe('withdrawing a challenge that was never public', () => {
  it('keeps a pending challenge out of every public view; its author still has it', async () => {
    const author = await signedIn()
    const title = uniqueTitle('Väntande utmaning')
    const word = title.split(' ').pop()!
    const id = await createChallengeFor(author.user.id, { status: 'pending', title })
    // Before: the edit page tells the author what withdrawing a pending challenge means.
    const form = await (await author.client.get(`/challenges/${id}/edit`)).text()
    expect(form).toContain('Din utmaning har inte publicerats än.')
    expect(form).toContain('kommer den aldrig att publiceras')

    expect((await withdraw(author.client, id)).status).toBe(302)
    expect(await challengeRow(id)).toMatchObject({ status: 'pending', closed_reason: null })
    expect((await challengeRow(id)).withdrawn_at).not.toBeNull()

    expect(await publicViews(id, word)).toEqual(NOTHING_PUBLIC)
    // Another member is a visitor here too.
    const other = await signedIn()
    expect((await other.client.get(`/challenges/${id}`)).status).toBe(404)

    // The author keeps it, marked withdrawn, on the page and under "My challenges".
    const own = await (await author.client.get(`/challenges/${id}`)).text()
    expect(own).toContain('Du drog tillbaka utmaningen')
    expect(own).not.toContain(`href="/challenges/${id}/edit"`)
    const mine = await (await author.client.get('/me/challenges')).text()
    expect(mine).toContain(title)
    expect(mine).toContain('Tillbakadragen')
    expect(mine).toContain('Du drog tillbaka den')

    // Nobody waits for a decision on it: the moderation queue leaves it out, and a moderator
    // cannot publish it for the author (bulk approve changes nothing; triage says why).
    const moderator = await signedIn({ role: 'moderator' })
    expect(await (await moderator.client.get('/moderation?tab=pending')).text()).not.toContain(
      title,
    )
    const bulk = await moderator.client.postPairs('/moderation?tab=pending', [
      ['ids', String(id)],
      ['action', 'approve'],
    ])
    expect(bulk.status).toBe(400)
    const row = await challengeRow(id)
    const triage = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'triage',
      version: String(row.version),
      status: 'open',
      priority: 'normal',
      categoryId: String(row.category_id),
      areaId: String(row.area_id),
    })
    expect(triage.status).toBe(400)
    expect(await triage.text()).toContain('Skribenten drog tillbaka utmaningen')
    expect((await challengeRow(id)).status).toBe('pending')
    expect(await (await moderator.client.get(`/moderation/challenges/${id}`)).text()).toContain(
      'tillbakadragen av skribenten',
    )

    // Withdrawn is final for its author: no second withdrawal, no more edits.
    expect((await withdraw(author.client, id)).status).toBe(403)
    expect((await author.client.get(`/challenges/${id}/edit`)).status).toBe(403)

    // The audit log says who withdrew it, in words.
    const log = await (await moderator.client.get('/moderation/log')).text()
    expect(log).toContain('innan den publicerades')
  })

  it('keeps a rejected challenge, edited first, out of every public view', async () => {
    const author = await signedIn()
    const id = await createChallengeFor(author.user.id, { status: 'pending' })
    const moderator = await signedIn({ role: 'moderator' })
    const reject = await moderator.client.postPairs('/moderation?tab=pending', [
      ['ids', String(id)],
      ['action', 'reject'],
    ])
    expect(reject.status).toBe(302)
    expect((await challengeRow(id)).status).toBe('rejected')

    // The author rewrites the rejected text, then withdraws it: the attack of the finding.
    const title = uniqueTitle('Omskriven avvisad text')
    const word = title.split(' ').pop()!
    const row = await challengeRow(id)
    const saved = await author.client.post(`/challenges/${id}/edit`, {
      intent: 'save',
      title,
      description: `Reklam som aldrig godkändes ${word}`,
      categoryId: String(row.category_id),
      areaId: String(row.area_id),
    })
    expect(saved.status).toBe(302)
    expect((await challengeRow(id)).title).toBe(title)
    expect(await (await author.client.get(`/challenges/${id}/edit`)).text()).toContain(
      'Moderatorerna publicerade inte den här utmaningen.',
    )
    expect((await withdraw(author.client, id)).status).toBe(302)
    expect(await challengeRow(id)).toMatchObject({ status: 'rejected', closed_reason: null })

    expect(await publicViews(id, word)).toEqual(NOTHING_PUBLIC)
    expect(await (await author.client.get('/me/challenges')).text()).toContain(title)
  })
})

describe('withdrawing a public challenge', () => {
  it('closes it as withdrawn and keeps it public, as before', async () => {
    const author = await signedIn()
    const title = uniqueTitle('Publik utmaning som dras tillbaka')
    const word = title.split(' ').pop()!
    const id = await createChallengeFor(author.user.id, { title })
    const voter = await signedIn()
    await voter.client.post(`/challenges/${id}`, { intent: 'vote' })
    expect(await (await author.client.get(`/challenges/${id}/edit`)).text()).toContain(
      'Den förblir publik med röster, kommentarer och historik',
    )

    expect((await withdraw(author.client, id)).status).toBe(302)
    expect(await challengeRow(id)).toMatchObject({
      status: 'closed',
      closed_reason: 'withdrawn',
      withdrawn_at: null,
      vote_count: 1,
    })
    const views = await publicViews(id, word)
    expect(views).toMatchObject({ page: 200, data: 200, api: 200, apiTotal: 1 })
    expect(views.listed).toEqual(
      expect.arrayContaining([
        `/challenges?q=${word}`,
        '/challenges?status=closed',
        `/api/v1/challenges?q=${word}`,
        '/feed.xml?status=closed',
        '/open-data/challenges.json',
        '/open-data/challenges.csv',
        '/outcomes?show=closed',
      ]),
    )
    const page = await (await server.client().get(`/challenges/${id}`)).text()
    expect(page).toContain('tillbakadragen av den som postade')
    // Closed is final: no second withdrawal.
    expect((await withdraw(author.client, id)).status).toBe(403)
  })

  it('refuses to withdraw a solved challenge (403), and other people’s (403)', async () => {
    const author = await signedIn()
    const id = await createChallengeFor(author.user.id)
    const stranger = await signedIn()
    expect((await withdraw(stranger.client, id)).status).toBe(403)
    await db.updateTable('challenges').set({ status: 'solved' }).where('id', '=', id).execute()
    expect((await withdraw(author.client, id)).status).toBe(403)
    expect((await challengeRow(id)).status).toBe('solved')
    const form = await (await author.client.get(`/challenges/${id}/edit`)).text()
    expect(form).toContain('En löst, stängd eller tillbakadragen utmaning kan inte dras tillbaka')
  })
})
