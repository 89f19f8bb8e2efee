import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { saveSettings } from '../helpers/settings'

const server = testServerForFile({ trustProxy: 'loopback' })
const signedIn = server.signedIn

let network = 0
/**
 * A flagger whose flag weighs 1 (a confirmed account a month old), each from a network of its
 * own: two of them reach the threshold of 2 (issue 10, item 3).
 */
async function trustedFlagger() {
  const flagger = await server.signedIn({}, { 'X-Forwarded-For': `10.${++network}.0.1` })
  const month = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString()
  await db
    .updateTable('users')
    .set({ created_at: month } as never)
    .where('id', '=', flagger.user.id)
    .execute()
  return flagger
}

async function configure(changes: Record<string, string>) {
  await saveSettings((await signedIn({ role: 'admin' })).client, changes)
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
      const first = await trustedFlagger()
      expect((await flag(first.client, id, 'challenge', id)).headers.get('location')).toBe(
        `/challenges/${id}?flagged=1`,
      )
      const second = await trustedFlagger()
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
      await flag((await trustedFlagger()).client, id, 'comment', commentId, 'personal_data')
      const second = await trustedFlagger()
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

/** Two trusted flags hide a post by themselves (the threshold is set to 2 around each test). */
async function autoHide(challengeId: number, type: string, id: number, reason = 'spam') {
  for (let i = 0; i < 2; i++)
    await flag((await trustedFlagger()).client, challengeId, type, id, reason)
}

const post = (table: 'comments' | 'solutions', id: number) =>
  db
    .selectFrom(table)
    .select(['hidden_at', 'hidden_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
const openFlags = (type: string, id: number) =>
  db
    .selectFrom('flags')
    .select(['resolution'])
    .where('subject_type', '=', type as 'comment')
    .where('subject_id', '=', id)
    .execute()

describe('deciding on an auto-hidden post', () => {
  beforeAll(() => configure({ autoHideThreshold: '2' }))
  afterAll(() => configure({}))

  it('confirms it hidden from the triage page: flags upheld, audited, the author told', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const author = await signedIn()
    const commentId = await comment(author.client, id, 'Reklam för billiga klockor')
    await autoHide(id, 'comment', commentId, 'spam')
    expect((await post('comments', commentId)).hidden_reason).toBe('auto_flags')
    const moderator = await signedIn({ role: 'moderator' })
    const page = await (await moderator.client.get(`/moderation/challenges/${id}`)).text()
    expect(page).toContain('dolt av anmälningar, väntar på ditt beslut')
    const mailsBefore = await db
      .selectFrom('email_outbox')
      .select('id')
      .where('to_address', '=', author.user.email)
      .where('template', '=', 'postHidden')
      .execute()
    const response = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'auto-hidden',
      subjectType: 'comment',
      subjectId: String(commentId),
      decision: 'confirm',
    })
    expect(response.status).toBe(302)
    expect(await post('comments', commentId)).toMatchObject({ hidden_reason: 'spam' })
    expect((await openFlags('comment', commentId)).map((f) => f.resolution)).toEqual([
      'upheld',
      'upheld',
    ])
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'reason'])
      .where('action', '=', 'comment.hide_confirm')
      .where('subject_id', '=', commentId)
      .execute()
    expect(audit).toEqual([{ actor_id: moderator.user.id, reason: 'spam' }])
    const mails = await db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', author.user.email)
      .where('template', '=', 'postHidden')
      .execute()
    expect(mails.length).toBe(mailsBefore.length + 1)
    expect(mails.at(-1)!.text_body).toContain('reklam eller spam')
    // Decided once: a second decision is refused with a message, not a 500.
    const again = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'auto-hidden',
      subjectType: 'comment',
      subjectId: String(commentId),
      decision: 'restore',
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Någon har redan beslutat om inlägget.')
  })

  it('restores it from the flagged tab: shown again, flags dismissed', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const solutionId = await solution(owner.client, id, 'Ett förslag som <b>några</b> ogillar')
    await autoHide(id, 'solution', solutionId, 'off_topic')
    const moderator = await signedIn({ role: 'moderator' })
    const tab = await (await moderator.client.get('/moderation?tab=flagged')).text()
    // The flagged text itself, escaped, and a form for the decision.
    expect(tab).toContain('Ett förslag som &lt;b&gt;några&lt;/b&gt; ogillar')
    expect(tab).toContain(`id="decide-solution-${solutionId}"`)
    const response = await moderator.client.post('/moderation?tab=flagged', {
      intent: 'auto-hidden',
      subjectType: 'solution',
      subjectId: String(solutionId),
      decision: 'restore',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/moderation?tab=flagged&decided=restore')
    expect((await post('solutions', solutionId)).hidden_at).toBeNull()
    expect((await openFlags('solution', solutionId)).map((f) => f.resolution)).toEqual([
      'dismissed',
      'dismissed',
    ])
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain('ogillar')
  })

  it('refuses members (403), unknown posts (404) and bad decisions (400)', async () => {
    const member = await signedIn()
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const commentId = await comment(owner.client, id, 'Något som anmäls två gånger')
    await autoHide(id, 'comment', commentId)
    const form = {
      intent: 'auto-hidden',
      subjectType: 'comment',
      subjectId: String(commentId),
      decision: 'restore',
    }
    expect((await member.client.post('/moderation', form)).status).toBe(403)
    expect((await member.client.post(`/moderation/challenges/${id}`, form)).status).toBe(403)
    const moderator = await signedIn({ role: 'moderator' })
    expect(
      (await moderator.client.post('/moderation', { ...form, subjectId: '99999999' })).status,
    ).toBe(404)
    const other = await createChallengeFor(owner.user.id)
    expect((await moderator.client.post(`/moderation/challenges/${other}`, form)).status).toBe(404)
    expect(
      (await moderator.client.post('/moderation', { ...form, decision: 'delete' })).status,
    ).toBe(400)
    expect((await post('comments', commentId)).hidden_reason).toBe('auto_flags')
  })
})

describe('the moderation queue', () => {
  it('says what waits, with counts, and puts auto-hidden posts and new flags first', async () => {
    const moderator = await signedIn({ role: 'moderator' })
    const owner = await signedIn()
    const older = await createChallengeFor(owner.user.id, { title: 'Äldre anmäld utmaning' })
    const newer = await createChallengeFor(owner.user.id, { title: 'Nyare anmäld utmaning' })
    const hiddenOne = await createChallengeFor(owner.user.id, {
      title: 'Utmaning med dold kommentar',
    })
    await flag((await signedIn()).client, older, 'challenge', older)
    await db
      .updateTable('flags')
      // created_at is not updatable in the app's types; the test moves the clock back.
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000).toISOString() } as never)
      .where('challenge_id', '=', older)
      .execute()
    await flag((await signedIn()).client, newer, 'challenge', newer)
    const commentId = await comment(owner.client, hiddenOne, 'Kommentar som döljs av anmälningar')
    await db
      .updateTable('comments')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'auto_flags' })
      .where('id', '=', commentId)
      .execute()
    await db
      .insertInto('flags')
      .values({
        subject_type: 'comment',
        subject_id: commentId,
        challenge_id: hiddenOne,
        user_id: moderator.user.id,
        reason: 'spam',
        note: null,
        resolved_at: null,
        created_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      })
      .execute()
    const html = await (await moderator.client.get('/moderation?tab=flagged')).text()
    const at = (title: string) => html.indexOf(title)
    expect(at('Utmaning med dold kommentar')).toBeGreaterThan(-1)
    expect(at('Utmaning med dold kommentar')).toBeLessThan(at('Nyare anmäld utmaning'))
    expect(at('Nyare anmäld utmaning')).toBeLessThan(at('Äldre anmäld utmaning'))
    expect(html).toContain('Kommentar som döljs av anmälningar')
    // Days waiting: since the oldest open flag.
    expect(html).toMatch(/Väntat/)
    expect(html).toContain('3 dagar')
    expect(html).toContain('5 dagar')
    // The overview line.
    const overview = /<p class="overview"[^>]*>(.*?)<\/p>/s.exec(html)?.[1] ?? ''
    expect(overview).toMatch(/Väntar:/)
    expect(overview).toMatch(/automatiskt (dolt|dolda) inlägg väntar på beslut/)
    const en = await (
      await moderator.client.get('/moderation?tab=pending', { 'Accept-Language': 'en' })
    ).text()
    expect(en).toMatch(/auto-hidden posts? awaiting a decision/)
  })
})

describe('the audit log and the triage events', () => {
  it('read as sentences in the reader’s language, never as codes or JSON', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id, { title: 'Ingen kvällsbuss till hamnen' })
    const staff = await signedIn({ name: 'Göran Grön' })
    const department = await createOrganisation({
      kind: 'municipality',
      name: 'Planeringsavdelningen',
      ownerId: staff.user.id,
    })
    const moderator = await signedIn({ role: 'moderator', name: 'Maria Moderator' })
    const current = await db
      .selectFrom('challenges')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const routed = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'triage',
      version: String(current.version),
      status: 'in_progress',
      priority: 'normal',
      departmentId: String(department.id),
      contactUserId: String(staff.user.id),
      categoryId: String(current.category_id),
      areaId: String(current.area_id),
      message: 'Vi tittar på tidtabellen.',
    })
    expect(routed.status).toBe(302)
    const route =
      'Maria Moderator fördelade utmaningen ”Ingen kvällsbuss till hamnen” till Planeringsavdelningen, kontaktperson Göran Grön'
    const status =
      'Maria Moderator ändrade status för utmaningen ”Ingen kvällsbuss till hamnen” från öppen till pågår: ”Vi tittar på tidtabellen.”'
    // React 18.3's stream writes a NUL byte where a multi-byte character straddles its 2048-byte
    // buffer (react-dom-server's writeStringChunk); reported separately, ignored here.
    const decode = (html: string) =>
      html
        .replaceAll(String.fromCharCode(0), '')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/<!-- -->/g, '')
    for (const path of [
      `/moderation/challenges/${id}`,
      `/moderation/log?subject=challenge&id=${id}`,
    ]) {
      const html = decode(await (await moderator.client.get(path)).text())
      const visible = html.replace(/<script[\s\S]*?<\/script>/g, '')
      expect(visible, path).toContain(route)
      expect(visible, path).toContain(status)
      expect(visible, path).toContain('<th scope="col">Vad hände</th>')
      expect(visible, path).not.toContain('challenge.route')
      expect(visible, path).not.toContain('{"departmentId"')
    }
    const english = decode(
      await (
        await moderator.client.get(`/moderation/log?subject=challenge&id=${id}`, {
          'Accept-Language': 'en',
        })
      ).text(),
    )
    expect(english).toContain(
      'Maria Moderator routed the challenge “Ingen kvällsbuss till hamnen” to Planeringsavdelningen, contact Göran Grön',
    )
  })
})

describe('quarantine of new accounts', () => {
  beforeAll(() => configure({ quarantineNewAccounts: 'on' }))
  afterAll(() => configure({}))

  const counts = (id: number) =>
    db
      .selectFrom('challenges')
      .select(['comment_count', 'solution_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('holds a new account’s comment and proposal: its author is told what happens next, others see nothing', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    // An established member (an approved challenge) is not held.
    const regular = await signedIn()
    await createChallengeFor(regular.user.id)
    await comment(regular.client, id, 'En kommentar från en van användare')
    expect(await counts(id)).toEqual({ comment_count: 1, solution_count: 0 })

    const newcomer = await signedIn({ name: 'Nina Nykomling' })
    const commentId = await comment(newcomer.client, id, 'Min första kommentar i karantän')
    const solutionId = await solution(newcomer.client, id, 'Mitt första förslag i karantän')
    expect(await counts(id)).toEqual({ comment_count: 1, solution_count: 0 })
    const own = await (await newcomer.client.get(`/challenges/${id}`)).text()
    expect(own).toContain('Min första kommentar i karantän')
    expect(own).toContain('Mitt första förslag i karantän')
    expect(own).toContain('Väntar på granskning.')
    expect(own).toContain('Du behöver inte göra något.')

    for (const client of [server.client(), regular.client]) {
      const html = await (await client.get(`/challenges/${id}`)).text()
      expect(html).not.toContain('i karantän')
      expect(html).not.toContain('Nina Nykomling')
      const data = await (
        await client.get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)
      ).text()
      expect(data).not.toContain('karantän')
    }
    // Not in the API, search or the open-data counts either.
    const api = await (await server.client().get(`/api/v1/challenges/${id}`)).json()
    expect(JSON.stringify(api)).not.toContain('karantän')
    expect(api.data.solutions).toEqual([])
    const search = await (await server.client().get('/challenges?q=karant%C3%A4n')).text()
    expect(search).not.toContain(`/challenges/${id}"`)
    // Nobody can vote on or accept a held proposal.
    expect(
      (
        await regular.client.post(`/challenges/${id}`, {
          intent: 'vote-solution',
          targetId: String(solutionId),
        })
      ).status,
    ).toBe(404)
    // A second post still waits: nothing of theirs has been let through yet.
    const second = await comment(newcomer.client, id, 'Andra kommentaren, också i karantän')
    const row = await db
      .selectFrom('comments')
      .select('held_at')
      .where('id', 'in', [commentId, second])
      .execute()
    expect(row.every((r) => r.held_at !== null)).toBe(true)
  })

  it('lets a moderator approve or reject held posts in the pending queue', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const newcomer = await signedIn()
    const commentId = await comment(newcomer.client, id, 'En kommentar som väntar på godkännande')
    const solutionId = await solution(newcomer.client, id, 'Ett förslag som är reklam för oss')
    const moderator = await signedIn({ role: 'moderator' })
    const queue = await (await moderator.client.get('/moderation?tab=pending')).text()
    expect(queue).toContain('En kommentar som väntar på godkännande')
    expect(queue).toContain('Ett förslag som är reklam för oss')
    expect(queue).toContain(`id="held-reason-comment-${commentId}"`)

    const approve = await moderator.client.post('/moderation?tab=pending', {
      intent: 'held',
      subjectType: 'comment',
      subjectId: String(commentId),
      decision: 'approve',
    })
    expect(approve.status).toBe(302)
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain(
      'En kommentar som väntar på godkännande',
    )
    const reject = await moderator.client.post('/moderation?tab=pending', {
      intent: 'held',
      subjectType: 'solution',
      subjectId: String(solutionId),
      decision: 'reject',
      reason: 'spam',
    })
    expect(reject.status).toBe(302)
    const rejected = await db
      .selectFrom('solutions')
      .select(['held_at', 'hidden_reason'])
      .where('id', '=', solutionId)
      .executeTakeFirstOrThrow()
    expect(rejected).toEqual({ held_at: null, hidden_reason: 'spam' })
    expect(await (await server.client().get(`/challenges/${id}`)).text()).not.toContain(
      'reklam för oss',
    )
    expect(await counts(id)).toEqual({ comment_count: 1, solution_count: 1 })
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', 'in', [commentId, solutionId])
      .where('action', 'in', ['comment.approve', 'solution.reject'])
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['comment.approve', 'solution.reject'])
    // Decided twice: 409 with a message; a member may not decide at all.
    const again = await moderator.client.post('/moderation?tab=pending', {
      intent: 'held',
      subjectType: 'comment',
      subjectId: String(commentId),
      decision: 'reject',
    })
    expect(again.status).toBe(409)
    expect(
      (
        await newcomer.client.post('/moderation', {
          intent: 'held',
          subjectType: 'comment',
          subjectId: String(commentId),
          decision: 'approve',
        })
      ).status,
    ).toBe(403)
    // Once approved, the newcomer posts freely.
    const free = await comment(newcomer.client, id, 'Nu publiceras det direkt')
    expect(
      (
        await db
          .selectFrom('comments')
          .select('held_at')
          .where('id', '=', free)
          .executeTakeFirstOrThrow()
      ).held_at,
    ).toBeNull()
  })
})
