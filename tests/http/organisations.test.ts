import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { markSolved } from '~/models/challenge.server'
import { insertMembership } from '~/models/organisation.server'
import { acceptSolution, proposeSolution } from '~/models/solution.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { hideChallenge } from '../helpers/challenge-rows'

const server = testServerForFile()

interface DirectoryData {
  items: Array<{
    slug: string
    name: string
    kind: string
    challengeCount: number
    solvedCount: number
  }>
  page: number
  hasNext: boolean
}

/** The directory's loader data (Remix's ?_data), to assert on data rather than on labels. */
async function directory(query: string): Promise<DirectoryData> {
  const separator = query ? '&' : ''
  const response = await fetch(
    `${server.origin}/organisations?${query}${separator}_data=routes%2Forganisations._index`,
  )
  expect(response.status, query).toBe(200)
  return (await response.json()) as DirectoryData
}

const membership = (organisationId: number, userId: number) =>
  db
    .selectFrom('memberships')
    .select(['role', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()

const auditRows = (organisationId: number) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', 'organisation')
    .where('subject_id', '=', organisationId)
    .execute()

/** An organisation with an owner, an ordinary member and one pending join request. */
async function organisationWithRequest() {
  const owner = await createUser({ name: 'Olle Ägare' })
  const org = await createOrganisation({ kind: 'association', ownerId: owner.id })
  const member = await createUser({ name: 'Mia Medlem' })
  await insertMembership(db, {
    organisationId: org.id,
    userId: member.id,
    role: 'member',
    status: 'active',
  })
  const applicant = await createUser({ name: 'Sökande Sigrid Zeta' })
  await insertMembership(db, {
    organisationId: org.id,
    userId: applicant.id,
    role: 'member',
    status: 'pending',
  })
  return { owner, org, member, applicant }
}

describe('/organisations', () => {
  it('filters by kind and searches names, with % and _ taken literally', async () => {
    const bakery = await createOrganisation({ name: 'Qwerty Bageri', kind: 'business' })
    const choir = await createOrganisation({ name: 'Qwerty Kör', kind: 'association' })
    const percent = await createOrganisation({ name: 'Qwerty 100% Rabatt', kind: 'business' })
    await createOrganisation({ name: 'Qwerty_Understreck', kind: 'business' })

    const all = await directory('q=qwerty')
    expect(all.items.map((o) => o.name)).toEqual([
      'Qwerty 100% Rabatt',
      'Qwerty Bageri',
      'Qwerty Kör',
      'Qwerty_Understreck',
    ])
    const associations = await directory('q=qwerty&kind=association')
    expect(associations.items.map((o) => o.slug)).toEqual([choir.slug])
    const businesses = await directory('kind=business')
    expect(businesses.items.every((o) => o.kind === 'business')).toBe(true)
    expect(businesses.items.map((o) => o.slug)).toContain(bakery.slug)

    expect((await directory('q=%25')).items.map((o) => o.slug)).toEqual([percent.slug])
    expect((await directory('q=y_U')).items.map((o) => o.name)).toEqual(['Qwerty_Understreck'])
    expect((await directory('q=y%25R')).items).toEqual([])
    expect((await directory(`q=${encodeURIComponent(`' OR 1=1--`)}`)).items).toEqual([])

    const html = await (await fetch(`${server.origin}/organisations?q=qwerty&kind=business`)).text()
    expect(html).toContain(`href="/organisations/${bakery.slug}"`)
    expect(html).not.toContain(`href="/organisations/${choir.slug}"`)
  })

  it('refuses kinds outside the allowlist', async () => {
    for (const query of ['kind=admin', 'kind=business&kind=association', 'page=0', 'page=x']) {
      const response = await fetch(`${server.origin}/organisations?${query}`)
      expect(response.status, query).toBe(400)
    }
  })

  it('counts public challenges posted and solved, and pages', async () => {
    const owner = await createUser()
    const org = await createOrganisation({ name: 'Räknarna Sällskap', ownerId: owner.id })
    const posted = await createChallengeFor(owner.id, { organisationId: org.id })
    const hiddenPost = await createChallengeFor(owner.id, { organisationId: org.id })
    await hideChallenge(hiddenPost)
    await createChallengeFor(owner.id, { organisationId: org.id, status: 'pending' })
    const resident = await createUser()
    const solvedId = await createChallengeFor(resident.id)
    const solutionId = await proposeSolution({
      challengeId: solvedId,
      authorId: owner.id,
      organisationId: org.id,
      body: 'Vår lösning',
    })
    await acceptSolution({ solutionId, actorId: resident.id, accept: true })
    await markSolved(solvedId, resident.id)

    const [item] = (await directory('q=R%C3%A4knarna')).items
    expect(item).toMatchObject({ slug: org.slug, challengeCount: 1, solvedCount: 1 })
    expect(posted).toBeGreaterThan(0)

    for (let i = 0; i < 21; i++) await createOrganisation({ name: `Sidbyte ${i}` })
    const first = await directory('q=Sidbyte')
    expect(first.items).toHaveLength(20)
    expect(first.hasNext).toBe(true)
    const second = await directory('q=Sidbyte&page=2')
    expect(second.items).toHaveLength(1)
    expect(second.hasNext).toBe(false)
  })
})

describe('/organisations/:slug', () => {
  it('shows the credited solved challenge, posts and members without emails', async () => {
    const owner = await createUser({ name: 'Greta Grundare' })
    const org = await createOrganisation({ name: 'Lagarna Ekonomisk Förening', ownerId: owner.id })
    const resident = await createUser()
    const solvedId = await createChallengeFor(resident.id, {
      title: 'Trasig trappa vid stationen',
    })
    const solutionId = await proposeSolution({
      challengeId: solvedId,
      authorId: owner.id,
      organisationId: org.id,
      body: 'Vi lagar trappan.',
    })
    await acceptSolution({ solutionId, actorId: resident.id, accept: true })
    await markSolved(solvedId, resident.id)
    const postedId = await createChallengeFor(owner.id, {
      title: 'Fler cykelställ vid torget',
      organisationId: org.id,
    })
    const hiddenId = await createChallengeFor(owner.id, {
      title: 'Dold post från föreningen',
      organisationId: org.id,
    })
    await hideChallenge(hiddenId)

    const response = await fetch(`${server.origin}/organisations/${org.slug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const section = (id: string) => {
      const start = html.indexOf(`id="${id}"`)
      expect(start, id).toBeGreaterThan(-1)
      const end = html.indexOf('</section>', start)
      return html.slice(start, end)
    }
    expect(section('solved-heading')).toContain(`href="/challenges/${solvedId}"`)
    expect(section('solved-heading')).toContain('Trasig trappa vid stationen')
    expect(section('solutions-heading')).toContain(`href="/challenges/${solvedId}"`)
    expect(section('posted-heading')).toContain(`href="/challenges/${postedId}"`)
    expect(html).not.toContain('Dold post från föreningen')
    expect(section('members-heading')).toContain('Greta Grundare')
    expect(html).not.toContain(owner.email)
    expect(html).not.toContain(resident.email)
    // Visitors never see the owner's tools.
    expect(html).not.toContain('name="intent"')
  })

  it('answers an unknown or malformed slug with 404', async () => {
    for (const slug of ['finns-inte', '..%2Fadmin', 'A%20B', 'x'.repeat(200)]) {
      const response = await fetch(`${server.origin}/organisations/${slug}`)
      expect(response.status, slug).toBe(404)
    }
    const client = server.client()
    const user = await createUser()
    await client.login(user.email, user.password)
    const response = await client.post('/organisations/finns-inte', {
      intent: 'approve',
      userId: '1',
    })
    expect(response.status).toBe(404)
  })

  it('shows join requests to owners only', async () => {
    const { owner, org, member } = await organisationWithRequest()
    const anonymous = await (await fetch(`${server.origin}/organisations/${org.slug}`)).text()
    expect(anonymous).not.toContain('Sökande Sigrid Zeta')
    const asMember = server.client()
    await asMember.login(member.email, member.password)
    expect(await (await asMember.get(`/organisations/${org.slug}`)).text()).not.toContain(
      'Sökande Sigrid Zeta',
    )
    const asOwner = server.client()
    await asOwner.login(owner.email, owner.password)
    const html = await (await asOwner.get(`/organisations/${org.slug}`)).text()
    expect(html).toContain('Sökande Sigrid Zeta')
    expect(html).toContain('value="approve"')
  })

  it('refuses a non-owner approving with 403 and changes nothing', async () => {
    const { org, member, applicant } = await organisationWithRequest()
    const stranger = await createUser()
    for (const user of [member, stranger]) {
      const client = server.client()
      await client.login(user.email, user.password)
      const forms: Array<Record<string, string>> = [
        { intent: 'approve', userId: String(applicant.id) },
        { intent: 'decline', userId: String(applicant.id) },
        { intent: 'profile', description: 'Kapad', website: '' },
      ]
      for (const form of forms) {
        const response = await client.post(`/organisations/${org.slug}`, form)
        expect(response.status).toBe(403)
      }
    }
    // Signed out: sent to the login page.
    const anonymous = await server
      .client()
      .post(`/organisations/${org.slug}`, { intent: 'approve', userId: String(applicant.id) })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)

    expect(await membership(org.id, applicant.id)).toEqual({ role: 'member', status: 'pending' })
    expect(await auditRows(org.id)).toEqual([])
    const row = await db
      .selectFrom('organisations')
      .select('description')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(row.description).toBe('')
  })

  it('lets the owner approve a join request, with an audit row', async () => {
    const { owner, org, applicant } = await organisationWithRequest()
    const client = server.client()
    await client.login(owner.email, owner.password)
    const response = await client.post(`/organisations/${org.slug}`, {
      intent: 'approve',
      userId: String(applicant.id),
      role: 'owner',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/organisations/${org.slug}?notice=approved`)
    // The extra role=owner field changed nothing.
    expect(await membership(org.id, applicant.id)).toEqual({ role: 'member', status: 'active' })
    const [audit] = await auditRows(org.id)
    expect(audit).toMatchObject({
      actor_id: owner.id,
      action: 'organisation.join.approve',
      subject_type: 'organisation',
      subject_id: org.id,
    })
    expect(JSON.parse(audit!.after!)).toEqual({ userId: applicant.id, status: 'active' })
    const page = await (await client.get(`/organisations/${org.slug}`)).text()
    expect(page).toContain('Sökande Sigrid Zeta')

    // Answering it again: there is no pending request any more.
    const again = await client.post(`/organisations/${org.slug}`, {
      intent: 'approve',
      userId: String(applicant.id),
    })
    expect(again.status).toBe(404)
    expect(await auditRows(org.id)).toHaveLength(1)
  })

  it('lets the owner decline a join request, with an audit row', async () => {
    const { owner, org, applicant, member } = await organisationWithRequest()
    const client = server.client()
    await client.login(owner.email, owner.password)
    const response = await client.post(`/organisations/${org.slug}`, {
      intent: 'decline',
      userId: String(applicant.id),
    })
    expect(response.status).toBe(302)
    expect(await membership(org.id, applicant.id)).toBeUndefined()
    expect((await auditRows(org.id)).map((r) => r.action)).toEqual(['organisation.join.decline'])
    // An active member is not a request: declining them does nothing.
    const notPending = await client.post(`/organisations/${org.slug}`, {
      intent: 'decline',
      userId: String(member.id),
    })
    expect(notPending.status).toBe(404)
    expect(await membership(org.id, member.id)).toEqual({ role: 'member', status: 'active' })
  })

  it('answers a bad website with 400, the input kept and the error on the field', async () => {
    const { owner, org } = await organisationWithRequest()
    const client = server.client()
    await client.login(owner.email, owner.password)
    for (const website of ['javascript:alert(1)', 'inte en adress', 'ftp://example.se']) {
      const response = await client.post(`/organisations/${org.slug}`, {
        intent: 'profile',
        description: 'Vi sjunger <b>varje</b> tisdag.',
        website,
      })
      expect(response.status, website).toBe(400)
      const html = await response.text()
      expect(html).toContain(`value="${website}"`)
      expect(html).toContain('Vi sjunger &lt;b&gt;varje&lt;/b&gt; tisdag.')
      expect(html).toMatch(/id="organisation-profile-website"[^>]*aria-invalid="true"/)
      expect(html).toContain('organisation-profile-website-error')
    }
    const tooLong = await client.post(`/organisations/${org.slug}`, {
      intent: 'profile',
      description: 'x'.repeat(2001),
      website: '',
    })
    expect(tooLong.status).toBe(400)
    expect(await auditRows(org.id)).toEqual([])

    const saved = await client.post(`/organisations/${org.slug}`, {
      intent: 'profile',
      description: 'Vi sjunger\r\n\r\nvarje tisdag.',
      website: 'https://kören.example.se/',
    })
    expect(saved.status).toBe(302)
    const row = await db
      .selectFrom('organisations')
      .select(['description', 'website'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      description: 'Vi sjunger\n\nvarje tisdag.',
      website: 'https://kören.example.se/',
    })
    expect((await auditRows(org.id)).map((r) => r.action)).toEqual(['organisation.update'])
    const page = await (await client.get(`/organisations/${org.slug}`)).text()
    expect(page).toContain('href="https://kören.example.se/"')
    expect(page).toContain('rel="nofollow ugc noopener noreferrer"')
  })
})
