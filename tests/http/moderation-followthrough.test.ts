import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createUser } from '../factories'
import { startTestServer } from '../helpers/http'

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides)
  const client = server.client()
  await client.login(user.email, user.password)
  return { user, client }
}

async function configure(changes: Record<string, string>) {
  const admin = await signedIn({ role: 'admin' })
  const response = await admin.client.post('/admin/settings', {
    autoHideThreshold: '3',
    slaDays: '14',
    boardName: 'Utmana',
    townName: 'Sjöhamn',
    contactEmail: 'utmana@example.se',
    ...changes,
  })
  expect(response.status).toBe(302)
}

type Client = ReturnType<typeof server.client>

async function comment(client: Client, challengeId: number, body: string) {
  const response = await client.post(`/challenges/${challengeId}`, { intent: 'comment', body })
  expect(response.status).toBe(302)
  return Number(/#comment-(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
}

async function solution(client: Client, challengeId: number, body: string) {
  const response = await client.post(`/challenges/${challengeId}`, { intent: 'solution', body })
  expect(response.status).toBe(302)
  return Number(/#solution-(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
}

const flag = (client: Client, challengeId: number, type: string, id: number, reason = 'spam') =>
  client.post(`/challenges/${challengeId}`, {
    intent: 'flag',
    subjectType: type,
    subjectId: String(id),
    reason,
  })

describe('flagging comments and solutions from the page', () => {
  it('offers each post its own report form, with unique ids, and files the flag', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const commentId = await comment(owner.client, id, 'Köp billiga klockor här')
    const solutionId = await solution(owner.client, id, 'Ett förslag som är reklam')
    const reader = await signedIn()
    const html = await (await reader.client.get(`/challenges/${id}`)).text()
    expect(html).toContain(`id="flag-comment-${commentId}-spam"`)
    expect(html).toContain(`id="flag-solution-${solutionId}-spam"`)
    expect(html).toContain('id="flag-spam"')
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    expect(ids.length).toBe(new Set(ids).size)
    // The author is not offered to report their own comment.
    const own = await (await owner.client.get(`/challenges/${id}`)).text()
    expect(own).not.toContain(`id="flag-comment-${commentId}-spam"`)

    const sent = await flag(reader.client, id, 'comment', commentId, 'offensive')
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toBe(`/challenges/${id}?flagged=1`)
    expect(await (await reader.client.get(`/challenges/${id}?flagged=1`)).text()).toContain(
      'Tack! Din anmälan har skickats till moderatorerna.',
    )
    await flag(reader.client, id, 'solution', solutionId)
    const flags = await db
      .selectFrom('flags')
      .select(['subject_type', 'subject_id', 'reason'])
      .where('challenge_id', '=', id)
      .orderBy('id')
      .execute()
    expect(flags).toEqual([
      { subject_type: 'comment', subject_id: commentId, reason: 'offensive' },
      { subject_type: 'solution', subject_id: solutionId, reason: 'spam' },
    ])
  })

  it('answers a report without a reason with 400 on that post’s form only', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const commentId = await comment(owner.client, id, 'En helt vanlig kommentar')
    const reader = await signedIn()
    const response = await reader.client.post(`/challenges/${id}`, {
      intent: 'flag',
      subjectType: 'comment',
      subjectId: String(commentId),
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain(`id="flag-comment-${commentId}-reason-error"`)
    expect(html).not.toContain('id="flag-reason-error"')
    expect(
      await db.selectFrom('flags').select('id').where('challenge_id', '=', id).execute(),
    ).toEqual([])
  })

  it('refuses a post of another challenge (404) and bad ids (400)', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const other = await createChallengeFor(owner.user.id)
    const commentId = await comment(owner.client, other, 'Kommentar på en annan utmaning')
    const reader = await signedIn()
    expect((await flag(reader.client, id, 'comment', commentId)).status).toBe(404)
    const bad = await reader.client.post(`/challenges/${id}`, {
      intent: 'flag',
      subjectType: 'comment',
      subjectId: '1 OR 1=1',
      reason: 'spam',
    })
    expect(bad.status).toBe(400)
  })
})

describe('the flag that hides a post', () => {
  it('thanks the flagger on a page of its own when the challenge is hidden, not a 404', async () => {
    await configure({ autoHideThreshold: '2' })
    try {
      const owner = await createUser()
      const id = await createChallengeFor(owner.id, { title: 'Köp solglasögon billigt nu' })
      const first = await signedIn()
      expect((await flag(first.client, id, 'challenge', id)).headers.get('location')).toBe(
        `/challenges/${id}?flagged=1`,
      )
      const second = await signedIn()
      const response = await flag(second.client, id, 'challenge', id)
      expect(response.headers.get('location')).toBe('/flagged')
      const page = await second.client.get('/flagged')
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('Tack för din anmälan')
      expect(html).not.toContain('Köp solglasögon billigt nu')
      expect((await second.client.get(`/challenges/${id}`)).status).toBe(404)
    } finally {
      await configure({})
    }
  })

  it('tells the flagger that a comment is now hidden, on the challenge page', async () => {
    await configure({ autoHideThreshold: '2' })
    try {
      const owner = await signedIn()
      const id = await createChallengeFor(owner.user.id)
      const commentId = await comment(owner.client, id, 'Ring mig på 070-1234567')
      await flag((await signedIn()).client, id, 'comment', commentId, 'personal_data')
      const second = await signedIn()
      const response = await flag(second.client, id, 'comment', commentId, 'personal_data')
      expect(response.headers.get('location')).toBe(`/challenges/${id}?flagged=hidden`)
      const html = await (await second.client.get(`/challenges/${id}?flagged=hidden`)).text()
      expect(html).toContain('Inlägget är dolt tills en moderator har tittat på det.')
      expect(html).not.toContain('070-1234567')
    } finally {
      await configure({})
    }
  })
})

describe('a hidden comment', () => {
  it('is shown to its author with the reason, and to nobody else, not even in loader data', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const author = await signedIn({ name: 'Kalle Kommentar' })
    const commentId = await comment(author.client, id, 'Ett hemligt ilsket inlägg')
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'hide',
      subjectType: 'comment',
      subjectId: String(commentId),
      reason: 'offensive',
    })
    const own = await (await author.client.get(`/challenges/${id}`)).text()
    expect(own).toContain('Ett hemligt ilsket inlägg')
    expect(own).toContain('Dolt av en moderator: kränkande eller hotfullt innehåll')
    expect(own).toContain(`id="appeal-comment-${commentId}"`)

    for (const client of [server.client(), owner.client]) {
      const html = await (await client.get(`/challenges/${id}`)).text()
      expect(html).not.toContain('Ett hemligt ilsket inlägg')
      expect(html).not.toContain('Kalle Kommentar')
      const data = await (
        await client.get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)
      ).text()
      expect(data).not.toContain('hemligt')
      expect(data).not.toContain('Kalle Kommentar')
      expect(data).not.toContain(`"id":${commentId},`)
    }
  })
})
