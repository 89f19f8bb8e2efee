import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { markSolved } from '~/models/challenge.server'
import { pledge, postProgress, withdrawPledge } from '~/models/pledge.server'
import { acceptSolution, proposeSolution } from '~/models/solution.server'
import { setChallengeVote } from '~/models/vote.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { placeOnChallenge, photosOnChallenge } from '../helpers/photo-posts'
import { OPEN_DATA_LIST_FIELDS } from '../helpers/open-data'
import { addPhoto } from '../helpers/photo-rows'
import { multipart, smallPng } from '../helpers/photos'

const server = testServerForFile()

const PRIVATE_KEYS = ['email', 'author_id', 'user_id', 'actor_id', 'accepted_by', 'password_hash']
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** Every key of every object anywhere in a JSON value. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys)
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)])
  }
  return []
}

const get = (path: string, headers?: Record<string, string>) =>
  fetch(server.origin + path, { headers })

interface ListBody {
  data: Array<{ id: number; title: string; status: string; [key: string]: unknown }>
  total: number
  page: number
  per_page: number
}

async function list(path: string): Promise<ListBody> {
  const response = await get(path)
  expect(response.status, path).toBe(200)
  return (await response.json()) as ListBody
}

async function hide(id: number) {
  await db
    .updateTable('challenges')
    .set({ hidden_at: new Date().toISOString(), hidden_reason: 'test' })
    .where('id', '=', id)
    .execute()
}

/** A fresh category and area with public, hidden, pending and rejected challenges in it. */
async function boardWithEverySort() {
  const taxonomy = await createTaxonomy()
  const resident = await createUser({ name: 'Rut Residentsson Qvintus' })
  const make = (title: string, status: 'open' | 'pending' = 'open') =>
    createChallengeFor(resident.id, {
      title,
      status,
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
  const open = await make('Trasiga bänkar i parken vid ån')
  const other = await make('Ingen kvällsbuss till hamnen')
  const hidden = await make('Dold utmaning som inte får synas')
  await hide(hidden)
  const pending = await make('Väntande utmaning under granskning', 'pending')
  const rejected = await make('Avvisad utmaning som inte får synas')
  await db
    .updateTable('challenges')
    .set({ status: 'rejected' })
    .where('id', '=', rejected)
    .execute()
  return { taxonomy, resident, open, other, hidden, pending, rejected }
}

describe('GET /api/v1/challenges', () => {
  it('answers public fields only: no emails, no user ids, no resident names', async () => {
    const { taxonomy, resident, open } = await boardWithEverySort()
    const owner = await createUser({ name: 'Olga Ägarsson Kvadrat' })
    const org = await createOrganisation({ name: 'Hamnens Cykelverkstad', ownerId: owner.id })
    await proposeSolution({
      challengeId: open,
      authorId: resident.id,
      organisationId: null,
      body: 'Laga dem med **ek**.',
    })
    await pledge({ challengeId: open, userId: owner.id, organisationId: org.id, plan: 'Vi lagar' })
    await setChallengeVote({ userId: owner.id, challengeId: open, vote: true })

    const response = await get(`/api/v1/challenges?category=${taxonomy.categorySlug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const text = await response.text()
    const body = JSON.parse(text) as ListBody
    expect(Object.keys(body)).toEqual(['data', 'total', 'page', 'per_page'])
    expect(body.data.length).toBeGreaterThan(0)
    for (const item of body.data) expect(Object.keys(item)).toEqual(OPEN_DATA_LIST_FIELDS)
    const item = body.data.find((c) => c.id === open)!
    expect(item).toMatchObject({
      status: 'in_progress',
      poster_kind: 'resident',
      organisation: null,
      votes: 1,
      solutions: 1,
      pledges: 1,
      category: { slug: taxonomy.categorySlug },
      area: { slug: taxonomy.areaSlug },
      url: `http://localhost:3000/challenges/${open}`,
    })
    expect(item.created_at).toMatch(ISO_UTC)
    expect(item.updated_at).toMatch(ISO_UTC)

    const detailResponse = await get(`/api/v1/challenges/${open}`)
    expect(detailResponse.status).toBe(200)
    const detailText = await detailResponse.text()
    const detail = JSON.parse(detailText) as { data: Record<string, unknown> }
    expect(Object.keys(detail.data)).toEqual([
      ...OPEN_DATA_LIST_FIELDS,
      'description_html',
      'status_history',
    ])
    expect(detail.data.description_html).toContain('<strong>')
    expect(detail.data.solutions).toEqual([
      expect.objectContaining({ body_html: expect.stringContaining('<strong>ek</strong>') }),
    ])
    expect(detail.data.pledges).toEqual([
      {
        organisation: { slug: org.slug, name: 'Hamnens Cykelverkstad', kind: 'business' },
        plan: 'Vi lagar',
        status: 'active',
        created_at: expect.stringMatching(ISO_UTC),
        updates: [],
      },
    ])
    expect(detail.data.status_history).toEqual([
      { from: null, to: 'open', at: expect.stringMatching(ISO_UTC), message: null },
      { from: 'open', to: 'in_progress', at: expect.stringMatching(ISO_UTC), message: null },
    ])

    for (const json of [body, detail]) {
      expect(allKeys(json).filter((k) => PRIVATE_KEYS.includes(k))).toEqual([])
    }
    for (const raw of [text, detailText]) {
      expect(raw).not.toContain('Residentsson')
      expect(raw).not.toContain('Ägarsson')
      expect(raw).not.toContain(resident.email)
      expect(raw).not.toContain(owner.email)
      expect(raw).not.toContain('@example.se')
    }
  })

  it('leaves hidden, pending and rejected challenges out of the list and answers 404 for them', async () => {
    const { taxonomy, open, other, hidden, pending, rejected } = await boardWithEverySort()
    const body = await list(`/api/v1/challenges?category=${taxonomy.categorySlug}`)
    expect(body.data.map((c) => c.id).sort()).toEqual([open, other].sort())
    expect(body.total).toBe(2)
    for (const id of [hidden, pending, rejected, 999_999_999]) {
      const response = await get(`/api/v1/challenges/${id}`)
      expect(response.status).toBe(404)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(await response.json()).toEqual({
        error: { status: 404, message: expect.any(String) },
      })
    }
  })

  it('answers malformed ids with 404', async () => {
    for (const id of ['0', '-1', 'abc', '1%20OR%201=1', '1e3', '0x10', '9007199254740993']) {
      const response = await get(`/api/v1/challenges/${id}`)
      expect(response.status, id).toBe(404)
      expect(((await response.json()) as { error: { status: number } }).error.status).toBe(404)
    }
  })

  it('answers any other /api/ path with a JSON error other sites can read, not the HTML page', async () => {
    for (const path of [
      '/api/v1/unknown',
      '/api/v2/challenges',
      '/api/v1/challenges/1/extra',
      '/api',
    ]) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/)
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(((await response.json()) as { error: { status: number } }).error.status).toBe(404)
    }
  })

  it('sends nosniff once on the downloads (not once from the route and again from the server)', async () => {
    for (const path of ['/open-data/challenges.json', '/open-data/challenges.csv']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      await response.arrayBuffer()
    }
  })

  it('gives the total for the filter, whatever the page size', async () => {
    const taxonomy = await createTaxonomy()
    const resident = await createUser()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(
        await createChallengeFor(resident.id, {
          title: `Utmaning nummer ${i} i kvarteret`,
          categoryId: taxonomy.categoryId,
          areaId: taxonomy.areaId,
        }),
      )
    }
    await hide(ids[0]!)
    const filter = `category=${taxonomy.categorySlug}&area=${taxonomy.areaSlug}`
    const seen: number[] = []
    for (const page of [1, 2]) {
      const body = await list(`/api/v1/challenges?${filter}&per_page=2&page=${page}`)
      expect(body).toMatchObject({ total: 4, page, per_page: 2 })
      expect(body.data).toHaveLength(2)
      seen.push(...body.data.map((c) => c.id))
    }
    const last = await list(`/api/v1/challenges?${filter}&per_page=2&page=3`)
    expect(last.data).toHaveLength(0)
    expect(last.total).toBe(4)
    expect(seen.sort()).toEqual(ids.slice(1).sort())
    // Newest first by default.
    const newest = await list(`/api/v1/challenges?${filter}`)
    expect(newest.data.map((c) => c.id)).toEqual(ids.slice(1).reverse())
    expect(newest.per_page).toBe(20)

    // "unsolved" means open only; its total agrees with its list.
    await markSolved(ids[1]!, resident.id)
    const unsolved = await list(`/api/v1/challenges?${filter}&sort=unsolved`)
    expect(unsolved.total).toBe(3)
    expect(unsolved.data.map((c) => c.id)).toEqual(ids.slice(2))
    expect((await list(`/api/v1/challenges?${filter}&sort=unsolved&status=solved`)).total).toBe(0)
    const solved = await list(`/api/v1/challenges?${filter}&status=solved`)
    expect(solved.data.map((c) => c.id)).toEqual([ids[1]])
    expect(solved.total).toBe(1)
  })

  it('refuses a per_page outside 1–100 and values outside the allowlists with a JSON 400', async () => {
    for (const query of [
      'per_page=0',
      'per_page=101',
      'per_page=-1',
      'per_page=abc',
      'per_page=1.5',
      'per_page=1e2',
      'per_page=10&per_page=20',
      'page=0',
      'page=abc',
      'status=hidden',
      'status=pending',
      'sort=password_hash',
      'by=admin',
      'category=does-not-exist',
      'area=Robert%27);',
      'q=a&q=b',
    ]) {
      const response = await get(`/api/v1/challenges?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      const body = (await response.json()) as { error: { status: number; message: string } }
      expect(body.error.status).toBe(400)
      expect(body.error.message.length).toBeGreaterThan(0)
    }
    expect((await list('/api/v1/challenges?per_page=100')).per_page).toBe(100)
    expect((await list('/api/v1/challenges?per_page=1')).data.length).toBeLessThanOrEqual(1)
  })

  it('sends CORS and cache headers, a weak ETag, and 304 when the client has that version', async () => {
    const { taxonomy, open } = await boardWithEverySort()
    const path = `/api/v1/challenges?category=${taxonomy.categorySlug}`
    for (const url of [path, `/api/v1/challenges/${open}`]) {
      const first = await get(url)
      expect(first.status).toBe(200)
      expect(first.headers.get('access-control-allow-origin')).toBe('*')
      expect(first.headers.get('cache-control')).toBe('public, max-age=60')
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
      const again = await get(url, { 'If-None-Match': etag })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
      expect(again.headers.get('access-control-allow-origin')).toBe('*')
      // A list of tags, and the strong form of the same tag, also match (weak comparison).
      expect((await get(url, { 'If-None-Match': `"x", ${etag.slice(2)}` })).status).toBe(304)
      expect((await get(url, { 'If-None-Match': 'W/"something-else"' })).status).toBe(200)
    }
    // A change gives a new version.
    const before = (await get(path)).headers.get('etag')!
    await db.updateTable('challenges').set({ vote_count: 7 }).where('id', '=', open).execute()
    const after = await get(path, { 'If-None-Match': before })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before)
  })

  it('treats SQL and FTS syntax in q as words', async () => {
    const resident = await createUser()
    const id = await createChallengeFor(resident.id, {
      title: `Robert'); DROP TABLE challenges;-- vid torget`,
    })
    for (const q of [`' OR 1=1--`, '"', 'NEAR(', '*', 'AND OR NOT', 'x'.repeat(8_000)]) {
      const body = await list(`/api/v1/challenges?q=${encodeURIComponent(q)}`)
      expect(Array.isArray(body.data), q).toBe(true)
      expect(body.total).toBeGreaterThanOrEqual(body.data.length)
    }
    // Longer than Node accepts in a request line: refused before the app, never a 500.
    const huge = await get(`/api/v1/challenges?q=${'x'.repeat(20_000)}`)
    expect(huge.status).toBeGreaterThanOrEqual(400)
    expect(huge.status).toBeLessThan(500)
    const found = await list(
      `/api/v1/challenges?q=${encodeURIComponent('DROP TABLE challenges;--')}`,
    )
    expect(found.data.map((c) => c.id)).toContain(id)
    expect(found.total).toBeGreaterThanOrEqual(1)
    const everything = await list(`/api/v1/challenges?q=${encodeURIComponent(`' OR 1=1--`)}`)
    expect(everything.data.map((c) => c.id)).not.toContain(id)
  })
})

describe('photos and place in the API', () => {
  it('lists public photos with absolute URLs for every size and format, never a hidden one', async () => {
    const { taxonomy, resident, open, other } = await boardWithEverySort()
    const [first, hidden, second] = await photosOnChallenge(open, resident.id, [
      { alt: 'Trasig bänk, sittbrädan saknas', caption: 'Från gångvägen' },
      { alt: 'Dolt foto', hidden: true },
      { alt: 'Samma bänk från sidan' },
    ])
    await placeOnChallenge(open, {
      text: 'Parken vid ån, norra entrén',
      lat: 59.3293,
      lng: 18.0686,
    })
    await placeOnChallenge(other, { text: 'Hamnen', lat: null, lng: null })

    const body = await list(`/api/v1/challenges?category=${taxonomy.categorySlug}`)
    const item = body.data.find((c) => c.id === open)!
    expect(item.place).toEqual({ text: 'Parken vid ån, norra entrén', lat: 59.3293, lng: 18.0686 })
    const sizes = (key: string) => ({
      card: {
        width: 480,
        height: 360,
        webp: `http://localhost:3000/photos/${key}/card.webp`,
        jpeg: `http://localhost:3000/photos/${key}/card.jpg`,
      },
      page: {
        width: 640,
        height: 480,
        webp: `http://localhost:3000/photos/${key}/page.webp`,
        jpeg: `http://localhost:3000/photos/${key}/page.jpg`,
      },
      full: {
        width: 640,
        height: 480,
        webp: `http://localhost:3000/photos/${key}/full.webp`,
        jpeg: `http://localhost:3000/photos/${key}/full.jpg`,
      },
    })
    const photos = [
      { alt: 'Trasig bänk, sittbrädan saknas', caption: 'Från gångvägen', sizes: sizes(first!) },
      { alt: 'Samma bänk från sidan', caption: null, sizes: sizes(second!) },
    ]
    expect(item.photos).toEqual(photos)
    const otherItem = body.data.find((c) => c.id === other)!
    expect(otherItem.place).toEqual({ text: 'Hamnen', lat: null, lng: null })
    expect(otherItem.photos).toEqual([])

    const detail = (await (await get(`/api/v1/challenges/${open}`)).json()) as {
      data: Record<string, unknown>
    }
    expect(detail.data.photos).toEqual(photos)
    expect(detail.data.place).toEqual(item.place)
    expect(JSON.stringify([body, detail])).not.toContain(hidden!)

    // The URLs answer with images of the size they claim.
    for (const size of ['card', 'page'] as const) {
      const url = new URL(photos[0]!.sizes[size].jpeg)
      const image = await get(url.pathname)
      expect(image.status, url.pathname).toBe(200)
      expect(image.headers.get('content-type')).toBe('image/jpeg')
      await image.arrayBuffer()
    }
  })

  it('gives null for a challenge without a place and only coordinates when only they exist', async () => {
    const resident = await createUser()
    const bare = await createChallengeFor(resident.id)
    const located = await createChallengeFor(resident.id)
    await placeOnChallenge(located, { text: null, lat: 59.33, lng: 18.07 })
    const read = async (id: number) =>
      ((await (await get(`/api/v1/challenges/${id}`)).json()) as { data: Record<string, unknown> })
        .data
    expect((await read(bare)).place).toBeNull()
    expect((await read(located)).place).toEqual({ text: null, lat: 59.33, lng: 18.07 })
  })
})

describe('photos of solutions and progress updates in the API', () => {
  interface Detail {
    solutions: Array<{ id: number; photos: unknown[] }>
    pledges: Array<{ plan: string; updates: Array<Record<string, unknown>> }>
  }
  const detailOf = async (id: number) => {
    const response = await get(`/api/v1/challenges/${id}`)
    expect(response.status).toBe(200)
    const text = await response.text()
    return {
      etag: response.headers.get('etag')!,
      text,
      data: (JSON.parse(text) as { data: Detail }).data,
    }
  }
  /** A public photo as the API gives it, with absolute URLs of its own files. */
  const apiPhoto = (key: string, alt: string, caption: string | null = null) => ({
    alt,
    caption,
    sizes: Object.fromEntries(
      (['card', 'page', 'full'] as const).map((size) => [
        size,
        {
          width: expect.any(Number),
          height: expect.any(Number),
          webp: `http://localhost:3000/photos/${key}/${size}.webp`,
          jpeg: `http://localhost:3000/photos/${key}/${size}.jpg`,
        },
      ]),
    ),
  })
  const keysOf = (where: 'solution_id' | 'pledge_update_id', id: number) =>
    db
      .selectFrom('photos')
      .select(['id', 'key'])
      .where(where, '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute()
  const hideAsModerator = async (
    challengeId: number,
    subjectType: 'photo' | 'solution',
    subjectId: number,
  ) => {
    const moderator = await server.signedIn({ role: 'moderator' })
    const response = await moderator.client.post(`/moderation/challenges/${challengeId}`, {
      intent: 'hide',
      subjectType,
      subjectId: String(subjectId),
      reason: 'personal_data',
    })
    expect(response.status).toBe(302)
  }

  it('gives a solution its public photos in order, never one a moderator hid, with a new ETag on each change', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const proposer = await server.signedIn({ name: 'Petra Förslagsdotter Zeta' })
    const posted = await proposer.client.request(`/challenges/${challengeId}`, {
      method: 'POST',
      body: multipart(
        {
          intent: 'solution',
          body: 'Sätt upp ett räcke längs trappan.',
          newPhotoAlt: ['Trappan utan räcke', 'Skiss av räcket'],
          newPhotoCaption: ['Från gatan', ''],
        },
        [
          { name: 'trappa.png', bytes: await smallPng(), type: 'image/png' },
          { name: 'skiss.png', bytes: await smallPng(320, 240), type: 'image/png' },
        ],
      ),
    })
    expect(posted.status).toBe(302)
    const { id: solutionId } = await db
      .selectFrom('solutions')
      .select('id')
      .where('challenge_id', '=', challengeId)
      .executeTakeFirstOrThrow()
    // A second proposal without photos has an empty list.
    const bare = await proposeSolution({
      challengeId,
      authorId: owner.id,
      organisationId: null,
      body: 'Bygg en ramp.',
    })
    const [stairs, sketch] = await keysOf('solution_id', solutionId)

    const first = await detailOf(challengeId)
    expect(first.data.solutions.map((s) => [s.id, s.photos])).toEqual([
      [
        solutionId,
        [
          apiPhoto(stairs!.key, 'Trappan utan räcke', 'Från gatan'),
          apiPhoto(sketch!.key, 'Skiss av räcket'),
        ],
      ],
      [bare, []],
    ])
    expect(allKeys(JSON.parse(first.text)).filter((k) => PRIVATE_KEYS.includes(k))).toEqual([])
    expect(first.text).not.toContain('Förslagsdotter')
    expect(first.text).not.toContain(proposer.user.email)

    // A moderator hides one: the API gives the other alone, under a new ETag.
    await hideAsModerator(challengeId, 'photo', sketch!.id)
    const hidden = await detailOf(challengeId)
    expect(hidden.data.solutions[0]!.photos).toEqual([
      apiPhoto(stairs!.key, 'Trappan utan räcke', 'Från gatan'),
    ])
    expect(hidden.text).not.toContain(sketch!.key)
    expect(hidden.etag).not.toBe(first.etag)
    const revalidated = await get(`/api/v1/challenges/${challengeId}`, {
      'If-None-Match': first.etag,
    })
    expect(revalidated.status).toBe(200)

    // A photo added to the proposal changes it again.
    const added = await addPhoto({
      userId: proposer.user.id,
      target: { solutionId: bare },
      alt: 'Rampen i skiss',
    })
    const after = await detailOf(challengeId)
    expect(after.data.solutions[1]!.photos).toEqual([apiPhoto(added.key, 'Rampen i skiss')])
    expect(after.etag).not.toBe(hidden.etag)
  })

  it('gives each pledge its progress updates, oldest first, with their public photos', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const pledger = await server.signedIn({ name: 'Gustav Pantsson Omega' })
    const pledgeId = await pledge({
      challengeId,
      userId: pledger.user.id,
      organisationId: null,
      plan: 'Vi rensar brunnarna.',
    })
    const png = await smallPng(320, 240)
    const withPhoto = await pledger.client.request(`/challenges/${challengeId}`, {
      method: 'POST',
      body: multipart(
        {
          intent: 'progress',
          pledgeId: String(pledgeId),
          body: 'Första brunnen är **rensad**.',
          newPhotoAlt: 'Rensad brunn med nytt galler',
        },
        [{ name: 'brunn.png', bytes: png, type: 'image/png' }],
      ),
    })
    expect(withPhoto.status).toBe(302)
    const without = await pledger.client.post(`/challenges/${challengeId}`, {
      intent: 'progress',
      pledgeId: String(pledgeId),
      body: 'Andra brunnen är också klar.',
    })
    expect(without.status).toBe(302)
    const [firstUpdate] = await db
      .selectFrom('pledge_updates')
      .select('id')
      .where('pledge_id', '=', pledgeId)
      .orderBy('id')
      .execute()
    const [photo] = await keysOf('pledge_update_id', firstUpdate!.id)

    const before = await detailOf(challengeId)
    expect(before.data.pledges).toEqual([
      expect.objectContaining({
        plan: 'Vi rensar brunnarna.',
        updates: [
          {
            body_html: expect.stringContaining('<strong>rensad</strong>'),
            created_at: expect.stringMatching(ISO_UTC),
            photos: [apiPhoto(photo!.key, 'Rensad brunn med nytt galler')],
          },
          {
            body_html: expect.stringContaining('Andra brunnen är också klar.'),
            created_at: expect.stringMatching(ISO_UTC),
            photos: [],
          },
        ],
      }),
    ])
    expect(allKeys(JSON.parse(before.text)).filter((k) => PRIVATE_KEYS.includes(k))).toEqual([])
    expect(before.text).not.toContain('Pantsson')
    expect(before.text).not.toContain(pledger.user.email)

    // Hidden by a moderator, the photo leaves the update and the ETag changes.
    await hideAsModerator(challengeId, 'photo', photo!.id)
    const after = await detailOf(challengeId)
    expect(after.data.pledges[0]!.updates[0]!.photos).toEqual([])
    expect(after.text).not.toContain(photo!.key)
    expect(after.etag).not.toBe(before.etag)
  })

  it('gives nothing of a hidden solution, nor of a held or withdrawn pledge’s updates, beside the visible ones', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const member = await createUser()
    const solution = (body: string) =>
      proposeSolution({ challengeId, authorId: member.id, organisationId: null, body })
    const shownSolution = await solution('Ett synligt förslag.')
    const hiddenSolution = await solution('Ett förslag som döljs.')
    const shownSolutionPhoto = await addPhoto({
      userId: member.id,
      target: { solutionId: shownSolution },
      alt: 'Synligt förslagsfoto',
    })
    const hiddenSolutionPhoto = await addPhoto({
      userId: member.id,
      target: { solutionId: hiddenSolution },
      alt: 'Foto på ett dolt förslag',
    })
    await hideAsModerator(challengeId, 'solution', hiddenSolution)

    /** A pledge by a new member with one progress update carrying one photo. */
    const pledgeWithUpdate = async (plan: string, held: boolean) => {
      const pledger = await createUser()
      const pledgeId = await pledge({
        challengeId,
        userId: pledger.id,
        organisationId: null,
        plan,
        held,
      })
      await postProgress({ pledgeId, authorId: pledger.id, body: `Lägesrapport: ${plan}` })
      const update = await db
        .selectFrom('pledge_updates')
        .select('id')
        .where('pledge_id', '=', pledgeId)
        .executeTakeFirstOrThrow()
      const photo = await addPhoto({
        userId: pledger.id,
        target: { pledgeUpdateId: update.id },
        alt: `Foto: ${plan}`,
      })
      return { pledgeId, photo }
    }
    const shownPledge = await pledgeWithUpdate('Synligt åtagande', false)
    const heldPledge = await pledgeWithUpdate('Kvarhållet åtagande', true)
    const withdrawnPledge = await pledgeWithUpdate('Återkallat åtagande', false)
    await withdrawPledge(withdrawnPledge.pledgeId)

    const { data, text } = await detailOf(challengeId)
    expect(data.solutions.map((s) => [s.id, s.photos])).toEqual([
      [shownSolution, [apiPhoto(shownSolutionPhoto.key, 'Synligt förslagsfoto')]],
    ])
    expect(data.pledges.map((p) => [p.plan, p.updates])).toEqual([
      [
        'Synligt åtagande',
        [
          {
            body_html: expect.stringContaining('Lägesrapport: Synligt åtagande'),
            created_at: expect.stringMatching(ISO_UTC),
            photos: [apiPhoto(shownPledge.photo.key, 'Foto: Synligt åtagande')],
          },
        ],
      ],
    ])
    for (const secret of [
      hiddenSolutionPhoto.key,
      heldPledge.photo.key,
      withdrawnPledge.photo.key,
      'Ett förslag som döljs',
      'Kvarhållet åtagande',
      'Återkallat åtagande',
    ])
      expect(text).not.toContain(secret)
  })
})

describe('GET /feed.xml', () => {
  const parseXml = (xml: string) =>
    new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml')

  it('is well-formed Atom with escaped titles and only public challenges', async () => {
    const { taxonomy, resident, open, other, hidden, pending, rejected } =
      await boardWithEverySort()
    const title = 'Skylt <script>alert(1)</script> & "citat" vid torget'
    const tricky = await createChallengeFor(resident.id, {
      title,
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
    const response = await get(`/feed.xml?category=${taxonomy.categorySlug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(response.headers.get('etag')).toMatch(/^W\//)
    const xml = await response.text()
    expect(xml).not.toContain('<script>')
    expect(xml).toContain('Skylt &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;')

    const doc = parseXml(xml)
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom')
    const entries = [...doc.getElementsByTagName('entry')]
    const ids = entries.map((e) => e.getElementsByTagName('id')[0]!.textContent)
    const url = (id: number) => `http://localhost:3000/challenges/${id}`
    expect(ids.sort()).toEqual([url(open), url(other), url(tricky)].sort())
    for (const id of [hidden, pending, rejected]) expect(xml).not.toContain(url(id))
    const entry = entries.find((e) => e.getElementsByTagName('id')[0]!.textContent === url(tricky))!
    expect(entry.getElementsByTagName('title')[0]!.textContent).toBe(title)
    expect(entry.getElementsByTagName('link')[0]!.getAttribute('href')).toBe(url(tricky))
    expect(entry.getElementsByTagName('updated')[0]!.textContent).toMatch(ISO_UTC)
    expect(entry.getElementsByTagName('summary')[0]!.textContent).toContain('problemet')
    expect(entry.getElementsByTagName('category')[0]!.getAttribute('term')).toBe(
      taxonomy.categorySlug,
    )
    expect(xml).not.toContain('Residentsson')
  })

  it('follows the board filters and refuses bad ones with a plain-text 400', async () => {
    const { taxonomy, open } = await boardWithEverySort()
    const xml = await (
      await get(`/feed.xml?category=${taxonomy.categorySlug}&q=b%C3%A4nkar`)
    ).text()
    expect(parseXml(xml).getElementsByTagName('entry')).toHaveLength(1)
    expect(xml).toContain(`/challenges/${open}<`)
    for (const query of ['status=hidden', 'sort=password_hash', 'category=nope', 'by=x&by=y']) {
      const response = await get(`/feed.xml?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    }
  })

  it('gives an entry its first public photo as a JPEG enclosure with its length, and none without', async () => {
    const { taxonomy, resident, open, other } = await boardWithEverySort()
    const [hidden, first] = await photosOnChallenge(open, resident.id, [
      { alt: 'Dolt först', hidden: true },
      { alt: 'Bänken & "sittbrädan"' },
      { alt: 'Andra fotot' },
    ])
    const xml = await (await get(`/feed.xml?category=${taxonomy.categorySlug}`)).text()
    const doc = parseXml(xml)
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    const entryOf = (id: number) =>
      [...doc.getElementsByTagName('entry')].find(
        (e) =>
          e.getElementsByTagName('id')[0]!.textContent === `http://localhost:3000/challenges/${id}`,
      )!
    const enclosures = (id: number) =>
      [...entryOf(id).getElementsByTagName('link')].filter(
        (l) => l.getAttribute('rel') === 'enclosure',
      )
    const [enclosure, ...more] = enclosures(open)
    expect(more).toEqual([])
    expect(enclosure!.getAttribute('type')).toBe('image/jpeg')
    const href = enclosure!.getAttribute('href')!
    expect(href).toBe(`http://localhost:3000/photos/${first}/page.jpg`)
    expect(enclosure!.getAttribute('title')).toBe('Bänken & "sittbrädan"')
    const image = await get(new URL(href).pathname)
    expect(image.status).toBe(200)
    const bytes = await image.arrayBuffer()
    expect(Number(enclosure!.getAttribute('length'))).toBe(bytes.byteLength)
    expect(enclosures(other)).toEqual([])
    expect(xml).not.toContain(hidden!)
  })

  it('answers 304 to a reader that has the current version', async () => {
    const first = await get('/feed.xml')
    const etag = first.headers.get('etag')!
    expect((await get('/feed.xml', { 'If-None-Match': etag })).status).toBe(304)
  })

  it('dates an empty feed by the newest public change on the board, never 1970', async () => {
    const { open, hidden, pending } = await boardWithEverySort()
    const stamp = (id: number, at: string) =>
      db.updateTable('challenges').set({ updated_at: at }).where('id', '=', id).execute()
    const before = await db
      .selectFrom('challenges')
      .select(['id', 'updated_at'])
      .where('id', 'in', [open, hidden, pending])
      .execute()
    try {
      await stamp(open, '2098-01-01T10:00:00.000Z')
      // Later changes to what is not public must not show through the date.
      await stamp(hidden, '2099-01-01T10:00:00.000Z')
      await stamp(pending, '2099-02-01T10:00:00.000Z')
      const response = await get('/feed.xml?q=inget-matchar-detta-zqxv')
      expect(response.status).toBe(200)
      const doc = parseXml(await response.text())
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
      expect(doc.getElementsByTagName('entry')).toHaveLength(0)
      const updated = [...doc.documentElement.children].find((e) => e.localName === 'updated')
      expect(updated?.textContent).toBe('2098-01-01T10:00:00.000Z')
    } finally {
      for (const row of before) await stamp(row.id, row.updated_at)
    }
  })
})

describe('credit in the open data', () => {
  it('lists the accepted solution with its organisation and no resident name', async () => {
    const resident = await createUser({ name: 'Hemlig Invånare Xylofon' })
    const owner = await createUser()
    const org = await createOrganisation({ name: 'Lösarna AB', ownerId: owner.id })
    const id = await createChallengeFor(resident.id)
    const solutionId = await proposeSolution({
      challengeId: id,
      authorId: owner.id,
      organisationId: org.id,
      body: 'Vi fixar det.',
    })
    await acceptSolution({ solutionId, actorId: resident.id, accept: true })
    await markSolved(id, resident.id)
    const response = await get(`/api/v1/challenges/${id}`)
    const text = await response.text()
    const body = JSON.parse(text) as {
      data: { status: string; solutions: Array<Record<string, unknown>> }
    }
    expect(body.data.status).toBe('solved')
    expect(body.data.solutions).toEqual([
      {
        id: solutionId,
        body_html: expect.stringContaining('Vi fixar det.'),
        organisation: { slug: org.slug, name: 'Lösarna AB', kind: 'business' },
        votes: 0,
        accepted: true,
        created_at: expect.stringMatching(ISO_UTC),
        photos: [],
      },
    ])
    expect(text).not.toContain('Xylofon')
  })
})
