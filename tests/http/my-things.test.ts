import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { markSolved } from '~/models/challenge.server'
import { decideDispute, fileDispute } from '~/models/dispute.server'
import { flagPost } from '~/models/flag.server'
import { setFollow } from '~/models/follow.server'
import { addInternalNote } from '~/models/internal-notes.server'
import { hidePost } from '~/models/moderation-visibility.server'
import { pledge, postProgress } from '~/models/pledge.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'

const server = testServerForFile()

const PAGES = ['/me/challenges', '/me/following', '/me/pledges', '/me/reports']
const SITE = 'http://localhost:3000'

async function signedIn(user: { email: string; password: string }) {
  const client = server.client()
  await client.login(user.email, user.password)
  return client
}

async function followerCount(id: number) {
  const row = await db
    .selectFrom('challenges')
    .select('follower_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.follower_count
}

async function follows(challengeId: number, userId: number) {
  return Boolean(
    await db
      .selectFrom('follows')
      .select('user_id')
      .where('challenge_id', '=', challengeId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  )
}

const text = async (client: Client, path: string, headers?: Record<string, string>) => {
  const response = await client.get(path, headers)
  expect(response.status, path).toBe(200)
  return response.text()
}

describe('my things', () => {
  it('sends a visitor to the login page, and back afterwards', async () => {
    const visitor = server.client()
    for (const path of PAGES) {
      const response = await visitor.get(path)
      expect(response.status, path).toBe(302)
      expect(response.headers.get('location'), path).toBe(
        `/login?redirectTo=${encodeURIComponent(path)}`,
      )
    }
    const post = await visitor.post('/me/following', { intent: 'unfollow', challengeId: '1' })
    expect(post.status).toBe(302)
    expect(post.headers.get('location')).toMatch(/^\/login/)
  })

  it('shows a member exactly their things and nothing of anyone else’s', async () => {
    const anna = await createUser({ name: 'Anna Andersson' })
    const bo = await createUser({ name: 'Bo Bengtsson', email: `bo-${Date.now()}@example.se` })
    const moderator = await createUser({ role: 'moderator' })
    const mod = { id: moderator.id, role: 'moderator' as const }
    const org = await createOrganisation({ name: 'Annas Verkstad AB', ownerId: anna.id })

    const own = await createChallengeFor(anna.id, { title: 'Annas synliga utmaning' })
    const ownHidden = await createChallengeFor(anna.id, { title: 'Annas dolda utmaning' })
    const ownPending = await createChallengeFor(anna.id, {
      title: 'Annas väntande utmaning',
      status: 'pending',
    })
    await hidePost(mod, {
      subjectType: 'challenge',
      subjectId: ownHidden,
      reason: 'personal_data',
      siteUrl: SITE,
    })
    const bosOpen = await createChallengeFor(bo.id, { title: 'Bos öppna utmaning' })
    const bosHidden = await createChallengeFor(bo.id, { title: 'Bos dolda utmaning' })
    const bosSolved = await createChallengeFor(bo.id, { title: 'Bos lösta utmaning' })
    await createChallengeFor(bo.id, { title: 'Bos andra utmaning' })
    await setFollow(bosOpen, anna.id, true)
    await setFollow(bosHidden, anna.id, true)
    await flagPost({
      subjectType: 'challenge',
      subjectId: bosHidden,
      challengeId: bosHidden,
      userId: anna.id,
      reason: 'offensive',
      note: 'Annas egen motivering',
    })
    await flagPost({
      subjectType: 'challenge',
      subjectId: bosOpen,
      challengeId: bosOpen,
      userId: bo.id,
      reason: 'spam',
      note: 'Bos anmälan av sig själv',
    })
    await hidePost(mod, {
      subjectType: 'challenge',
      subjectId: bosHidden,
      reason: 'offensive',
      siteUrl: SITE,
    })
    const p = await pledge({
      challengeId: bosOpen,
      userId: anna.id,
      organisationId: org.id,
      plan: 'Vi fixar det.',
    })
    await postProgress({ pledgeId: p, authorId: anna.id, body: 'Halvvägs klart nu.' })
    await markSolved(bosSolved, bo.id)
    await fileDispute({ challengeId: bosSolved, userId: anna.id, body: 'Inte alls löst.' })
    const dispute = await db
      .selectFrom('disputes')
      .select('id')
      .where('user_id', '=', anna.id)
      .executeTakeFirstOrThrow()
    const { version } = await db
      .selectFrom('challenges')
      .select('version')
      .where('id', '=', bosSolved)
      .executeTakeFirstOrThrow()
    await decideDispute(mod, {
      challengeId: bosSolved,
      disputeId: dispute.id,
      uphold: false,
      note: 'Åtgärden är gjord enligt förvaltningen.',
      version,
    })
    await addInternalNote(mod, bosSolved, 'Intern: Anna klagar ofta')

    const client = await signedIn(anna)

    const challenges = await text(client, '/me/challenges')
    expect(challenges).toContain('<h1>Mina utmaningar</h1>')
    for (const title of [
      'Annas synliga utmaning',
      'Annas dolda utmaning',
      'Annas väntande utmaning',
    ])
      expect(challenges).toContain(title)
    expect(challenges).toContain('Dold av en moderator: personuppgifter om andra.')
    expect(challenges).toContain('Väntar på granskning')
    expect(challenges).toContain(`href="/challenges/${own}"`)
    expect(challenges).toContain(`href="/challenges/${ownPending}"`)
    expect(challenges).not.toContain('Bos ')

    const following = await text(client, '/me/following')
    expect(following).toContain('Bos öppna utmaning')
    expect(following).not.toContain('Bos dolda utmaning')
    expect(following).toContain('En utmaning som inte längre är offentlig')
    expect(following).not.toContain('Bos andra utmaning')
    // Both follows can be ended, the hidden one too.
    expect(following).toContain(`name="challengeId" value="${bosOpen}"`)
    expect(following).toContain(`name="challengeId" value="${bosHidden}"`)

    const pledges = await text(client, '/me/pledges')
    expect(pledges).toContain('Annas Verkstad AB')
    expect(pledges).toContain('Bos öppna utmaning')
    expect(pledges).toContain('Pågår')
    expect(pledges).toContain('Halvvägs klart nu.')

    const reports = await text(client, '/me/reports')
    expect(reports).toContain('Annas egen motivering')
    expect(reports).toContain('Godtagen – inlägget är dolt')
    expect(reports).not.toContain('Bos dolda utmaning')
    expect(reports).not.toContain('Bos anmälan av sig själv')
    expect(reports).toContain('Inte alls löst.')
    expect(reports).toContain('Avslagen – utmaningen räknas som löst')
    expect(reports).toContain('Åtgärden är gjord enligt förvaltningen.')
    expect(reports).toContain('Du har inte överklagat något beslut.')

    const all = challenges + following + pledges + reports
    expect(all).not.toContain('Intern: Anna klagar ofta')
    expect(all).not.toContain(bo.email)
    expect(all).not.toContain(moderator.email)

    const me = await text(client, '/me')
    for (const path of PAGES) expect(me).toContain(`href="${path}"`)
    expect(me).toContain('3 utmaningar')
    expect(me).toContain('1 åtagande')

    // In English when asked.
    const english = await text(client, '/me/reports', { 'Accept-Language': 'en' })
    expect(english).toContain('<h1>My reports, appeals and disputes</h1>')
    expect(english).toContain('Rejected – the challenge counts as solved')
  })

  it('shows an empty state on every list', async () => {
    const client = await signedIn(await createUser())
    expect(await text(client, '/me/challenges')).toContain('Du har inte postat någon utmaning än.')
    expect(await text(client, '/me/following')).toContain('Du följer ingen utmaning.')
    expect(await text(client, '/me/pledges')).toContain(
      'Varken du eller dina organisationer har antagit någon utmaning än.',
    )
    const reports = await text(client, '/me/reports')
    expect(reports).toContain('Du har inte anmält något inlägg.')
    expect(reports).toContain('Du har inte överklagat något beslut.')
    expect(reports).toContain('Du har inte bestridit att någon utmaning är löst.')
  })

  it('escapes titles and texts', async () => {
    const anna = await createUser()
    await createChallengeFor(anna.id, { title: 'Skript <img src=x onerror=alert(1)> här' })
    const html = await text(await signedIn(anna), '/me/challenges')
    expect(html).toContain('Skript &lt;img src=x onerror=alert(1)&gt; här')
    expect(html).not.toContain('<img src=x')
  })

  it('unfollows from the list with one plain form post, and follows again from the notice', async () => {
    const anna = await createUser()
    const bo = await createUser()
    const id = await createChallengeFor(bo.id, { title: 'Utmaning att sluta följa' })
    await setFollow(id, anna.id, true)
    const before = await followerCount(id)
    const client = await signedIn(anna)

    const response = await client.post('/me/following', {
      intent: 'unfollow',
      challengeId: String(id),
      page: '1',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/me/following?unfollowed=${id}`)
    expect(await follows(id, anna.id)).toBe(false)
    expect(await followerCount(id)).toBe(before - 1)
    const after = await text(client, response.headers.get('location')!)
    expect(after).toContain('Du följer inte längre ”Utmaning att sluta följa”.')
    expect(after).toContain('Följ igen')

    // A second click changes nothing: the count never goes below the rows it counts.
    await client.post('/me/following', { intent: 'unfollow', challengeId: String(id) })
    expect(await followerCount(id)).toBe(before - 1)

    const again = await client.post('/me/following', { intent: 'follow', challengeId: String(id) })
    expect(again.status).toBe(302)
    expect(await follows(id, anna.id)).toBe(true)
    expect(await followerCount(id)).toBe(before)
  })

  it('lets a person end a follow of a challenge hidden since, but not follow a hidden one', async () => {
    const anna = await createUser()
    const bo = await createUser()
    const moderator = await createUser({ role: 'moderator' })
    const id = await createChallengeFor(bo.id, { title: 'Dold sedan jag började följa' })
    await setFollow(id, anna.id, true)
    await hidePost(
      { id: moderator.id, role: 'moderator' },
      { subjectType: 'challenge', subjectId: id, reason: 'spam', siteUrl: SITE },
    )
    const client = await signedIn(anna)
    const response = await client.post('/me/following', {
      intent: 'unfollow',
      challengeId: String(id),
    })
    expect(response.status).toBe(302)
    expect(await follows(id, anna.id)).toBe(false)
    const notice = await text(client, response.headers.get('location')!)
    expect(notice).toContain('Du följer inte längre utmaningen.')
    expect(notice).not.toContain('Dold sedan jag började följa')

    const refused = await client.post('/me/following', {
      intent: 'follow',
      challengeId: String(id),
    })
    expect(refused.status).toBe(404)
    expect(await follows(id, anna.id)).toBe(false)
  })

  it('refuses bad input and foreign origins without changing anything', async () => {
    const anna = await createUser()
    const bo = await createUser()
    const id = await createChallengeFor(bo.id)
    await setFollow(id, anna.id, true)
    const count = await followerCount(id)
    const client = await signedIn(anna)
    for (const challengeId of ['abc', '0', '-1', '1 OR 1=1', '1e309', '0x10', '9007199254740993']) {
      const response = await client.post('/me/following', { intent: 'unfollow', challengeId })
      expect(response.status, challengeId).toBe(400)
    }
    expect(
      (await client.post('/me/following', { intent: 'delete', challengeId: String(id) })).status,
    ).toBe(400)
    const foreign = await client.post(
      '/me/following',
      { intent: 'unfollow', challengeId: String(id) },
      { Origin: 'https://evil.example' },
    )
    expect(foreign.status).toBe(403)
    // A GET never unfollows.
    await client.get(`/me/following?intent=unfollow&challengeId=${id}`)
    expect(await follows(id, anna.id)).toBe(true)
    expect(await followerCount(id)).toBe(count)

    for (const query of ['page=0', 'page=abc', 'page=1001', 'page=1&page=2', 'page=-1']) {
      const response = await client.get(`/me/following?${query}`)
      expect(response.status, query).toBe(400)
    }
    // Past the last page: to the last page that has rows.
    const past = await client.get('/me/following?page=9')
    expect(past.status).toBe(302)
    expect(past.headers.get('location')).toBe('/me/following')
  })

  it('pages a long list of follows', async () => {
    const anna = await createUser()
    const bo = await createUser()
    for (let i = 0; i < 23; i++) {
      const id = await createChallengeFor(bo.id, { title: `Följd nummer ${i} av många` })
      await setFollow(id, anna.id, true)
    }
    const client = await signedIn(anna)
    const first = await text(client, '/me/following')
    expect(first).toContain('Sida 1 av 2')
    expect(first).toContain('href="/me/following?page=2"')
    expect(first.match(/name="intent" value="unfollow"/g)).toHaveLength(20)
    const second = await text(client, '/me/following?page=2')
    expect(second.match(/name="intent" value="unfollow"/g)).toHaveLength(3)
    expect(second).toContain('href="/me/following"')
  })
})
