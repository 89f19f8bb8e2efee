import { describe, expect, it } from 'vitest'
import { saveSettings } from '../helpers/settings'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { challengeRow } from '../helpers/challenge-rows'
import { countRows } from '../helpers/count-rows'

const server = testServerForFile({ trustProxy: 'loopback' })
const signedIn = server.signedIn

/** Change settings the way an admin does, so the server's own settings cache hears of it. */
async function configure(changes: Record<string, string>) {
  const admin = await signedIn({ role: 'admin' })
  await saveSettings(admin.client, changes)
}

const audits = (action: string, subjectId: number) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute()

describe('bulk actions', () => {
  it('approves pending challenges with a template message, all in one go and audited', async () => {
    const author = await createUser()
    const ids = [
      await createChallengeFor(author.id, { status: 'pending' }),
      await createChallengeFor(author.id, { status: 'pending' }),
    ]
    const template = await db
      .insertInto('reply_templates')
      .values({
        name: 'Godkänd',
        body_sv: 'Välkommen till tavlan!',
        body_en: 'Welcome to the board!',
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const { client } = await signedIn({ role: 'moderator' })
    const body = [
      ...ids.map((id) => ['ids', String(id)]),
      ['action', 'approve'],
      ['templateId', String(template.id)],
    ]
    const response = await client.postPairs('/moderation?tab=pending', body)
    expect(response.status).toBe(302)
    for (const id of ids) {
      expect((await challengeRow(id)).status).toBe('open')
      const history = await db
        .selectFrom('challenge_status_history')
        .select(['to_status', 'message'])
        .where('challenge_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(history).toEqual({ to_status: 'open', message: 'Välkommen till tavlan!' })
      expect(await audits('challenge.status', id)).toHaveLength(1)
    }
  })

  it('dismisses the open flags of the selected challenges without hiding anything', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const flagger = await signedIn()
    await flagger.client.post(`/challenges/${id}`, {
      intent: 'flag',
      subjectType: 'challenge',
      subjectId: String(id),
      reason: 'off_topic',
    })
    const { client } = await signedIn({ role: 'moderator' })
    const body = [
      ['ids', String(id)],
      ['action', 'dismiss'],
    ]
    expect((await client.postPairs('/moderation?tab=flagged', body)).status).toBe(302)
    const flags = await db
      .selectFrom('flags')
      .select(['resolved_at', 'resolution'])
      .where('challenge_id', '=', id)
      .execute()
    expect(flags.map((f) => f.resolution)).toEqual(['dismissed'])
    expect((await challengeRow(id)).hidden_at).toBeNull()
  })

  it('changes nothing when one of the selected cannot be handled', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id, { status: 'pending' })
    const { client } = await signedIn({ role: 'moderator' })
    const body = [
      ['ids', String(id)],
      ['ids', '999999'],
      ['action', 'reject'],
    ]
    const response = await client.postPairs('/moderation', body)
    expect(response.status).toBe(400)
    expect((await challengeRow(id)).status).toBe('pending')
  })
})

describe('routing and official responses', () => {
  it('routes to a department whose member answers officially; the first answer is the response time', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const staff = await signedIn()
    const department = await createOrganisation({
      kind: 'municipality',
      name: 'Tekniska förvaltningen',
      ownerId: staff.user.id,
    })
    const moderator = await signedIn({ role: 'moderator' })
    const current = await challengeRow(id)
    const routed = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'triage',
      version: String(current.version),
      status: 'open',
      priority: 'high',
      departmentId: String(department.id),
      categoryId: String(current.category_id),
      areaId: String(current.area_id),
    })
    expect(routed.status).toBe(302)
    expect(await challengeRow(id)).toMatchObject({ department_id: department.id, priority: 'high' })

    const outsider = await signedIn()
    expect(
      (
        await outsider.client.post(`/challenges/${id}`, {
          intent: 'official-response',
          body: 'Inte min sak',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await staff.client.post(`/challenges/${id}`, {
          intent: 'official-response',
          body: 'Vi lagar lamporna i vecka 12.',
        })
      ).status,
    ).toBe(302)
    const after = await challengeRow(id)
    expect(after.first_response_at).not.toBeNull()
    const html = await (await server.client().get(`/challenges/${id}`)).text()
    expect(html).toContain('Vi lagar lamporna i vecka 12.')
    expect(html).toContain('Tekniska förvaltningen')
  })

  it('detects a stale form instead of overwriting', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const current = await challengeRow(id)
    const a = await signedIn({ role: 'moderator' })
    const b = await signedIn({ role: 'moderator' })
    const form = (priority: string) => ({
      intent: 'triage',
      version: String(current.version),
      status: 'open',
      priority,
      categoryId: String(current.category_id),
      areaId: String(current.area_id),
    })
    expect((await a.client.post(`/moderation/challenges/${id}`, form('urgent'))).status).toBe(302)
    const stale = await b.client.post(`/moderation/challenges/${id}`, form('low'))
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Någon annan har ändrat utmaningen')
    expect((await challengeRow(id)).priority).toBe('urgent')
  })

  it('refuses a note with a NUL character: 400 with the text kept, nothing stored', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const { client } = await signedIn({ role: 'moderator' })
    const notes = await countRows('internal_notes')
    const note = await client.post(`/moderation/challenges/${id}`, {
      intent: 'note',
      body: 'Ring\u0000 förvaltningen',
    })
    expect(note.status).toBe(400)
    const page = await note.text()
    expect(page).toContain('Texten innehåller tecken som inte är tillåtna.')
    expect(page).toContain('förvaltningen')
    expect(await countRows('internal_notes')).toBe(notes)
  })

  it('keeps internal notes off the public page', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const { client } = await signedIn({ role: 'moderator' })
    await client.post(`/moderation/challenges/${id}`, {
      intent: 'note',
      body: 'Hemlig anteckning 4711',
    })
    expect(await (await server.client().get(`/challenges/${id}`)).text()).not.toContain(
      'Hemlig anteckning 4711',
    )
    expect(await (await server.client().get(`/api/v1/challenges/${id}`)).text()).not.toContain(
      '4711',
    )
  })
})

describe('hiding, appeals and bans', () => {
  it('hides a comment, tells the author, takes one appeal, and restores it', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const author = await signedIn()
    await author.client.post(`/challenges/${id}`, {
      intent: 'comment',
      body: 'Ett ilsket men ärligt inlägg',
    })
    const comment = await db
      .selectFrom('comments')
      .select('id')
      .where('author_id', '=', author.user.id)
      .executeTakeFirstOrThrow()
    const moderator = await signedIn({ role: 'moderator' })
    expect(
      (
        await moderator.client.post(`/moderation/challenges/${id}`, {
          intent: 'hide',
          subjectType: 'comment',
          subjectId: String(comment.id),
          reason: 'offensive',
        })
      ).status,
    ).toBe(302)

    expect(await (await server.client().get(`/challenges/${id}`)).text()).not.toContain(
      'Ett ilsket men ärligt inlägg',
    )
    const mail = await db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', author.user.email)
      .where('template', '=', 'postHidden')
      .executeTakeFirstOrThrow()
    expect(mail.text_body).toContain('kränkande eller hotfullt innehåll')
    expect(await (await author.client.get(`/challenges/${id}`)).text()).toContain(
      'Dolt av en moderator',
    )

    const appeal = {
      intent: 'appeal',
      subjectType: 'comment',
      subjectId: String(comment.id),
      body: 'Det var inte illa menat.',
    }
    expect((await author.client.post(`/challenges/${id}`, appeal)).status).toBe(302)
    await author.client.post(`/challenges/${id}`, appeal)
    const appeals = await db
      .selectFrom('appeals')
      .selectAll()
      .where('subject_id', '=', comment.id)
      .execute()
    expect(appeals).toHaveLength(1)
    // Someone else cannot appeal for the author.
    const stranger = await signedIn()
    expect((await stranger.client.post(`/challenges/${id}`, appeal)).status).toBe(403)

    expect(
      (
        await moderator.client.post(`/moderation/challenges/${id}`, {
          intent: 'appeal',
          appealId: String(appeals[0]!.id),
          restore: 'yes',
        })
      ).status,
    ).toBe(302)
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain(
      'Ett ilsket men ärligt inlägg',
    )
    expect((await audits('comment.hide', comment.id)).length).toBe(1)
    expect((await audits('comment.restore', comment.id)).length).toBe(1)
  })

  it('hides a post by itself after three flags from established users on different networks', async () => {
    await configure({ autoHideThreshold: '3' })
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    for (let i = 0; i < 3; i++) {
      // Each weighs 1: a confirmed account a month old, on a network of its own (issue 10, item 3).
      const { user, client } = await server.signedIn({}, { 'X-Forwarded-For': `10.${i}.0.1` })
      await db
        .updateTable('users')
        .set({ created_at: new Date(Date.now() - 30 * 86_400_000).toISOString() } as never)
        .where('id', '=', user.id)
        .execute()
      await client.post(`/challenges/${id}`, {
        intent: 'flag',
        subjectType: 'challenge',
        subjectId: String(id),
        reason: 'spam',
      })
      expect(Boolean((await challengeRow(id)).hidden_at)).toBe(i === 2)
    }
    expect((await challengeRow(id)).hidden_reason).toBe('auto_flags')
    const mail = await db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', owner.email)
      .where('template', '=', 'postHidden')
      .executeTakeFirst()
    expect(mail?.text_body).toContain('flera användare har anmält inlägget')
  })

  it('bans a user: their session ends at once and login is refused', async () => {
    const banned = await signedIn()
    const moderator = await signedIn({ role: 'moderator' })
    const id = await createChallengeFor(banned.user.id)
    expect((await banned.client.get('/me')).status).toBe(200)
    expect(
      (
        await moderator.client.post(`/moderation/challenges/${id}`, {
          intent: 'ban',
          userId: String(banned.user.id),
          days: '7',
          reason: 'Upprepade personangrepp',
        })
      ).status,
    ).toBe(302)
    expect((await banned.client.get('/me')).status).toBe(302)
    expect(
      (
        await server
          .client()
          .post('/login', { email: banned.user.email, password: banned.user.password })
      ).status,
    ).toBe(401)
    expect((await audits('user.ban', banned.user.id)).length).toBe(1)
  })
})

describe('limits on moderators', () => {
  it('lets a moderator ban neither an admin, another moderator, nor themselves', async () => {
    const moderator = await signedIn({ role: 'moderator' })
    const admin = await createUser({ role: 'admin' })
    const other = await createUser({ role: 'moderator' })
    const id = await createChallengeFor(admin.id)
    for (const userId of [admin.id, other.id, moderator.user.id]) {
      const response = await moderator.client.post(`/moderation/challenges/${id}`, {
        intent: 'ban',
        userId: String(userId),
        days: '7',
        reason: 'x',
      })
      expect(response.status).toBe(403)
    }
    const banned = await db
      .selectFrom('users')
      .select('banned_until')
      .where('id', 'in', [admin.id, other.id, moderator.user.id])
      .execute()
    expect(banned.every((u) => u.banned_until === null)).toBe(true)
  })

  it('routes only to municipal departments, to contacts who work there', async () => {
    const author = await createUser()
    const id = await createChallengeFor(author.id)
    const business = await createOrganisation({ kind: 'business' })
    const { client } = await signedIn({ role: 'moderator' })
    const current = await challengeRow(id)
    const form = {
      intent: 'triage',
      version: String(current.version),
      status: 'open',
      priority: 'normal',
      categoryId: String(current.category_id),
      areaId: String(current.area_id),
    }
    expect(
      (
        await client.post(`/moderation/challenges/${id}`, {
          ...form,
          departmentId: String(business.id),
        })
      ).status,
    ).toBe(400)
    expect(
      (await client.post(`/moderation/challenges/${id}`, { ...form, departmentId: '999999' }))
        .status,
    ).toBe(400)
    expect(
      (await client.post(`/moderation/challenges/${id}`, { ...form, categoryId: '999999' })).status,
    ).toBe(400)
    expect((await challengeRow(id)).department_id).toBeNull()
  })
})

describe('merging', () => {
  it('refuses merging into itself or into a merged challenge, then merges votes without doubling', async () => {
    const owner = await createUser()
    const a = await createChallengeFor(owner.id)
    const b = await createChallengeFor(owner.id)
    const c = await createChallengeFor(owner.id)
    const voter = await signedIn()
    await voter.client.post(`/challenges/${a}`, { intent: 'vote' })
    await voter.client.post(`/challenges/${b}`, { intent: 'vote' })
    const other = await signedIn()
    await other.client.post(`/challenges/${a}`, { intent: 'vote' })
    const { client } = await signedIn({ role: 'moderator' })

    const self = await client.post(`/moderation/challenges/${a}`, {
      intent: 'merge',
      intoId: String(a),
    })
    expect(self.status).toBe(400)
    expect(await self.text()).toContain('kan inte slås ihop med sig själv')
    expect(
      (await client.post(`/moderation/challenges/${a}`, { intent: 'merge', intoId: String(b) }))
        .status,
    ).toBe(302)
    expect((await challengeRow(b)).vote_count).toBe(2)
    expect(await challengeRow(a)).toMatchObject({ merged_into_id: b, status: 'closed' })
    const into = await client.post(`/moderation/challenges/${c}`, {
      intent: 'merge',
      intoId: String(a),
    })
    expect(into.status).toBe(400)
    const old = await server.client().get(`/challenges/${a}`)
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe(`/challenges/${b}`)
  })
})

describe('pre-moderation and quarantine', () => {
  it('holds new challenges as pending, visible only to their author and moderators', async () => {
    const { categoryId, areaId } = await createTaxonomy()
    await configure({ preModeration: 'on' })
    try {
      const { client } = await signedIn()
      const response = await client.post('/challenges/new', {
        intent: 'post',
        title: 'Väntar på granskning i dag',
        description: 'Text',
        categoryId: String(categoryId),
        areaId: String(areaId),
      })
      const id = Number(/\/challenges\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
      expect((await challengeRow(id)).status).toBe('pending')
      expect((await client.get(`/challenges/${id}`)).status).toBe(200)
      expect((await server.client().get(`/challenges/${id}`)).status).toBe(404)
      const moderator = await signedIn({ role: 'moderator' })
      expect((await moderator.client.get(`/challenges/${id}`)).status).toBe(200)
      expect(await (await moderator.client.get('/moderation?tab=pending')).text()).toContain(
        'Väntar på granskning i dag',
      )
    } finally {
      await configure({})
    }
  })

  it("holds a new account's first challenge when quarantine is on", async () => {
    const { categoryId, areaId } = await createTaxonomy()
    await configure({ quarantineNewAccounts: 'on' })
    try {
      const { client } = await signedIn()
      const response = await client.post('/challenges/new', {
        intent: 'post',
        title: 'Första inlägget från ett nytt konto',
        description: 'Text',
        categoryId: String(categoryId),
        areaId: String(areaId),
      })
      const id = Number(/\/challenges\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
      expect((await challengeRow(id)).status).toBe('pending')
    } finally {
      await configure({})
    }
  })
})
