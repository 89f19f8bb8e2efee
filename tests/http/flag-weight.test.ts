import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { flaggerWeight, FLAG_TRUST, forgetResolvedFlagNetworks } from '~/models/flag.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

// Issue 10, item 3: who flags decides how much a flag weighs. The server trusts the loopback
// proxy, so each flagger's X-Forwarded-For is the address the app sees.
const server = testServerForFile({ trustProxy: 'loopback' })

const DAY = 24 * 60 * 60 * 1000

/** A signed-in flagger at `ip`, with an account `ageDays` old and a record of earlier flags. */
async function flagger(
  ip: string,
  options: { confirmed?: boolean; ageDays?: number; upheld?: number; dismissed?: number } = {},
) {
  // Signed in first: an account whose address is not confirmed cannot sign in with a password.
  const { user, client } = await server.signedIn({}, { 'X-Forwarded-For': ip })
  const created = new Date(Date.now() - (options.ageDays ?? 0) * DAY).toISOString()
  await db
    .updateTable('users')
    .set({
      created_at: created,
      email_verified_at: options.confirmed === false ? null : created,
    } as never)
    .where('id', '=', user.id)
    .execute()
  const past = [
    ...Array<string>(options.upheld ?? 0).fill('hidden'),
    ...Array<string>(options.dismissed ?? 0).fill('dismissed'),
  ]
  if (past.length) {
    const moderator = await createUser({ role: 'moderator' })
    for (const resolution of past) {
      const other = await createChallengeFor(moderator.id)
      await db
        .insertInto('flags')
        .values({
          subject_type: 'challenge',
          subject_id: other,
          challenge_id: other,
          user_id: user.id,
          reason: 'spam',
          note: null,
          resolved_at: new Date().toISOString(),
          resolved_by: moderator.id,
          resolution,
        })
        .execute()
    }
  }
  return { user, client }
}

type Flagger = Awaited<ReturnType<typeof flagger>>

async function flag(who: Flagger, challengeId: number, type = 'challenge', id = challengeId) {
  const response = await who.client.post(`/challenges/${challengeId}`, {
    intent: 'flag',
    subjectType: type,
    subjectId: String(id),
    reason: 'spam',
  })
  expect(response.status).toBe(302)
  return response
}

const challengeRow = (id: number) =>
  db
    .selectFrom('challenges')
    .select(['hidden_at', 'hidden_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

const audits = (action: string, subjectId: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_id'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute()

async function moderationPage(path: string) {
  const moderator = await server.signedIn({ role: 'moderator' })
  return (await moderator.client.get(path)).text()
}

describe('flags that cannot hide a post (issue 10, item 3)', () => {
  it('three fresh unconfirmed accounts from one network cannot hide a post', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id, { title: 'Parkeringen vid torget är full' })
    for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) {
      await flag(await flagger(ip, { confirmed: false }), id)
    }
    expect((await challengeRow(id)).hidden_at).toBeNull()
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain(
      'Parkeringen vid torget är full',
    )
    // Still in front of the moderators, who decide.
    expect(await moderationPage('/moderation?tab=flagged')).toContain(
      'Parkeringen vid torget är full',
    )
  })

  it('neither can three fresh confirmed accounts from three networks', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    for (const ip of ['198.51.100.7', '192.0.2.7', '203.0.113.77']) {
      await flag(await flagger(ip, { ageDays: 1 }), id)
    }
    expect((await challengeRow(id)).hidden_at).toBeNull()
  })

  it('nor can any number of trusted accounts from one network (IPv4 /24, IPv6 /48)', async () => {
    const owner = await createUser()
    const v4 = await createChallengeFor(owner.id)
    for (const ip of ['198.51.100.20', '198.51.100.21', '198.51.100.22', '198.51.100.23']) {
      await flag(await flagger(ip, { ageDays: 60, upheld: 2 }), v4)
    }
    expect((await challengeRow(v4)).hidden_at).toBeNull()
    const v6 = await createChallengeFor(owner.id)
    for (const ip of ['2001:db8:7:1::1', '2001:db8:7:2::1', '2001:db8:7:ff00::1']) {
      await flag(await flagger(ip, { ageDays: 60, upheld: 2 }), v6)
    }
    expect((await challengeRow(v6)).hidden_at).toBeNull()
  })

  it('gives no weight to someone whose flags the moderators mostly dismissed', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    await flag(await flagger('192.0.2.50', { ageDays: 60 }), id)
    await flag(await flagger('198.51.100.50', { ageDays: 60, dismissed: 3, upheld: 1 }), id)
    await flag(await flagger('203.0.113.50', { ageDays: 60, dismissed: 2 }), id)
    expect((await challengeRow(id)).hidden_at).toBeNull()
  })
})

describe('flags that hide a post until a moderator decides', () => {
  it('trusted flaggers from distinct networks hide it, and it heads the moderation queue', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id, { title: 'Köp billiga klockor här' })
    const ips = ['192.0.2.30', '198.51.100.30', '2001:db8:30::1']
    for (const [i, ip] of ips.entries()) {
      await flag(await flagger(ip, { ageDays: 30 }), id)
      expect(Boolean((await challengeRow(id)).hidden_at), `after flag ${i + 1}`).toBe(i === 2)
    }
    expect((await challengeRow(id)).hidden_reason).toBe('auto_flags')
    expect(await audits('challenge.auto_hide', id)).toEqual([
      { action: 'challenge.auto_hide', actor_id: null },
    ])
    const queue = await moderationPage('/moderation?tab=flagged')
    expect(queue).toContain('Köp billiga klockor här')
    expect(queue).toContain('dolt av anmälningar, väntar på ditt beslut')
    expect(queue).toMatch(/1 automatiskt dolt inlägg väntar på beslut|automatiskt dolda inlägg/)
    // Resolved flags forget their network within the hour.
    const moderator = await server.signedIn({ role: 'moderator' })
    const decided = await moderator.client.post('/moderation?tab=flagged', {
      intent: 'auto-hidden',
      subjectType: 'challenge',
      subjectId: String(id),
      decision: 'confirm',
    })
    expect(decided.status).toBeLessThan(400)
    await forgetResolvedFlagNetworks()
    const networks = await db
      .selectFrom('flags')
      .select('network')
      .where('challenge_id', '=', id)
      .execute()
    expect(networks.map((n) => n.network)).toEqual([null, null, null])
  })

  it('two flaggers are enough when one has a record of upheld flags', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const author = await server.signedIn({}, { 'X-Forwarded-For': '192.0.2.99' })
    const solution = await author.client.post(`/challenges/${id}`, {
      intent: 'solution',
      body: 'Ring 070-1234567 för billiga lån',
    })
    const solutionId = Number(/#solution-(\d+)/.exec(solution.headers.get('location') ?? '')?.[1])
    await flag(
      await flagger('198.51.100.40', { ageDays: 30, upheld: 1 }),
      id,
      'solution',
      solutionId,
    )
    await flag(await flagger('203.0.113.40', { ageDays: 30 }), id, 'solution', solutionId)
    const row = await db
      .selectFrom('solutions')
      .select(['hidden_reason'])
      .where('id', '=', solutionId)
      .executeTakeFirstOrThrow()
    expect(row.hidden_reason).toBe('auto_flags')
  })

  it('stores only a keyed hash of the network, different for each post', async () => {
    const owner = await createUser()
    const first = await createChallengeFor(owner.id)
    const second = await createChallengeFor(owner.id)
    const who = await flagger('198.51.100.60', { ageDays: 30 })
    await flag(who, first)
    await flag(who, second)
    const rows = await db
      .selectFrom('flags')
      .select('network')
      .where('user_id', '=', who.user.id)
      .execute()
    expect(rows).toHaveLength(2)
    for (const { network } of rows) {
      expect(network).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(network).not.toContain('198.51')
    }
    expect(rows[0]!.network).not.toBe(rows[1]!.network)
  })
})

describe('posts never hidden by flags alone', () => {
  it("a municipal department's challenge is not hidden, but waits first in the queue", async () => {
    const staff = await createUser()
    const department = await createOrganisation({
      kind: 'municipality',
      name: 'Gatukontoret',
      ownerId: staff.id,
    })
    const id = await createChallengeFor(staff.id, {
      title: 'Vi bygger om Storgatan i vår',
      organisationId: department.id,
    })
    for (const ip of ['192.0.2.70', '198.51.100.70', '203.0.113.70', '2001:db8:70::1']) {
      await flag(await flagger(ip, { ageDays: 90, upheld: 3 }), id)
    }
    expect((await challengeRow(id)).hidden_at).toBeNull()
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain(
      'Vi bygger om Storgatan i vår',
    )
    const escalated = await db
      .selectFrom('flags')
      .select('escalated_at')
      .where('subject_id', '=', id)
      .where('subject_type', '=', 'challenge')
      .execute()
    expect(escalated.every((f) => f.escalated_at !== null)).toBe(true)
    // Said once in the log, however many flags came after the line was crossed.
    expect(await audits('challenge.auto_hide_withheld', id)).toHaveLength(1)
    const queue = await moderationPage('/moderation?tab=flagged')
    expect(queue).toContain('Vi bygger om Storgatan i vår')
    expect(queue).toContain('anmält tillräckligt för att döljas, men döljs inte automatiskt')
    expect(queue).toMatch(/anmält inlägg från en förvaltning|anmälda inlägg från förvaltningar/)
    const triage = await moderationPage(`/moderation/challenges/${id}`)
    expect(triage).toContain('anmält tillräckligt för att döljas, men döljs inte automatiskt')
  })

  it("a verified organisation's solution is not hidden either", async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const member = await server.signedIn({}, { 'X-Forwarded-For': '192.0.2.98' })
    const org = await createOrganisation({ kind: 'association', ownerId: member.user.id })
    await db
      .updateTable('organisations')
      .set({ verified_at: new Date().toISOString() })
      .where('id', '=', org.id)
      .execute()
    const posted = await member.client.post(`/challenges/${id}`, {
      intent: 'solution',
      body: 'Föreningen ordnar skjuts varje kväll.',
      organisationId: String(org.id),
    })
    const solutionId = Number(/#solution-(\d+)/.exec(posted.headers.get('location') ?? '')?.[1])
    const solution = await db
      .selectFrom('solutions')
      .select(['organisation_id'])
      .where('id', '=', solutionId)
      .executeTakeFirstOrThrow()
    expect(solution.organisation_id).toBe(org.id)
    for (const ip of ['192.0.2.80', '198.51.100.80', '203.0.113.80']) {
      await flag(await flagger(ip, { ageDays: 90, upheld: 1 }), id, 'solution', solutionId)
    }
    const row = await db
      .selectFrom('solutions')
      .select(['hidden_at'])
      .where('id', '=', solutionId)
      .executeTakeFirstOrThrow()
    expect(row.hidden_at).toBeNull()
    expect(await audits('solution.auto_hide_withheld', solutionId)).toHaveLength(1)
  })
})

describe('flaggerWeight', () => {
  it('follows the table in FLAG_TRUST', () => {
    const base = { confirmed: true, accountAgeDays: 30, upheld: 0, dismissed: 0 }
    expect(flaggerWeight({ ...base, confirmed: false, upheld: 5 })).toBe(FLAG_TRUST.unconfirmed)
    expect(flaggerWeight({ ...base, accountAgeDays: 6.9 })).toBe(FLAG_TRUST.recent)
    expect(flaggerWeight(base)).toBe(FLAG_TRUST.established)
    expect(flaggerWeight({ ...base, upheld: 1 })).toBe(FLAG_TRUST.trackRecord)
    expect(flaggerWeight({ ...base, upheld: 1, dismissed: 1 })).toBe(FLAG_TRUST.trackRecord)
    expect(flaggerWeight({ ...base, upheld: 1, dismissed: 2 })).toBe(FLAG_TRUST.poorRecord)
    expect(flaggerWeight({ ...base, dismissed: 1 })).toBe(FLAG_TRUST.established)
  })
})
