import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { mailNotifications } from '~/models/notification-mail.server'
import { listOutbox } from '~/models/outbox.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { signedInReaderForFile, testServerForFile } from '../helpers/http'
import { challengeRow } from '../helpers/challenge-rows'

const server = testServerForFile()
const signedIn = server.signedIn
// Pages are read as a member, never cached (caching has its own test).
const reader = signedInReaderForFile(server)

let n = 0
const unique = () => `${Date.now().toString(36)}${++n}`

const days = (d: number) => (d === 1 ? '1 dag' : `${d} dagar`)

/** A challenge solved by an organisation's accepted solution, posted `took` days before solving. */
async function solvedChallenge(options: { took?: number; pledgedBy?: number } = {}) {
  const { proposeSolution, acceptSolution } = await import('~/models/solution.server')
  const { markSolved } = await import('~/models/challenge.server')
  const { pledge } = await import('~/models/pledge.server')
  const author = await createUser()
  const solver = await createUser()
  const orgName = `Hamnbolaget ${unique()}`
  const org = {
    ...(await createOrganisation({ name: orgName, ownerId: solver.id })),
    name: orgName,
  }
  const title = `Trasig belysning vid bryggan ${unique()}`
  const id = await createChallengeFor(author.id, { title })
  if (options.pledgedBy) {
    await pledge({
      challengeId: id,
      userId: options.pledgedBy,
      organisationId: null,
      plan: 'Vi tar det.',
    })
  }
  const solutionId = await proposeSolution({
    challengeId: id,
    authorId: solver.id,
    organisationId: org.id,
    body: 'Vi byter armaturerna.',
  })
  await acceptSolution({ solutionId, actorId: author.id, accept: true })
  await markSolved(id, author.id)
  // Posted `took` days (and an hour) before it was solved.
  const took = options.took ?? 12
  const { solved_at } = await db
    .selectFrom('challenges')
    .select('solved_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const createdAt = new Date(Date.parse(solved_at!) - took * 86_400_000 - 3_600_000).toISOString()
  await sql`update challenges set created_at = ${createdAt} where id = ${id}`.execute(db)
  return { id, title, org, author }
}

const moderatorActor = async () => {
  const mod = await createUser({ role: 'moderator' })
  return { id: mod.id, role: 'moderator' as const }
}

async function page(path: string, client = reader.client) {
  const response = await client.get(path)
  return { status: response.status, html: await response.text() }
}

const disputesOf = (id: number) =>
  db.selectFrom('disputes').selectAll().where('challenge_id', '=', id).orderBy('id').execute()

describe('/outcomes', () => {
  it('lists a solved challenge with its solver and the days it took, in-progress with its pledger, closed with its reason', async () => {
    const solved = await solvedChallenge({ took: 12 })

    const author = await createUser()
    const pledgerName = `Pelle Pledgesson ${unique()}`
    const pledger = await createUser({ name: pledgerName })
    const inProgressTitle = `Ingen kvällsbuss till hamnen ${unique()}`
    const inProgress = await createChallengeFor(author.id, { title: inProgressTitle })
    const { pledge } = await import('~/models/pledge.server')
    await pledge({
      challengeId: inProgress,
      userId: pledger.id,
      organisationId: null,
      plan: 'Jag ordnar en skjuts.',
    })

    const closedTitle = `Fontän på torget ${unique()}`
    const closed = await createChallengeFor(author.id, { title: closedTitle })
    const { triageChallenge } = await import('~/models/triage.server')
    await triageChallenge(await moderatorActor(), {
      challengeId: closed,
      version: null,
      change: { status: 'closed', message: 'Kommunen har ingen budget för fontäner i år.' },
    })

    const solvedPage = await page('/outcomes')
    expect(solvedPage.status).toBe(200)
    expect(solvedPage.html).toContain('<h1>Utfall</h1>')
    expect(solvedPage.html).toContain(solved.title)
    expect(solvedPage.html).toContain(`href="/organisations/${solved.org.slug}"`)
    expect(solvedPage.html).toContain(solved.org.name)
    expect(solvedPage.html).toContain(days(12))
    expect(solvedPage.html).not.toContain(inProgressTitle)
    // The summary: a median computed from the solved challenges.
    expect(solvedPage.html).toMatch(/Mediantid till löst: /)

    const progressPage = await page('/outcomes?show=in_progress')
    expect(progressPage.status).toBe(200)
    expect(progressPage.html).toContain(inProgressTitle)
    expect(progressPage.html).toContain(pledgerName)
    expect(progressPage.html).not.toContain(solved.title)

    const closedPage = await page('/outcomes?show=closed')
    expect(closedPage.status).toBe(200)
    expect(closedPage.html).toContain(closedTitle)
    expect(closedPage.html).toContain('Kommunen har ingen budget för fontäner i år.')
    expect(closedPage.html).not.toContain(solved.title)
  })

  it('shows a deleted solver as a former member', async () => {
    const { proposeSolution, acceptSolution } = await import('~/models/solution.server')
    const { markSolved } = await import('~/models/challenge.server')
    const author = await createUser()
    const resident = await createUser({ name: `Rut Resident ${unique()}` })
    const title = `Skräp i parken ${unique()}`
    const id = await createChallengeFor(author.id, { title })
    const solutionId = await proposeSolution({
      challengeId: id,
      authorId: resident.id,
      organisationId: null,
      body: 'Jag samlar ihop grannarna en lördag.',
    })
    await acceptSolution({ solutionId, actorId: author.id, accept: true })
    await markSolved(id, author.id)
    const before = await page('/outcomes')
    expect(before.html).toContain('Rut Resident')
    await db
      .updateTable('challenge_solvers')
      .set({ user_id: null })
      .where('challenge_id', '=', id)
      .execute()
    const after = await page('/outcomes')
    const row = after.html.slice(after.html.indexOf(title))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Tidigare medlem')
  })

  it('hides hidden, pending, rejected and merged challenges', async () => {
    const hidden = await solvedChallenge()
    await db
      .updateTable('challenges')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden.id)
      .execute()
    const author = await createUser()
    const pendingTitle = `Väntande utmaning ${unique()}`
    await createChallengeFor(author.id, { title: pendingTitle, status: 'pending' })
    const rejectedTitle = `Avvisad utmaning ${unique()}`
    const rejected = await createChallengeFor(author.id, {
      title: rejectedTitle,
      status: 'pending',
    })
    const { triageChallenge } = await import('~/models/triage.server')
    const { mergeChallenge } = await import('~/models/merge.server')
    const moderator = await moderatorActor()
    await triageChallenge(moderator, {
      challengeId: rejected,
      version: null,
      change: { status: 'rejected', message: null },
    })
    const mergedTitle = `Dubblett om bussen ${unique()}`
    const merged = await createChallengeFor(author.id, { title: mergedTitle })
    const target = await createChallengeFor(author.id)
    await mergeChallenge(moderator, { fromId: merged, intoId: target })
    expect((await challengeRow(merged)).status).toBe('closed')

    for (const show of ['solved', 'in_progress', 'closed']) {
      const { status, html } = await page(`/outcomes?show=${show}`)
      expect(status).toBe(200)
      for (const title of [hidden.title, pendingTitle, rejectedTitle, mergedTitle]) {
        expect(html).not.toContain(title)
      }
    }
  })

  it.each([
    'show=bogus',
    'show=open',
    'show=solved&show=closed',
    'page=0',
    'page=abc',
    'page=1&page=2',
  ])('refuses ?%s with 400', async (query) => {
    expect((await server.client().get(`/outcomes?${query}`)).status).toBe(400)
  })

  it('is cached for visitors like the other public pages', async () => {
    const visitor = server.client()
    const first = await visitor.get('/outcomes?show=closed')
    expect(first.status).toBe(200)
    const second = await visitor.get('/outcomes?show=closed')
    expect(second.headers.get('x-page-cache')).toBe('hit')
  })

  it('answers a page past the last one with 404', async () => {
    expect((await server.client().get('/outcomes?page=51')).status).toBe(404)
  })
})

describe('disputing "solved"', () => {
  it('lets a member dispute once; the dispute waits in the disputes tab; a second try is refused', async () => {
    const solved = await solvedChallenge()
    const { user, client } = await signedIn()
    const before = await page(`/challenges/${solved.id}`, client)
    expect(before.html).toContain('Bestrid ”löst”')

    const reason = 'Lamporna slocknade igen efter två dagar, inget är löst.'
    const response = await client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: reason,
    })
    expect(response.status).toBe(302)
    const rows = await disputesOf(solved.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ user_id: user.id, body: reason, status: 'open' })
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'dispute.file')
      .where('subject_id', '=', solved.id)
      .execute()
    expect(audit).toEqual([{ actor_id: user.id }])

    const after = await page(`/challenges/${solved.id}`, client)
    expect(after.html).toContain('Du bestred att utmaningen är löst den')
    expect(after.html).not.toContain('Bestrid ”löst”')

    const again = await client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Ett andra försök att bestrida samma sak.',
    })
    expect(again.status).toBe(409)
    expect(await disputesOf(solved.id)).toHaveLength(1)

    const { client: mod } = await signedIn({ role: 'moderator' })
    const queue = await page('/moderation?tab=disputes', mod)
    expect(queue.status).toBe(200)
    expect(queue.html).toContain(solved.title)
    expect(queue.html).toContain(reason)
    // The tab counts open disputes.
    const open = await db
      .selectFrom('disputes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
    // The tab in the queue's tab bar (the overview line above it links there too).
    const tabs = queue.html.slice(queue.html.indexOf('class="tabs"'))
    const tab = tabs.slice(tabs.indexOf('href="/moderation?tab=disputes"'))
    expect(tab.slice(0, tab.indexOf('</a>')).replace(/<!-- -->/g, '')).toContain(
      `Bestridda <span class="count">(${Number(open.n)})</span>`,
    )
  })

  it('keeps a too-short reason with a message tied to the field (400)', async () => {
    const solved = await solvedChallenge()
    const { client } = await signedIn()
    const response = await client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Nej.',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Nej.</textarea>')
    expect(html).toContain('Minst 10 tecken')
    expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="[^"]*dispute-form-body-error/)
    expect(await disputesOf(solved.id)).toHaveLength(0)
  })

  it('sends a visitor to the login page and refuses a dispute of a challenge that is not solved', async () => {
    const solved = await solvedChallenge()
    const visitor = await server.client().post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Jag är inte inloggad men ändå.',
    })
    expect(visitor.status).toBe(302)
    expect(visitor.headers.get('location')).toContain('/login')

    const author = await createUser()
    const open = await createChallengeFor(author.id)
    const { client } = await signedIn()
    expect((await page(`/challenges/${open}`, client)).html).not.toContain('Bestrid ”löst”')
    const response = await client.post(`/challenges/${open}`, {
      intent: 'dispute',
      body: 'Den här är ju inte ens löst än.',
    })
    expect(response.status).toBe(409)
    expect(await disputesOf(solved.id)).toHaveLength(0)
    expect(await disputesOf(open)).toHaveLength(0)
  })

  it('upheld: the challenge reopens in progress, leaves the solved outcomes, and the disputer sees it', async () => {
    const pledger = await createUser()
    const solved = await solvedChallenge({ pledgedBy: pledger.id })
    const disputer = await signedIn()
    await disputer.client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Bara hälften av lamporna är bytta.',
    })
    const [dispute] = await disputesOf(solved.id)
    const { client: mod } = await signedIn({ role: 'moderator' })
    const { version } = await challengeRow(solved.id)

    // A form loaded before someone else changed the challenge is refused.
    const stale = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'uphold',
      note: 'Vi öppnar igen.',
      version: String(version + 1),
    })
    expect(stale.status).toBe(409)
    expect((await challengeRow(solved.id)).status).toBe('solved')

    const response = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'uphold',
      note: 'Arbetet är inte klart, vi öppnar utmaningen igen.',
      version: String(version),
    })
    expect(response.status).toBe(302)
    const row = await challengeRow(solved.id)
    expect(row.status).toBe('in_progress')
    expect(row.solved_at).toBeNull()
    expect(row.version).toBe(version + 1)
    const solvers = await db
      .selectFrom('challenge_solvers')
      .select('id')
      .where('challenge_id', '=', solved.id)
      .execute()
    expect(solvers).toHaveLength(0)
    const history = await db
      .selectFrom('challenge_status_history')
      .select(['from_status', 'to_status', 'message'])
      .where('challenge_id', '=', solved.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(history).toEqual({
      from_status: 'solved',
      to_status: 'in_progress',
      message: 'Arbetet är inte klart, vi öppnar utmaningen igen.',
    })
    // The author follows their challenge and hears of the status change.
    const notified = await db
      .selectFrom('notifications')
      .select('payload')
      .where('challenge_id', '=', solved.id)
      .where('user_id', '=', solved.author.id)
      .where('kind', '=', 'status')
      .execute()
    expect(notified.map((r) => JSON.parse(r.payload))).toContainEqual({
      from: 'solved',
      to: 'in_progress',
      message: 'Arbetet är inte klart, vi öppnar utmaningen igen.',
    })
    expect((await disputesOf(solved.id))[0]!.status).toBe('upheld')
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', solved.id)
      .where('action', 'in', ['dispute.uphold', 'challenge.status'])
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['challenge.status', 'dispute.uphold'])

    expect((await page('/outcomes')).html).not.toContain(solved.title)
    expect((await page('/outcomes?show=in_progress')).html).toContain(solved.title)

    const seen = await page(`/challenges/${solved.id}`, disputer.client)
    expect(seen.html).toContain('En moderator gav dig rätt')
    expect(seen.html).toContain('Arbetet är inte klart, vi öppnar utmaningen igen.')

    // Decided once: a second decision is refused.
    const twice = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'reject',
      note: 'Ändrade mig.',
      version: String(version + 1),
    })
    expect(twice.status).toBe(409)
    expect((await disputesOf(solved.id))[0]!.status).toBe('upheld')
  })

  it('upheld without a pledge: the challenge goes back to open', async () => {
    const solved = await solvedChallenge()
    const disputer = await signedIn()
    await disputer.client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Ingenting har hänt på platsen.',
    })
    const [dispute] = await disputesOf(solved.id)
    const { client: mod } = await signedIn({ role: 'moderator' })
    const response = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'uphold',
      note: 'Vi öppnar igen.',
      version: String((await challengeRow(solved.id)).version),
    })
    expect(response.status).toBe(302)
    expect((await challengeRow(solved.id)).status).toBe('open')
    for (const show of ['solved', 'in_progress', 'closed']) {
      expect((await page(`/outcomes?show=${show}`)).html).not.toContain(solved.title)
    }
  })

  it('rejected: the note is shown to the disputer and the challenge stays solved', async () => {
    const solved = await solvedChallenge()
    const disputer = await signedIn()
    await disputer.client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Jag tycker inte att det räcker.',
    })
    const [dispute] = await disputesOf(solved.id)
    const { client: mod } = await signedIn({ role: 'moderator' })
    const triage = await page(`/moderation/challenges/${solved.id}`, mod)
    expect(triage.html).toContain('Jag tycker inte att det räcker.')

    const empty = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'reject',
      note: '',
      version: String((await challengeRow(solved.id)).version),
    })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain(`id="dispute-note-${dispute!.id}-error"`)

    const response = await mod.post(`/moderation/challenges/${solved.id}`, {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'reject',
      note: 'Lamporna lyser enligt vår kontroll i går.',
      version: String((await challengeRow(solved.id)).version),
    })
    expect(response.status).toBe(302)
    expect((await challengeRow(solved.id)).status).toBe('solved')
    expect((await disputesOf(solved.id))[0]).toMatchObject({
      status: 'rejected',
      decision_note: 'Lamporna lyser enligt vår kontroll i går.',
    })
    const seen = await page(`/challenges/${solved.id}`, disputer.client)
    expect(seen.html).toContain('En moderator avslog det')
    expect(seen.html).toContain('Lamporna lyser enligt vår kontroll i går.')
    // Other visitors do not see the note.
    expect((await page(`/challenges/${solved.id}`)).html).not.toContain(
      'Lamporna lyser enligt vår kontroll i går.',
    )
    // The disputer is told in the app and, at the next mail run even on a digest, by mail,
    // with the note, in the same words.
    const told =
      'Din invändning mot ”löst” avslogs. Moderatorns kommentar: ”Lamporna lyser enligt vår kontroll i går.”'
    expect((await page('/me/notifications', disputer.client)).html).toContain(told)
    await mailNotifications('http://localhost:3000', new Date())
    const [mail] = await listOutbox({ to: disputer.user.email, template: 'notifications' })
    expect(mail?.text_body).toContain(told)
    expect(mail?.text_body).toContain(`/challenges/${solved.id}`)
  })

  it('lets only moderators decide, and only a dispute of that challenge', async () => {
    const solved = await solvedChallenge()
    const other = await solvedChallenge()
    const disputer = await signedIn()
    await disputer.client.post(`/challenges/${solved.id}`, {
      intent: 'dispute',
      body: 'Det här är inte löst alls.',
    })
    const [dispute] = await disputesOf(solved.id)
    const form = {
      intent: 'dispute',
      disputeId: String(dispute!.id),
      decision: 'uphold',
      note: 'Jag bestämmer själv.',
      version: String((await challengeRow(solved.id)).version),
    }
    const member = await signedIn()
    expect((await member.client.post(`/moderation/challenges/${solved.id}`, form)).status).toBe(403)
    expect((await member.client.get('/moderation?tab=disputes')).status).toBe(403)

    const { client: mod } = await signedIn({ role: 'moderator' })
    const wrong = await mod.post(`/moderation/challenges/${other.id}`, {
      ...form,
      version: String((await challengeRow(other.id)).version),
    })
    expect(wrong.status).toBe(404)
    expect((await disputesOf(solved.id))[0]!.status).toBe('open')
    expect((await challengeRow(solved.id)).status).toBe('solved')
    expect((await challengeRow(other.id)).status).toBe('solved')
  })
})
