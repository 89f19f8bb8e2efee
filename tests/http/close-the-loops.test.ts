import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { challengeRow } from '../helpers/challenge-rows'

// Issue 9: what a moderator decides reaches a department that answers, and everyone hears
// what happened, in words.
const server = testServerForFile()
const signedIn = server.signedIn

const notificationsOf = (userId: number, challengeId?: number) =>
  db
    .selectFrom('notifications')
    .select(['kind', 'payload'])
    .where('user_id', '=', userId)
    .$if(challengeId !== undefined, (qb) => qb.where('challenge_id', '=', challengeId!))
    .orderBy('id')
    .execute()
const html = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')

async function department(name: string, people: number[]) {
  const org = await createOrganisation({ kind: 'municipality', name, ownerId: people[0] })
  for (const userId of people.slice(1)) {
    await db
      .insertInto('memberships')
      .values({ organisation_id: org.id, user_id: userId, role: 'member', status: 'active' })
      .execute()
  }
  return org
}

function triageForm(
  current: Awaited<ReturnType<typeof challengeRow>>,
  extra: Record<string, string>,
) {
  return {
    intent: 'triage',
    version: String(current.version),
    status: current.status,
    priority: current.priority,
    categoryId: String(current.category_id),
    areaId: String(current.area_id),
    ...extra,
  }
}

describe('routing to a department', () => {
  it('routes to a new department and one of its people in one submit, with a template', async () => {
    const author = await signedIn()
    const follower = await signedIn()
    const goran = await signedIn({ name: 'Göran Gatukontoret' })
    const colleague = await signedIn()
    const planning = await department('Gatukontoret', [goran.user.id, colleague.user.id])
    const id = await createChallengeFor(author.user.id, { title: 'Trasig gatlykta vid torget' })
    await follower.client.post(`/challenges/${id}`, { intent: 'follow' })
    const template = await db
      .insertInto('reply_templates')
      .values({
        name: 'Skickad',
        body_sv: 'Tack! Vi har skickat detta till rätt förvaltning.',
        body_en: 'Thanks! We have sent this to the right department.',
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const moderator = await signedIn({ role: 'moderator', name: 'Maria Moderator' })

    // The contact list offers every department's people, grouped by department.
    const page = await html(await moderator.client.get(`/moderation/challenges/${id}`))
    expect(page).toContain('<optgroup label="Gatukontoret">')
    expect(page).toContain('Göran Gatukontoret')

    const routed = await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), {
        departmentId: String(planning.id),
        contactUserId: String(goran.user.id),
        templateId: String(template.id),
      }),
    )
    expect(routed.status).toBe(302)
    expect(await challengeRow(id)).toMatchObject({
      department_id: planning.id,
      contact_user_id: goran.user.id,
    })

    // The contact follows it and is told it is theirs; colleagues find it in the inbox.
    const follows = await db
      .selectFrom('follows')
      .select('user_id')
      .where('challenge_id', '=', id)
      .execute()
    expect(follows.map((f) => f.user_id)).toContain(goran.user.id)
    expect((await notificationsOf(goran.user.id, id)).map((n) => n.kind)).toContain('assigned')
    const goransList = await html(await goran.client.get('/me/notifications'))
    expect(goransList).toContain(
      'Trasig gatlykta vid torget</a>: har tilldelats dig som kontaktperson på Gatukontoret',
    )

    // The author and the followers hear who is responsible, and the template's message.
    for (const person of [author, follower]) {
      const kinds = (await notificationsOf(person.user.id, id)).map((n) => n.kind)
      expect(kinds).toEqual(expect.arrayContaining(['message', 'routed']))
      const list = await html(await person.client.get('/me/notifications'))
      expect(list).toContain('hanteras nu av Gatukontoret')
      expect(list).toContain(
        'Moderatorerna skriver: ”Tack! Vi har skickat detta till rätt förvaltning.”',
      )
    }
    // The message is published in the challenge's history; the page names the department.
    const publicPage = await html(await server.client().get(`/challenges/${id}`))
    expect(publicPage).toContain('Tack! Vi har skickat detta till rätt förvaltning.')
    expect(publicPage).toContain('Meddelande från moderatorerna')
    expect(publicPage).toMatch(
      /Ansvarig förvaltning:\s*<a [^>]*href="\/organisations\/[^"]+">Gatukontoret/,
    )

    // Göran's inbox puts it first and marks it his; the colleague sees it too.
    const inbox = await html(await goran.client.get('/inbox'))
    expect(inbox).toContain('Trasig gatlykta vid torget')
    expect(inbox).toContain('<strong>Du</strong>')
    const mine = await html(await goran.client.get('/inbox?show=mine'))
    expect(mine).toContain('Trasig gatlykta vid torget')
    expect(await html(await colleague.client.get('/inbox?show=mine'))).not.toContain(
      'Trasig gatlykta vid torget',
    )
    expect(await html(await colleague.client.get('/inbox'))).toContain('Trasig gatlykta vid torget')

    // He answers officially; the author's notification quotes it and names the department.
    const answered = await goran.client.post(`/challenges/${id}`, {
      intent: 'official-response',
      body: 'Vi **byter** lyktan på tisdag.\n\nMvh Gatukontoret',
    })
    expect(answered.status).toBe(302)
    expect(await html(await author.client.get('/me/notifications'))).toContain(
      'Gatukontoret svarade officiellt: ”Vi byter lyktan på tisdag. Mvh Gatukontoret”',
    )
    expect(await html(await goran.client.get('/inbox?show=answered'))).toContain(
      'Trasig gatlykta vid torget',
    )
    expect(await html(await goran.client.get('/inbox'))).toContain('Ja,')
  })

  it('routing without a contact tells the department’s members it waits in their inbox', async () => {
    const author = await createUser()
    const staff = await signedIn()
    const parks = await department('Parkförvaltningen', [staff.user.id])
    const id = await createChallengeFor(author.id)
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), { departmentId: String(parks.id) }),
    )
    expect((await notificationsOf(staff.user.id, id)).map((n) => n.kind)).toEqual(['inbox'])
    expect(await html(await staff.client.get('/me/notifications'))).toContain(
      'har skickats till din förvaltning, Parkförvaltningen',
    )
  })

  it('refuses a contact who does not work at the department, on the field, keeping the input', async () => {
    const author = await createUser()
    const outsider = await createUser({ name: 'Olle Annanstans' })
    const insider = await createUser()
    const streets = await department('Tekniska förvaltningen', [insider.id])
    await department('Kulturförvaltningen', [outsider.id])
    const id = await createChallengeFor(author.id)
    const before = await challengeRow(id)
    const moderator = await signedIn({ role: 'moderator' })
    const response = await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(before, {
        departmentId: String(streets.id),
        contactUserId: String(outsider.id),
        message: 'Vi skickar detta vidare.',
      }),
    )
    expect(response.status).toBe(400)
    const page = await html(response)
    expect(page).toMatch(
      /id="triage-contactUserId-error"[^>]*><li>Den valda personen arbetar inte på den valda förvaltningen/,
    )
    expect(page).toMatch(/<select[^>]*id="triage-contactUserId"[^>]*aria-invalid="true"/)
    // What was typed and chosen is still there.
    expect(page).toContain('Vi skickar detta vidare.</textarea>')
    expect(page).toMatch(new RegExp(`<option value="${streets.id}" selected="">`))
    // Nothing changed, and nobody was told anything.
    const after = await challengeRow(id)
    expect(after).toMatchObject({
      department_id: null,
      contact_user_id: null,
      version: before.version,
    })
    expect(await notificationsOf(author.id, id)).toEqual([])
  })

  it('re-routed in bulk, the old contact goes and the new department is told', async () => {
    const author = await createUser()
    const goran = await signedIn()
    const parks = await signedIn()
    const streets = await department('Gatuförvaltningen', [goran.user.id])
    const parksDepartment = await department('Parkenheten', [parks.user.id])
    const id = await createChallengeFor(author.id)
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), {
        departmentId: String(streets.id),
        contactUserId: String(goran.user.id),
      }),
    )
    const response = await moderator.client.postPairs('/moderation?tab=recent', [
      ['ids', String(id)],
      ['action', 'route'],
      ['departmentId', String(parksDepartment.id)],
    ])
    expect(response.status).toBe(302)
    // Göran does not work at Parkenheten: he is no longer its contact, nor told he is.
    expect(await challengeRow(id)).toMatchObject({
      department_id: parksDepartment.id,
      contact_user_id: null,
    })
    // He still follows it, so he hears where it went, like any follower.
    expect((await notificationsOf(goran.user.id, id)).map((n) => n.kind)).toEqual([
      'assigned',
      'routed',
    ])
    expect((await notificationsOf(parks.user.id, id)).map((n) => n.kind)).toEqual(['inbox'])
  })

  it('tells department staff of a pending challenge only once it is approved', async () => {
    const author = await signedIn()
    const contact = await signedIn()
    const unit = await department('Bygglovsenheten', [contact.user.id])
    const id = await createChallengeFor(author.user.id, {
      title: 'Hemlig väntande utmaning',
      status: 'pending',
    })
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), {
        departmentId: String(unit.id),
        contactUserId: String(contact.user.id),
      }),
    )
    expect(await challengeRow(id)).toMatchObject({ contact_user_id: contact.user.id })
    expect(await notificationsOf(contact.user.id, id)).toEqual([])
    expect(await html(await contact.client.get('/me/notifications'))).not.toContain(
      'Hemlig väntande utmaning',
    )
    await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), {
        status: 'open',
        departmentId: String(unit.id),
        contactUserId: String(contact.user.id),
      }),
    )
    expect((await notificationsOf(contact.user.id, id)).map((n) => n.kind)).toEqual(['assigned'])
  })

  it('tells department staff of a hidden challenge routed to them once it is restored, once', async () => {
    const author = await createUser()
    const contact = await signedIn()
    const unit = await department('Miljöenheten', [contact.user.id])
    const id = await createChallengeFor(author.id, { title: 'Dold och fördelad' })
    const moderator = await signedIn({ role: 'moderator' })
    const post = (form: Record<string, string>) =>
      moderator.client.post(`/moderation/challenges/${id}`, form)
    await post({ intent: 'hide', subjectType: 'challenge', subjectId: String(id), reason: 'spam' })
    await post(
      triageForm(await challengeRow(id), {
        departmentId: String(unit.id),
        contactUserId: String(contact.user.id),
      }),
    )
    expect(await notificationsOf(contact.user.id, id)).toEqual([])
    await post({ intent: 'restore', subjectType: 'challenge', subjectId: String(id) })
    expect((await notificationsOf(contact.user.id, id)).map((n) => n.kind)).toEqual(['assigned'])
    // Hidden and restored again: not told twice.
    await post({ intent: 'hide', subjectType: 'challenge', subjectId: String(id), reason: 'spam' })
    await post({ intent: 'restore', subjectType: 'challenge', subjectId: String(id) })
    expect((await notificationsOf(contact.user.id, id)).map((n) => n.kind)).toEqual(['assigned'])
  })

  it('lets only department staff (and moderators) open an inbox', async () => {
    expect((await server.client().get('/inbox')).status).toBe(302)
    const member = await signedIn()
    expect((await member.client.get('/inbox')).status).toBe(403)
    const staff = await signedIn()
    await department('Miljöförvaltningen', [staff.user.id])
    expect((await staff.client.get('/inbox')).status).toBe(200)
    expect(await html(await staff.client.get('/inbox'))).toContain('Inget väntar hos förvaltningen')
    expect((await staff.client.get('/inbox?show=everything')).status).toBe(400)
    expect((await staff.client.get('/inbox?department=999999')).status).toBe(400)
    // The header links to it only for those who have one.
    expect(await html(await staff.client.get('/'))).toContain('href="/inbox"')
    expect(await html(await member.client.get('/'))).not.toContain('href="/inbox"')
  })
})

describe('decisions are told', () => {
  it('tells a public message without a status change to the author and followers', async () => {
    const author = await signedIn()
    const id = await createChallengeFor(author.user.id)
    const moderator = await signedIn({ role: 'moderator' })
    const response = await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), { message: 'Vi återkommer efter nämndens möte.' }),
    )
    expect(response.status).toBe(302)
    expect((await challengeRow(id)).status).toBe('open')
    expect(await html(await author.client.get('/me/notifications'))).toContain(
      'Moderatorerna skriver: ”Vi återkommer efter nämndens möte.”',
    )
  })

  it('names the new status, in the reader’s language', async () => {
    const author = await signedIn()
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', author.user.id).execute()
    const id = await createChallengeFor(author.user.id)
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(
      `/moderation/challenges/${id}`,
      triageForm(await challengeRow(id), { status: 'in_progress', message: 'Work starts Monday.' }),
    )
    const list = await html(
      await author.client.get('/me/notifications', { 'Accept-Language': 'en' }),
    )
    expect(list).toContain('is now in progress: “Work starts Monday.”')
  })

  it('tells the duplicate’s author and followers where a merged challenge went', async () => {
    const author = await signedIn()
    const follower = await signedIn()
    const other = await createUser()
    const duplicate = await createChallengeFor(author.user.id, {
      title: 'Buss till hamnen på kvällen',
    })
    const original = await createChallengeFor(other.id, { title: 'Ingen kvällsbuss till hamnen' })
    await follower.client.post(`/challenges/${duplicate}`, { intent: 'follow' })
    const moderator = await signedIn({ role: 'moderator' })
    const merged = await moderator.client.post(`/moderation/challenges/${duplicate}`, {
      intent: 'merge',
      intoId: String(original),
    })
    expect(merged.status).toBe(302)
    for (const person of [author, follower]) {
      expect((await notificationsOf(person.user.id, duplicate)).map((n) => n.kind)).toEqual([
        'merged',
      ])
      const list = await html(await person.client.get('/me/notifications'))
      expect(list).toContain(
        `href="/challenges/${original}">Buss till hamnen på kvällen</a>: slogs ihop med ”Ingen kvällsbuss till hamnen”`,
      )
    }
  })

  it('refuses to merge into a challenge that is not public, naming it to nobody', async () => {
    const author = await signedIn()
    const duplicate = await createChallengeFor(author.user.id)
    const hidden = await createChallengeFor(author.user.id, { title: 'Dold målutmaning' })
    await db
      .updateTable('challenges')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden)
      .execute()
    const moderator = await signedIn({ role: 'moderator' })
    const response = await moderator.client.post(`/moderation/challenges/${duplicate}`, {
      intent: 'merge',
      intoId: String(hidden),
    })
    expect(response.status).toBe(400)
    expect(await html(response)).toContain('Den utmaningen är inte publik')
    expect((await challengeRow(duplicate)).merged_into_id).toBeNull()
    expect(await notificationsOf(author.user.id, duplicate)).toEqual([])
  })

  it('tells the appellant the decision with the moderator’s note', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const author = await signedIn()
    await author.client.post(`/challenges/${id}`, { intent: 'comment', body: 'Dumt förslag!' })
    const comment = await db
      .selectFrom('comments')
      .select('id')
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    const moderator = await signedIn({ role: 'moderator' })
    await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'hide',
      subjectType: 'comment',
      subjectId: String(comment.id),
      reason: 'offensive',
    })
    await author.client.post(`/challenges/${id}`, {
      intent: 'appeal',
      subjectType: 'comment',
      subjectId: String(comment.id),
      body: 'Det var inte menat så.',
    })
    const appeal = await db
      .selectFrom('appeals')
      .select('id')
      .where('subject_id', '=', comment.id)
      .executeTakeFirstOrThrow()
    const decided = await moderator.client.post(`/moderation/challenges/${id}`, {
      intent: 'appeal',
      appealId: String(appeal.id),
      restore: 'no',
      note: 'Kommentaren riktar sig mot en person, inte mot förslaget.',
    })
    expect(decided.status).toBe(302)
    expect(await html(await author.client.get('/me/notifications'))).toContain(
      'Din överklagan avslogs: din kommentar förblir dold. Moderatorns kommentar: ”Kommentaren riktar sig mot en person, inte mot förslaget.”',
    )
  })
})
