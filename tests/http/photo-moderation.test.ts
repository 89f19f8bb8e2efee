// Issue 13, item 4: moderators hide and restore a single photo from the triage page (audited,
// its author mailed, who sees the reason and may appeal); photos are flaggable, flags weigh as
// for posts; photos on a post held by pre-moderation or quarantine are not served to others
// until it is approved. Through the real server, on both databases.
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { pledge } from '~/models/pledge.server'
import { proposeSolution } from '~/models/solution.server'
import { createChallengeFor, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { multipart, smallPng } from '../helpers/photos'
import { addPhoto } from '../helpers/photo-rows'
import { saveSettings } from '../helpers/settings'

const server = testServerForFile({ trustProxy: 'loopback' })

const DAY = 24 * 60 * 60 * 1000

const photoRow = (id: number) =>
  db
    .selectFrom('photos')
    .select(['hidden_at', 'hidden_reason', 'hidden_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const audits = (subjectId: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'reason'])
    .where('subject_type', '=', 'photo')
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute()

const served = async (client: Client, key: string) =>
  (await client.get(`/photos/${key}/page.webp`)).status

/** A public challenge by a new member with one photo of theirs on it. */
async function challengeWithPhoto(alt = 'Trasig bänk vid hållplatsen') {
  const author = await server.signedIn()
  const challengeId = await createChallengeFor(author.user.id)
  const photo = await addPhoto({ userId: author.user.id, target: { challengeId }, alt })
  return { author, challengeId, photo }
}

describe('hiding a single photo from the triage page', () => {
  it('lists every photo of the challenge with its alt text, hides one with a reason, tells its author and restores it', async () => {
    const { author, challengeId, photo } = await challengeWithPhoto()
    const proposer = await createUser()
    const solutionId = await proposeSolution({
      challengeId,
      authorId: proposer.id,
      organisationId: null,
      body: 'Ett förslag',
    })
    const onSolution = await addPhoto({
      userId: proposer.id,
      target: { solutionId },
      alt: 'Skiss av en ny bänk',
    })
    const moderator = await server.signedIn({ role: 'moderator' })
    const triage = await (
      await moderator.client.get(`/moderation/challenges/${challengeId}`)
    ).text()
    expect(triage).toContain('Trasig bänk vid hållplatsen')
    expect(triage).toContain('Skiss av en ny bänk')
    expect(triage).toContain(`/photos/${photo.key}/card.webp`)
    expect(triage).toContain(`id="reason-photo-${photo.id}"`)
    expect(triage).toContain(`id="reason-photo-${onSolution.id}"`)

    const hide = await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'hide',
      subjectType: 'photo',
      subjectId: String(photo.id),
      reason: 'personal_data',
    })
    expect(hide.status).toBe(302)
    expect(await photoRow(photo.id)).toMatchObject({
      hidden_reason: 'personal_data',
      hidden_by: moderator.user.id,
    })
    expect((await photoRow(photo.id)).hidden_at).not.toBeNull()
    expect(await audits(photo.id)).toEqual([
      { action: 'photo.hide', actor_id: moderator.user.id, reason: 'personal_data' },
    ])
    const mail = await db
      .selectFrom('email_outbox')
      .select(['template', 'text_body'])
      .where('to_address', '=', author.user.email)
      .where('template', '=', 'photoHidden')
      .execute()
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text_body).toContain('personuppgifter om andra')

    // Gone for everyone else, its page and its data included; its author reads the reason.
    expect(await served(server.client(), photo.key)).toBe(404)
    expect(await served((await server.signedIn()).client, photo.key)).toBe(404)
    expect(await served(author.client, photo.key)).toBe(200)
    expect(await served(moderator.client, photo.key)).toBe(200)
    for (const url of [
      `/challenges/${challengeId}`,
      `/challenges/${challengeId}?_data=routes%2Fchallenges.%24id`,
    ])
      expect(await (await server.client().get(url)).text()).not.toContain(photo.key)
    const own = await (await author.client.get(`/challenges/${challengeId}`)).text()
    expect(own).toContain('Fotot är dolt av en moderator och syns inte för andra.')
    expect(own).toContain('personuppgifter om andra')
    expect(own).toContain(`id="appeal-photo-${photo.id}"`)

    // The triage page says so, and names it in the audit trail.
    const after = await (await moderator.client.get(`/moderation/challenges/${challengeId}`)).text()
    expect(after).toContain('dolt: personuppgifter om andra')
    expect(after).toContain(`foto nr ${photo.id}`)

    const restore = await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'restore',
      subjectType: 'photo',
      subjectId: String(photo.id),
    })
    expect(restore.status).toBe(302)
    expect(await photoRow(photo.id)).toEqual({
      hidden_at: null,
      hidden_reason: null,
      hidden_by: null,
    })
    expect((await audits(photo.id)).map((a) => a.action)).toEqual(['photo.hide', 'photo.restore'])
    expect(await served(server.client(), photo.key)).toBe(200)
  })

  it("refuses another challenge's photo, unknown photos and members", async () => {
    const { challengeId, photo } = await challengeWithPhoto()
    const elsewhere = await createChallengeFor((await createUser()).id)
    const moderator = await server.signedIn({ role: 'moderator' })
    const hide = (client: Client, at: number, id: number) =>
      client.post(`/moderation/challenges/${at}`, {
        intent: 'hide',
        subjectType: 'photo',
        subjectId: String(id),
        reason: 'spam',
      })
    expect((await hide(moderator.client, elsewhere, photo.id)).status).toBe(404)
    expect((await hide(moderator.client, challengeId, 987_654)).status).toBe(404)
    expect((await hide((await server.signedIn()).client, challengeId, photo.id)).status).toBe(403)
    expect((await photoRow(photo.id)).hidden_at).toBeNull()
    expect(await audits(photo.id)).toEqual([])
  })

  it('lets the author appeal once, and an upheld appeal shows the photo again', async () => {
    const { author, challengeId, photo } = await challengeWithPhoto()
    const moderator = await server.signedIn({ role: 'moderator' })
    await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'hide',
      subjectType: 'photo',
      subjectId: String(photo.id),
      reason: 'offensive',
    })
    // Nobody else may appeal it.
    const stranger = await server.signedIn()
    const appeal = (client: Client) =>
      client.post(`/challenges/${challengeId}`, {
        intent: 'appeal',
        subjectType: 'photo',
        subjectId: String(photo.id),
        body: 'Bilden visar bara bänken, inga personer.',
      })
    expect((await appeal(stranger.client)).status).toBe(403)
    expect((await appeal(author.client)).status).toBe(302)
    const row = await db
      .selectFrom('appeals')
      .select(['id', 'challenge_id', 'status'])
      .where('subject_type', '=', 'photo')
      .where('subject_id', '=', photo.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ challenge_id: challengeId, status: 'open' })
    const own = await (await author.client.get(`/challenges/${challengeId}`)).text()
    expect(own).not.toContain(`id="appeal-photo-${photo.id}"`)

    const queue = await (await moderator.client.get('/moderation?tab=appeals')).text()
    expect(queue).toContain('Bilden visar bara bänken')
    const decide = await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'appeal',
      appealId: String(row.id),
      restore: 'yes',
      note: 'Du har rätt.',
    })
    expect(decide.status).toBe(302)
    expect((await photoRow(photo.id)).hidden_at).toBeNull()
    expect(await served(server.client(), photo.key)).toBe(200)
    const told = await db
      .selectFrom('notifications')
      .select(['kind', 'payload'])
      .where('user_id', '=', author.user.id)
      .where('kind', '=', 'appeal_decided')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(told.payload)).toMatchObject({ subject: 'photo', restored: true })
    const list = await (await author.client.get('/me/notifications')).text()
    expect(list).toContain('ditt foto')
  })
})

describe('flagging a photo', () => {
  /** A signed-in flagger at `ip` whose account is confirmed and `ageDays` old. */
  async function flagger(ip: string, ageDays = 30) {
    const { user, client } = await server.signedIn({}, { 'X-Forwarded-For': ip })
    const created = new Date(Date.now() - ageDays * DAY).toISOString()
    await db
      .updateTable('users')
      .set({ created_at: created, email_verified_at: created } as never)
      .where('id', '=', user.id)
      .execute()
    return { user, client }
  }
  const flag = (client: Client, challengeId: number, photoId: number, note = '') =>
    client.post(`/challenges/${challengeId}`, {
      intent: 'flag',
      subjectType: 'photo',
      subjectId: String(photoId),
      reason: 'personal_data',
      note,
    })

  it('offers the flag form under others’ photos, stores the flag and shows it to moderators', async () => {
    const { author, challengeId, photo } = await challengeWithPhoto('Skylt med ett bilnummer')
    const member = await server.signedIn()
    const page = await (await member.client.get(`/challenges/${challengeId}`)).text()
    expect(page).toContain(`id="flag-photo-${photo.id}"`)
    // Not under one's own photo, nor for a visitor.
    expect(await (await author.client.get(`/challenges/${challengeId}`)).text()).not.toContain(
      `id="flag-photo-${photo.id}"`,
    )
    expect(await (await server.client().get(`/challenges/${challengeId}`)).text()).not.toContain(
      `id="flag-photo-${photo.id}"`,
    )

    const response = await flag(member.client, challengeId, photo.id, 'Registreringsskylten syns')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/challenges/${challengeId}?flagged=1`)
    const stored = await db
      .selectFrom('flags')
      .select(['challenge_id', 'reason', 'note'])
      .where('subject_type', '=', 'photo')
      .where('subject_id', '=', photo.id)
      .execute()
    expect(stored).toEqual([
      { challenge_id: challengeId, reason: 'personal_data', note: 'Registreringsskylten syns' },
    ])
    const moderator = await server.signedIn({ role: 'moderator' })
    const triage = await (
      await moderator.client.get(`/moderation/challenges/${challengeId}`)
    ).text()
    expect(triage).toContain('Registreringsskylten syns')
    expect(triage).toContain('1 öppen anmälan')
    const queue = await (await moderator.client.get('/moderation?tab=flagged')).text()
    expect(queue).toContain(`Foto #${photo.id}`)
    expect(queue).toContain('Skylt med ett bilnummer')
  })

  it('refuses a flag on a hidden photo, a photo of another challenge and a photo on a held proposal', async () => {
    const { challengeId, photo } = await challengeWithPhoto()
    const other = await challengeWithPhoto()
    const member = await server.signedIn()
    expect((await flag(member.client, other.challengeId, photo.id)).status).toBe(404)
    const proposer = await createUser()
    const held = await proposeSolution({
      challengeId,
      authorId: proposer.id,
      organisationId: null,
      body: 'Väntar',
      held: true,
    })
    const onHeld = await addPhoto({
      userId: proposer.id,
      target: { solutionId: held },
      alt: 'Väntande skiss',
    })
    expect((await flag(member.client, challengeId, onHeld.id)).status).toBe(404)
    await db
      .updateTable('photos')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', photo.id)
      .execute()
    expect((await flag(member.client, challengeId, photo.id)).status).toBe(404)
    const count = await db
      .selectFrom('flags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_type', '=', 'photo')
      .where('subject_id', 'in', [photo.id, onHeld.id])
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('hides a photo by flag weight from two networks, and a moderator confirms or restores it', async () => {
    const { author, challengeId, photo } = await challengeWithPhoto('Ansikten på en busskö')
    const first = await flagger('198.51.100.7')
    const second = await flagger('203.0.113.9')
    const third = await flagger('192.0.2.44')
    expect((await flag(first.client, challengeId, photo.id)).status).toBe(302)
    expect((await flag(second.client, challengeId, photo.id)).status).toBe(302)
    expect((await photoRow(photo.id)).hidden_at).toBeNull()
    const third_ = await flag(third.client, challengeId, photo.id)
    expect(third_.headers.get('location')).toBe(`/challenges/${challengeId}?flagged=hidden`)
    expect(await photoRow(photo.id)).toMatchObject({ hidden_reason: 'auto_flags', hidden_by: null })
    expect(await served(server.client(), photo.key)).toBe(404)
    expect(await served(author.client, photo.key)).toBe(200)
    expect((await audits(photo.id)).map((a) => a.action)).toEqual(['photo.auto_hide'])

    // The triage page and the queue ask for a decision.
    const moderator = await server.signedIn({ role: 'moderator' })
    const triage = await (
      await moderator.client.get(`/moderation/challenges/${challengeId}`)
    ).text()
    expect(triage).toContain(`aria-label="Behåll dolt: Foto #${photo.id}"`)
    const queue = await (await moderator.client.get('/moderation?tab=flagged')).text()
    expect(queue).toContain(`id="decide-photo-${photo.id}"`)

    const confirm = await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'auto-hidden',
      subjectType: 'photo',
      subjectId: String(photo.id),
      decision: 'confirm',
    })
    expect(confirm.status).toBe(302)
    expect(await photoRow(photo.id)).toMatchObject({ hidden_reason: 'personal_data' })
    const open = await db
      .selectFrom('flags')
      .select('resolution')
      .where('subject_type', '=', 'photo')
      .where('subject_id', '=', photo.id)
      .execute()
    expect(open.map((f) => f.resolution)).toEqual(['upheld', 'upheld', 'upheld'])
    expect((await audits(photo.id)).map((a) => a.action)).toEqual([
      'photo.auto_hide',
      'photo.hide_confirm',
    ])
  })

  it('never hides a staff member’s photo by flags alone: the flags are escalated', async () => {
    const staff = await createUser({ role: 'moderator' })
    const challengeId = await createChallengeFor(staff.id)
    const photo = await addPhoto({ userId: staff.id, target: { challengeId }, alt: 'Karta' })
    for (const ip of ['198.51.100.70', '203.0.113.90', '192.0.2.140']) {
      const who = await flagger(ip)
      expect((await flag(who.client, challengeId, photo.id)).status).toBe(302)
    }
    expect((await photoRow(photo.id)).hidden_at).toBeNull()
    const escalated = await db
      .selectFrom('flags')
      .select('escalated_at')
      .where('subject_type', '=', 'photo')
      .where('subject_id', '=', photo.id)
      .execute()
    expect(escalated.every((f) => f.escalated_at !== null)).toBe(true)
    expect((await audits(photo.id)).map((a) => a.action)).toEqual(['photo.auto_hide_withheld'])
  })
})

describe('photos on held posts wait with them', () => {
  it('keeps a pending challenge’s photos from others until a moderator approves it', async () => {
    const admin = await server.signedIn({ role: 'admin' })
    await saveSettings(admin.client, { preModeration: 'on' })
    try {
      const { user, client } = await server.signedIn()
      const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow()
      const area = await db.selectFrom('areas').select('id').executeTakeFirstOrThrow()
      const response = await client.request('/challenges/new', {
        method: 'POST',
        body: multipart(
          {
            intent: 'post',
            title: 'Nedskräpad strand vid badplatsen',
            description: 'Plast och glas i sanden efter helgen.',
            categoryId: String(category.id),
            areaId: String(area.id),
            newPhotoAlt: 'Plastflaskor i sanden',
          },
          [{ name: 'strand.png', bytes: await smallPng(), type: 'image/png' }],
        ),
      })
      expect(response.status).toBe(302)
      const challengeId = Number(/\/challenges\/(\d+)/.exec(response.headers.get('location')!)![1])
      const { status } = await db
        .selectFrom('challenges')
        .select('status')
        .where('id', '=', challengeId)
        .executeTakeFirstOrThrow()
      expect(status).toBe('pending')
      const photo = await db
        .selectFrom('photos')
        .select(['key', 'user_id'])
        .where('challenge_id', '=', challengeId)
        .executeTakeFirstOrThrow()
      expect(photo.user_id).toBe(user.id)
      const member = await server.signedIn()
      expect(await served(server.client(), photo.key)).toBe(404)
      expect(await served(member.client, photo.key)).toBe(404)
      expect(await served(client, photo.key)).toBe(200)
      const moderator = await server.signedIn({ role: 'moderator' })
      expect(await served(moderator.client, photo.key)).toBe(200)

      const approve = await moderator.client.postPairs('/moderation?tab=pending', [
        ['ids', String(challengeId)],
        ['action', 'approve'],
      ])
      expect(approve.status).toBe(302)
      expect(await served(server.client(), photo.key)).toBe(200)
    } finally {
      await saveSettings(admin.client, {})
    }
  })

  it('keeps the photos of a held proposal and of a held pledge’s update from others until approved', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const newcomer = await server.signedIn()
    const solutionId = await proposeSolution({
      challengeId,
      authorId: newcomer.user.id,
      organisationId: null,
      body: 'Fler papperskorgar',
      held: true,
    })
    const onSolution = await addPhoto({
      userId: newcomer.user.id,
      target: { solutionId },
      alt: 'Papperskorg vid stigen',
    })
    // A held pledge cannot report progress through the page; the rule is checked all the same.
    const pledgeId = await pledge({
      challengeId,
      userId: newcomer.user.id,
      organisationId: null,
      plan: 'Vi städar',
      held: true,
    })
    const update = await db
      .insertInto('pledge_updates')
      .values({
        pledge_id: pledgeId,
        author_id: newcomer.user.id,
        body_md: 'Halvvägs',
        body_html: '<p>Halvvägs</p>',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const onUpdate = await addPhoto({
      userId: newcomer.user.id,
      target: { pledgeUpdateId: update.id },
      alt: 'Fyllda sopsäckar',
    })
    const member = await server.signedIn()
    for (const photo of [onSolution, onUpdate]) {
      expect(await served(server.client(), photo.key)).toBe(404)
      expect(await served(member.client, photo.key)).toBe(404)
      expect(await served(newcomer.client, photo.key)).toBe(200)
    }
    for (const client of [server.client(), member.client]) {
      const page = await (await client.get(`/challenges/${challengeId}`)).text()
      expect(page).not.toContain(onSolution.key)
      expect(page).not.toContain(onUpdate.key)
    }

    const moderator = await server.signedIn({ role: 'moderator' })
    const approve = await moderator.client.post('/moderation?tab=pending', {
      intent: 'held',
      subjectType: 'solution',
      subjectId: String(solutionId),
      decision: 'approve',
    })
    expect(approve.status).toBe(302)
    expect(await served(server.client(), onSolution.key)).toBe(200)
    expect(await served(server.client(), onUpdate.key)).toBe(404)
  })
})
