import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { askFixedQuestions } from '~/models/fixed-question.server'
import { mailNotifications } from '~/models/notification-mail.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { signedInReaderForFile, testServerForFile } from '../helpers/http'
import { creditedSolvers } from '../helpers/challenge-rows'

// Issue 9, items 3 and 4, through real requests against the built server: who solved it
// (offered, preselected, refused, credited everywhere) and "is it fixed?" (asked once after N
// days, one-click links, one answer per person, public counts, the author's "not fixed").

const server = testServerForFile()
const signedIn = server.signedIn
const reader = signedInReaderForFile(server)

let n = 0
const unique = () => `${Date.now().toString(36)}${++n}`
const DAY = 86_400_000

async function html(path: string, client = reader.client) {
  const response = await client.get(path)
  expect(response.status, path).toBe(200)
  return response.text()
}

/** The checkbox offered for a candidate, or undefined when it is not offered. */
function checkbox(page: string, key: string) {
  return new RegExp(`<input[^>]*value="${key}"[^>]*>`).exec(page)?.[0]
}

/**
 * A challenge in progress: a business pledged and reported progress, a resident pledged on
 * their own without progress, another business's solution was accepted, and a third person's
 * solution was not.
 */
async function worked() {
  const { pledge, postProgress } = await import('~/models/pledge.server')
  const { proposeSolution, acceptSolution } = await import('~/models/solution.server')
  const owner = await signedIn()
  const business = await signedIn()
  const resident = await signedIn({ name: `Rut Pledgesson ${unique()}` })
  const solver = await createUser()
  const outsider = await createUser()
  const bizName = `Bryggbolaget ${unique()}`
  const biz = await createOrganisation({ name: bizName, ownerId: business.user.id })
  const solverName = `Lampfirman ${unique()}`
  const solverOrg = await createOrganisation({ name: solverName, ownerId: solver.id })
  const stranger = await createOrganisation({ name: `Främlingen ${unique()}` })
  const title = `Trasig brygga vid hamnen ${unique()}`
  const id = await createChallengeFor(owner.user.id, { title })
  const bizPledge = await pledge({
    challengeId: id,
    userId: business.user.id,
    organisationId: biz.id,
    plan: 'Vi lagar bryggan.',
  })
  await postProgress({ pledgeId: bizPledge, authorId: business.user.id, body: 'Halvvägs.' })
  const residentPledge = await pledge({
    challengeId: id,
    userId: resident.user.id,
    organisationId: null,
    plan: 'Jag hjälper till.',
  })
  const accepted = await proposeSolution({
    challengeId: id,
    authorId: solver.id,
    organisationId: solverOrg.id,
    body: 'Nya plankor.',
  })
  await acceptSolution({ solutionId: accepted, actorId: owner.user.id, accept: true })
  await proposeSolution({
    challengeId: id,
    authorId: outsider.id,
    organisationId: null,
    body: 'Riv den.',
  })
  return {
    id,
    title,
    owner,
    business,
    resident,
    biz: { ...biz, name: bizName },
    solverOrg: { ...solverOrg, name: solverName },
    stranger,
    outsider,
    bizPledge,
    residentPledge,
    accepted,
  }
}

describe('who solved it', () => {
  it('offers pledgers and accepted solutions, preselects those who worked, and credits the choice everywhere', async () => {
    const w = await worked()
    const path = `/challenges/${w.id}`
    const page = await html(path, w.owner.client)
    // Offered: both pledgers and the accepted solution's organisation; ticked: progress, accepted.
    expect(checkbox(page, `org:${w.biz.id}`)).toMatch(/checked/)
    expect(checkbox(page, `org:${w.solverOrg.id}`)).toMatch(/checked/)
    expect(checkbox(page, `user:${w.resident.user.id}`)).toBeDefined()
    expect(checkbox(page, `user:${w.resident.user.id}`)).not.toMatch(/checked/)
    // Not offered: the unaccepted solution's author, an organisation that did nothing.
    expect(checkbox(page, `user:${w.outsider.id}`)).toBeUndefined()
    expect(checkbox(page, `org:${w.stranger.id}`)).toBeUndefined()
    expect(page).toContain('Vem löste den?')
    expect(page).toContain('Kryssa för dem som gjorde jobbet')
    // Only the owner (or a moderator) is asked.
    expect(checkbox(await html(path, w.business.client), `org:${w.biz.id}`)).toBeUndefined()

    // The owner credits the business and the resident, not the accepted solution's author.
    const response = await w.owner.client.postPairs(path, [
      ['intent', 'solve'],
      ['chosen', '1'],
      ['solvers', `org:${w.biz.id}`],
      ['solvers', `user:${w.resident.user.id}`],
    ])
    expect(response.status).toBe(302)
    const status = await db
      .selectFrom('challenges')
      .select('status')
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow()
    expect(status.status).toBe('solved')
    expect(await creditedSolvers(w.id)).toEqual([
      {
        organisation_id: w.biz.id,
        user_id: w.business.user.id,
        pledge_id: w.bizPledge,
        solution_id: null,
      },
      {
        organisation_id: null,
        user_id: w.resident.user.id,
        pledge_id: w.residentPledge,
        solution_id: null,
      },
    ])
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('action', '=', 'challenge.solve')
      .where('subject_id', '=', w.id)
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(w.owner.user.id)

    // The challenge page, the business's profile, /outcomes and the open data credit them.
    const solvedPage = await html(path)
    expect(solvedPage).toMatch(new RegExp(`Löst av[\\s\\S]*${w.biz.name}`))
    expect(solvedPage).toContain(`Rut Pledgesson`)
    const solvedSection = (page: string) =>
      /<section aria-labelledby="solved-heading">[\s\S]*?<\/section>/.exec(page)?.[0] ?? ''
    expect(solvedSection(await html(`/organisations/${w.biz.slug}`))).toContain(w.title)
    // Unticked: the accepted solution's organisation keeps its proposal, not the credit.
    expect(solvedSection(await html(`/organisations/${w.solverOrg.slug}`))).not.toContain(w.title)
    const outcomes = await html('/outcomes?show=solved')
    const row = new RegExp(`<tr>(?:(?!</tr>).)*${w.title}(?:(?!</tr>).)*</tr>`, 's').exec(
      outcomes,
    )?.[0]
    expect(row).toContain(w.biz.name)
    expect(row).toContain('Rut Pledgesson')
    expect(row).not.toContain(w.solverOrg.name)
    const dump = (await (await fetch(`${server.origin}/open-data/challenges.json`)).json()) as
      | { data?: Array<{ id: number; solved_by: string[] }> }
      | Array<{ id: number; solved_by: string[] }>
    const items = Array.isArray(dump) ? dump : (dump.data ?? [])
    // Organisations only: a resident's name is personal data, never in the open data.
    expect(items.find((c) => c.id === w.id)?.solved_by).toEqual([w.biz.name])
  })

  it('refuses a choice naming someone who did not pledge or propose an accepted solution (400, message on the field, choice kept)', async () => {
    const w = await worked()
    const path = `/challenges/${w.id}`
    for (const pairs of [
      [
        ['solvers', `org:${w.biz.id}`],
        ['solvers', `org:${w.stranger.id}`],
      ],
      [
        ['solvers', `org:${w.biz.id}`],
        ['solvers', `user:${w.outsider.id}`],
      ],
      [
        ['solvers', `org:${w.biz.id}`],
        ['solvers', 'org:1 OR 1=1'],
      ],
      [
        ['solvers', `org:${w.biz.id}`],
        ['solvers', 'user:9007199254740993'],
      ],
    ] as Array<Array<[string, string]>>) {
      const response = await w.owner.client.postPairs(path, [
        ['intent', 'solve'],
        ['chosen', '1'],
        ...pairs,
      ])
      expect(response.status, JSON.stringify(pairs)).toBe(400)
      const page = await response.text()
      expect(page).toContain(
        'Bara de som antog utmaningen eller föreslog en godkänd lösning kan nämnas som lösare.',
      )
      expect(page).toMatch(/id="solve-solvers-error"/)
      // The owner's ticks come back as sent: the business ticked, the accepted solution not.
      expect(checkbox(page, `org:${w.biz.id}`)).toMatch(/checked/)
      expect(checkbox(page, `org:${w.solverOrg.id}`)).not.toMatch(/checked/)
    }
    const row = await db
      .selectFrom('challenges')
      .select('status')
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('in_progress')
    expect(await creditedSolvers(w.id)).toEqual([])
  })

  it('credits the preselected set when the post carries no choice, and nobody when all are unticked', async () => {
    const a = await worked()
    expect((await a.owner.client.post(`/challenges/${a.id}`, { intent: 'solve' })).status).toBe(302)
    expect((await creditedSolvers(a.id)).map((s) => s.organisation_id).sort()).toEqual(
      [a.biz.id, a.solverOrg.id].sort(),
    )
    const b = await worked()
    expect(
      (await b.owner.client.post(`/challenges/${b.id}`, { intent: 'solve', chosen: '1' })).status,
    ).toBe(302)
    expect(await creditedSolvers(b.id)).toEqual([])
  })

  it('lets a pledger mark the pledge done: the owner and followers are told, the owner is asked to confirm', async () => {
    const w = await worked()
    const follower = await signedIn()
    expect((await follower.client.post(`/challenges/${w.id}`, { intent: 'follow' })).status).toBe(
      302,
    )
    const path = `/challenges/${w.id}`
    // The button is the pledger's; someone else's pledge is not theirs to close.
    expect(await html(path, w.resident.client)).toContain('Vårt arbete är klart')
    expect(
      (
        await follower.client.post(path, {
          intent: 'pledge-done',
          targetId: String(w.residentPledge),
        })
      ).status,
    ).toBe(403)
    expect(
      (await w.resident.client.post(path, { intent: 'pledge-done', targetId: 'abc' })).status,
    ).toBe(404)

    const response = await w.resident.client.post(path, {
      intent: 'pledge-done',
      targetId: String(w.residentPledge),
    })
    expect(response.status).toBe(302)
    const pledge = await db
      .selectFrom('pledges')
      .select('status')
      .where('id', '=', w.residentPledge)
      .executeTakeFirstOrThrow()
    expect(pledge.status).toBe('completed')
    const told = await db
      .selectFrom('notifications')
      .select(['user_id', 'payload'])
      .where('challenge_id', '=', w.id)
      .where('kind', '=', 'pledge_done')
      .execute()
    const toldIds = told.map((r) => r.user_id)
    expect(toldIds).toContain(w.owner.user.id)
    expect(toldIds).toContain(follower.user.id)
    expect(toldIds).not.toContain(w.resident.user.id)
    expect(JSON.parse(told[0]!.payload)).toEqual({ by: expect.stringContaining('Rut Pledgesson') })
    const notices = await html('/me/notifications', w.owner.client)
    expect(notices).toContain('meddelar att arbetet är klart. Är utmaningen löst?')

    // The owner's page asks to confirm, with the resident now ticked.
    const page = await html(path, w.owner.client)
    expect(page).toMatch(/Rut Pledgesson[^<]* meddelar att arbetet är klart. Om utmaningen är löst/)
    expect(checkbox(page, `user:${w.resident.user.id}`)).toMatch(/checked/)
    // Done once: a second press is not found (the pledge is no longer active).
    expect(
      (
        await w.resident.client.post(path, {
          intent: 'pledge-done',
          targetId: String(w.residentPledge),
        })
      ).status,
    ).toBe(404)
  })
})

describe('is it fixed?', () => {
  /** A solved challenge with an author, a voter, a follower and the accepted solution's author. */
  async function solved() {
    const { proposeSolution, acceptSolution } = await import('~/models/solution.server')
    const { markSolved } = await import('~/models/challenge.server')
    const { setChallengeVote } = await import('~/models/vote.server')
    const { setFollow } = await import('~/models/follow.server')
    const author = await signedIn()
    const voter = await signedIn()
    const follower = await signedIn()
    const bystander = await signedIn()
    const solver = await createUser()
    const org = await createOrganisation({ ownerId: solver.id })
    const title = `Mörk gångtunnel ${unique()}`
    const id = await createChallengeFor(author.user.id, { title })
    await setChallengeVote({ userId: voter.user.id, challengeId: id, vote: true })
    await setFollow(id, follower.user.id, true)
    const solutionId = await proposeSolution({
      challengeId: id,
      authorId: solver.id,
      organisationId: org.id,
      body: 'Nya lampor.',
    })
    await acceptSolution({ solutionId, actorId: author.user.id, accept: true })
    await markSolved(id, author.user.id)
    // Solved at a known time, so the clock can be moved explicitly.
    const solvedAt = new Date(Date.now() - 20 * DAY)
    await sql`update challenges set solved_at = ${solvedAt.toISOString()} where id = ${id}`.execute(
      db,
    )
    return { id, title, author, voter, follower, bystander, solver, solvedAt }
  }

  const asked = (id: number) =>
    db
      .selectFrom('notifications')
      .select('user_id')
      .where('challenge_id', '=', id)
      .where('kind', '=', 'fixed_question')
      .execute()
      .then((rows) => rows.map((r) => r.user_id).sort((a, b) => a - b))

  async function answers(id: number) {
    return db
      .selectFrom('fixed_answers')
      .select(['user_id', 'fixed'])
      .where('challenge_id', '=', id)
      .orderBy('user_id')
      .execute()
  }

  /** The two links in the person's newest notification mail. */
  async function mailedLinks(email: string) {
    const mail = await db
      .selectFrom('email_outbox')
      .select(['text_body', 'html_body'])
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const links = [...mail.text_body.matchAll(/http:\/\/localhost:3000(\/fixed\/\S+)/g)].map(
      (m) => m[1]!,
    )
    return { links, mail }
  }

  it('asks the author, voters and followers once, N days after solved and not before, with working one-click links', async () => {
    const c = await solved()
    const days = 14
    const before = new Date(c.solvedAt.getTime() + days * DAY - 60_000)
    expect(await askFixedQuestions({ days, now: before })).toBe(0)
    expect(await asked(c.id)).toEqual([])

    const after = new Date(c.solvedAt.getTime() + days * DAY + 60_000)
    expect(await askFixedQuestions({ days, now: after })).toBeGreaterThanOrEqual(1)
    const audience = [c.author.user.id, c.voter.user.id, c.follower.user.id, c.solver.id]
    expect(await asked(c.id)).toEqual(audience.sort((a, b) => a - b))
    // Once: a later run asks nobody again.
    await askFixedQuestions({ days, now: new Date(after.getTime() + DAY) })
    expect(await asked(c.id)).toEqual(audience.sort((a, b) => a - b))

    // Mailed at the next run (a personal kind), with a link per answer.
    const voterEmail = (
      await db
        .selectFrom('users')
        .select('email')
        .where('id', '=', c.voter.user.id)
        .executeTakeFirstOrThrow()
    ).email
    await mailNotifications('http://localhost:3000', after)
    const { links, mail } = await mailedLinks(voterEmail)
    expect(mail.text_body).toContain('Är det fixat?')
    expect(links).toHaveLength(2)
    const [fixedLink, notFixedLink] = links as [string, string]
    expect(fixedLink).toMatch(/\?answer=fixed$/)
    expect(notFixedLink).toMatch(/\?answer=not_fixed$/)
    expect(mail.html_body).toContain(`<a href="http://localhost:3000${fixedLink}">`)

    // Opening the link changes nothing; it shows a one-button form with the answer chosen.
    const visitor = server.client()
    const opened = await visitor.get(fixedLink)
    expect(opened.status).toBe(200)
    const form = await opened.text()
    expect(checkbox(form, 'fixed')).toMatch(/checked/)
    expect(checkbox(form, 'not_fixed')).not.toMatch(/checked/)
    expect(form).toContain('Skicka mitt svar')
    expect(await answers(c.id)).toEqual([])

    // Pressing the button answers, without signing in; a second answer replaces the first.
    const pathOnly = fixedLink.split('?')[0]!
    const answered = await visitor.post(fixedLink, { answer: 'fixed' })
    expect(answered.status).toBe(200)
    expect(await answered.text()).toContain('Tack! Ditt svar är sparat')
    expect(await answers(c.id)).toEqual([{ user_id: c.voter.user.id, fixed: 1 }])
    expect((await visitor.post(pathOnly, { answer: 'not_fixed' })).status).toBe(200)
    expect(await answers(c.id)).toEqual([{ user_id: c.voter.user.id, fixed: 0 }])

    // Bad input: no answer, an unknown answer (400, nothing changed); a forged or altered token.
    const bad = await visitor.post(pathOnly, { answer: 'maybe' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/aria-invalid="true"/)
    expect((await visitor.post(pathOnly, {})).status).toBe(400)
    expect(await answers(c.id)).toEqual([{ user_id: c.voter.user.id, fixed: 0 }])
    const [, cid, uid, mac] = /^\/fixed\/(\d+)\.(\d+)\.(\S+)$/.exec(pathOnly)!
    for (const forged of [
      `/fixed/${cid}.${c.bystander.user.id}.${mac}`,
      `/fixed/${cid}.${uid}.${'A'.repeat(43)}`,
      `/fixed/${cid}.${uid}`,
      '/fixed/1%20OR%201=1',
    ]) {
      expect((await visitor.get(forged)).status, forged).toBe(404)
      expect((await visitor.post(forged, { answer: 'fixed' })).status, forged).toBe(404)
    }
    expect(await answers(c.id)).toEqual([{ user_id: c.voter.user.id, fixed: 0 }])

    // The follower answers on the challenge page, signed in.
    const page = `/challenges/${c.id}`
    expect(await html(page, c.follower.client)).toMatch(/<section[^>]*fixed-question/)
    const onPage = await c.follower.client.post(page, { intent: 'fixed-answer', answer: 'fixed' })
    expect(onPage.status).toBe(302)
    expect(onPage.headers.get('location')).toBe(`${page}#fixed`)
    const refused = await c.follower.client.post(page, { intent: 'fixed-answer', answer: '' })
    expect(refused.status).toBe(400)
    expect(await answers(c.id)).toEqual(
      [
        { user_id: c.voter.user.id, fixed: 0 },
        { user_id: c.follower.user.id, fixed: 1 },
      ].sort((a, b) => a.user_id - b.user_id),
    )

    // Counted publicly: the challenge page, /outcomes, /reports.
    const shown = await html(page)
    expect(shown).toContain('1 person säger att det är fixat')
    expect(shown).toContain('1 person säger att det inte är fixat')
    expect(await html('/outcomes?show=solved')).toContain('1 fixat, 1 inte fixat')
    const moderator = await signedIn({ role: 'moderator' })
    const total = await db
      .selectFrom('fixed_answers')
      .select([
        sql<number>`count(*) filter (where fixed)`.as('f'),
        sql<number>`count(*) filter (where not fixed)`.as('nf'),
      ])
      .executeTakeFirstOrThrow()
    expect(await html('/reports', moderator.client)).toMatch(
      new RegExp(`data-testid="fixed-answers"[^>]*>[^<]*${total.f} fixat, ${total.nf} inte fixat`),
    )
  })

  it('takes the author’s "not fixed" to the dispute path, from the mail link without signing in', async () => {
    const c = await solved()
    await askFixedQuestions({ days: 14, now: new Date() })
    const email = (
      await db
        .selectFrom('users')
        .select('email')
        .where('id', '=', c.author.user.id)
        .executeTakeFirstOrThrow()
    ).email
    await mailNotifications('http://localhost:3000', new Date())
    const { links } = await mailedLinks(email)
    const notFixed = links.find((l) => l.endsWith('answer=not_fixed'))!
    const visitor = server.client()
    const form = await (await visitor.get(notFixed)).text()
    // The author may say what is still wrong: it becomes their dispute.
    expect(form).toContain('vad är fortfarande fel?')
    const response = await visitor.post(notFixed, {
      answer: 'not_fixed',
      note: 'Lamporna är fortfarande trasiga.',
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('gått till en moderator')
    const dispute = await db
      .selectFrom('disputes')
      .select(['user_id', 'body', 'status'])
      .where('challenge_id', '=', c.id)
      .executeTakeFirstOrThrow()
    expect(dispute).toEqual({
      user_id: c.author.user.id,
      body: 'Lamporna är fortfarande trasiga.',
      status: 'open',
    })
    // The author's page shows the dispute waiting; a second "not fixed" files no second one.
    expect(await html(`/challenges/${c.id}`, c.author.client)).toContain(
      'en moderator ska titta på det',
    )
    const again = await c.author.client.post(`/challenges/${c.id}`, {
      intent: 'fixed-answer',
      answer: 'not_fixed',
    })
    expect(again.status).toBe(302)
    const count = await db
      .selectFrom('disputes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('challenge_id', '=', c.id)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)

    // A non-author's "not fixed" is an answer, not a dispute.
    await c.voter.client.post(`/challenges/${c.id}`, {
      intent: 'fixed-answer',
      answer: 'not_fixed',
    })
    const disputes = await db
      .selectFrom('disputes')
      .select('user_id')
      .where('challenge_id', '=', c.id)
      .execute()
    expect(disputes.map((d) => d.user_id)).toEqual([c.author.user.id])
  })

  it('files the author’s dispute with a standard text when they leave no note, on the page', async () => {
    const c = await solved()
    await askFixedQuestions({ days: 14, now: new Date() })
    const response = await c.author.client.post(`/challenges/${c.id}`, {
      intent: 'fixed-answer',
      answer: 'not_fixed',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/challenges/${c.id}#dispute`)
    const dispute = await db
      .selectFrom('disputes')
      .select('body')
      .where('challenge_id', '=', c.id)
      .executeTakeFirstOrThrow()
    expect(dispute.body).toContain('inte fixat')
  })

  it('does not ask about a challenge no longer solved, and closes the question when it is reopened', async () => {
    const c = await solved()
    await askFixedQuestions({ days: 14, now: new Date() })
    const token = (await mailedLinksFor(c.voter.user.id, c.id))!
    const { setChallengeStatus } = await import('~/models/challenge.server')
    const moderator = await createUser({ role: 'moderator' })
    await db
      .transaction()
      .execute((trx) =>
        setChallengeStatus(trx, { challengeId: c.id, to: 'open', actorId: moderator.id }),
      )
    const visitor = server.client()
    expect(await (await visitor.get(token)).text()).toContain('frågan är stängd')
    expect((await visitor.post(token, { answer: 'fixed' })).status).toBe(409)
    expect(
      (
        await c.voter.client.post(`/challenges/${c.id}`, {
          intent: 'fixed-answer',
          answer: 'fixed',
        })
      ).status,
    ).toBe(409)
    expect(await answers(c.id)).toEqual([])
  })
})

/** A one-click link for a person, signed the way the mail signs it. */
async function mailedLinksFor(userId: number, challengeId: number) {
  const { signFixedToken } = await import('~/services/fixed-link.server')
  return `/fixed/${signFixedToken(challengeId, userId)}?answer=fixed`
}
