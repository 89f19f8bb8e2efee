import { JSDOM } from 'jsdom'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { photosOnChallenge } from '../helpers/photo-posts'
import { inertProblems, MARKDOWN_VECTORS } from '../helpers/xss'
import { challengeRow, hideChallenge } from '../helpers/challenge-rows'
import { countRows } from '../helpers/count-rows'

const server = testServerForFile()
const signedIn = server.signedIn
let taxonomy: Awaited<ReturnType<typeof createTaxonomy>>
beforeAll(async () => {
  taxonomy = await createTaxonomy()
})

/** Proposes a solution with the challenge page's form (the challenge's only one): its row's id. */
async function proposeThroughForm(client: Client, challengeId: number, body: string) {
  await client.post(`/challenges/${challengeId}`, { intent: 'solution', body })
  return db
    .selectFrom('solutions')
    .select('id')
    .where('challenge_id', '=', challengeId)
    .executeTakeFirstOrThrow()
}

function challengeForm(overrides: Record<string, string> = {}) {
  return {
    intent: 'post',
    title: 'Ingen kvällsbuss till hamnen efter nio',
    description: 'Sista bussen går **20.40**.',
    categoryId: String(taxonomy.categoryId),
    areaId: String(taxonomy.areaId),
    ...overrides,
  }
}

const idFrom = (response: Response) =>
  Number(/\/challenges\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])

describe('posting a challenge', () => {
  it('asks a visitor to sign in first', async () => {
    const response = await server.client().get('/challenges/new')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fchallenges%2Fnew')
  })

  it('publishes a challenge and ignores fields the form does not have', async () => {
    const { user, client } = await signedIn()
    const response = await client.post(
      '/challenges/new',
      challengeForm({ status: 'solved', vote_count: '9999', authorId: '1', hidden_at: 'x' }),
    )
    expect(response.status).toBe(302)
    const row = await db
      .selectFrom('challenges')
      .selectAll()
      .where('id', '=', idFrom(response))
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'open',
      vote_count: 0,
      author_id: user.id,
      hidden_at: null,
    })
    expect(row.description_html).toBe('<p>Sista bussen går <strong>20.40</strong>.</p>')
    const page = await client.get(`/challenges/${row.id}`)
    expect(await page.text()).toContain('Ingen kvällsbuss till hamnen efter nio')
  })

  it('creates one challenge when the same form is sent twice', async () => {
    const { client } = await signedIn()
    const form = challengeForm({ title: 'Dubbelklickad utmaning om laddstolpar' })
    const [a, b] = [
      await client.post('/challenges/new', form),
      await client.post('/challenges/new', form),
    ]
    expect(idFrom(a)).toBe(idFrom(b))
    const rows = await db
      .selectFrom('challenges')
      .select('id')
      .where('title', '=', form.title)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('answers bad input with 400, the input kept and each limit named', async () => {
    const { client } = await signedIn()
    const before = await countRows('challenges')
    const response = await client.post('/challenges/new', {
      intent: 'post',
      title: 'Kort',
      description: 'x'.repeat(20_001),
      categoryId: '',
      areaId: '999999',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Kort"')
    expect(html).toContain('Minst 10 tecken.')
    expect(html).toContain('Högst 20000 tecken.')
    expect(html).toContain('Gör ett val.')
    expect(await countRows('challenges')).toBe(before)
  })

  it.each([
    ['empty', ''],
    ['only spaces', '            '],
    ['only zero-width characters', '\u200b'.repeat(12)],
  ])('refuses a title that is %s', async (_label, title) => {
    const { client } = await signedIn()
    expect((await client.post('/challenges/new', challengeForm({ title }))).status).toBe(400)
  })

  it('refuses posting for an organisation the user does not belong to', async () => {
    const { client } = await signedIn()
    const other = await createOrganisation()
    const response = await client.post(
      '/challenges/new',
      challengeForm({
        organisationId: String(other.id),
        title: 'För någon annans räkning, inte okej',
      }),
    )
    expect(response.status).toBe(400)
  })

  it('previews the Markdown and lists similar challenges without JavaScript', async () => {
    const author = await createUser()
    await createChallengeFor(author.id, { title: 'Översvämning vid strandpromenaden varje höst' })
    const { client } = await signedIn()
    const response = await client.post(
      '/challenges/new',
      challengeForm({
        intent: 'preview',
        title: 'Strandpromenaden översvämmas',
        description: 'Vatten *överallt*',
      }),
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<em>överallt</em>')
    expect(html).toContain('Översvämning vid strandpromenaden varje höst')
  })
})

describe('who may do what', () => {
  it("gives 403 for editing someone else's challenge and 404 for unknown ones", async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    expect((await client.get(`/challenges/${id}/edit`)).status).toBe(403)
    expect(
      (await client.post(`/challenges/${id}/edit`, challengeForm({ intent: 'save' }))).status,
    ).toBe(403)
    expect((await client.post(`/challenges/${id}/edit`, { intent: 'withdraw' })).status).toBe(403)
    expect((await challengeRow(id)).status).toBe('open')
  })

  it('lets the owner edit (every revision kept) and a moderator too', async () => {
    const { user, client } = await signedIn()
    const id = await createChallengeFor(user.id, {
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
    expect(
      (
        await client.post(
          `/challenges/${id}/edit`,
          challengeForm({ intent: 'save', title: 'Ny rubrik efter redigering' }),
        )
      ).status,
    ).toBe(302)
    const moderator = await signedIn({ role: 'moderator' })
    expect(
      (
        await moderator.client.post(
          `/challenges/${id}/edit`,
          challengeForm({ intent: 'save', title: 'Rubrik rättad av moderator' }),
        )
      ).status,
    ).toBe(302)
    const revisions = await db
      .selectFrom('challenge_revisions')
      .select('title')
      .where('challenge_id', '=', id)
      .orderBy('id')
      .execute()
    expect(revisions).toHaveLength(3)
    expect(await (await server.client().get(`/challenges/${id}`)).text()).toContain('redigerad')
  })

  it('refuses accepting a solution unless one owns the challenge', async () => {
    const owner = await signedIn()
    const id = await createChallengeFor(owner.user.id)
    const proposer = await signedIn()
    const solution = await proposeThroughForm(proposer.client, id, 'Så här löser vi det.')
    expect(
      (
        await proposer.client.post(`/challenges/${id}`, {
          intent: 'accept',
          targetId: String(solution.id),
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await owner.client.post(`/challenges/${id}`, {
          intent: 'accept',
          targetId: String(solution.id),
        })
      ).status,
    ).toBe(302)
    expect((await proposer.client.post(`/challenges/${id}`, { intent: 'solve' })).status).toBe(403)
    expect((await owner.client.post(`/challenges/${id}`, { intent: 'solve' })).status).toBe(302)
    expect((await challengeRow(id)).status).toBe('solved')
  })

  it('sends a visitor who tries to act to the login page', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const before = await countRows('challenge_votes')
    const response = await server.client().post(`/challenges/${id}`, { intent: 'vote' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toContain('/login')
    expect(await countRows('challenge_votes')).toBe(before)
  })
})

describe('bad ids and queries', () => {
  it.each(['0', '-1', 'abc', '1%20OR%201=1', '1e309', '0x10', '9007199254740993', '1.5'])(
    'answers /challenges/%s with 404',
    async (id) => {
      const response = await server.client().get(`/challenges/${id}`)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('Sidan finns inte')
    },
  )

  it.each([
    'sort=password_hash',
    'status=hidden',
    'status=pending',
    'by=admin',
    'category=../../etc',
    'page=0',
    'page=abc',
    'page=1&page=2',
  ])('refuses ?%s with 400', async (query) => {
    expect((await server.client().get(`/challenges?${query}`)).status).toBe(400)
  })

  it.each([`' OR 1=1--`, '"', 'NEAR(', '*', 'AND OR NOT', 'title:x', 'x'.repeat(5_000)])(
    'treats q=%s as words',
    async (q) => {
      const response = await server.client().get(`/challenges?q=${encodeURIComponent(q)}`)
      expect(response.status).toBe(200)
    },
  )

  it('refuses a 20,000-character query line with a 4xx, not a 500', async () => {
    const response = await server.client().get(`/challenges?q=${'x'.repeat(20_000)}`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  it('keeps hidden and pending challenges away from visitors, the board and ?_data', async () => {
    const owner = await createUser()
    const hidden = await createChallengeFor(owner.id, { title: 'Hemlig dold utmaning om bryggan' })
    await hideChallenge(hidden)
    const pending = await createChallengeFor(owner.id, {
      title: 'Hemlig väntande utmaning om bryggan',
      status: 'pending',
    })
    for (const id of [hidden, pending]) {
      expect((await server.client().get(`/challenges/${id}`)).status).toBe(404)
      expect(
        (await server.client().get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)).status,
      ).toBe(404)
    }
    const board = await (await server.client().get('/challenges?q=bryggan')).text()
    expect(board).not.toContain('Hemlig')
  })
})

describe('votes, flags and comments over HTTP', () => {
  it('counts one vote from 20 identical concurrent requests', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    await Promise.all(
      Array.from({ length: 20 }, () => client.post(`/challenges/${id}`, { intent: 'vote' })),
    )
    const row = await db
      .selectFrom('challenges')
      .select('vote_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.vote_count).toBe(1)
  })

  it('refuses a vote on one own challenge and on a hidden one', async () => {
    const { user, client } = await signedIn()
    const own = await createChallengeFor(user.id)
    expect((await client.post(`/challenges/${own}`, { intent: 'vote' })).status).toBe(403)
    const other = await createUser()
    const hidden = await createChallengeFor(other.id)
    await hideChallenge(hidden)
    expect((await client.post(`/challenges/${hidden}`, { intent: 'vote' })).status).toBe(404)
  })

  it('comments on a solution, shown under it', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    const solution = await proposeThroughForm(client, id, 'Ett förslag att diskutera')
    expect(
      (
        await client.post(`/challenges/${id}`, {
          intent: 'comment',
          body: 'Fråga om förslaget',
          solutionId: String(solution.id),
        })
      ).status,
    ).toBe(302)
    const row = await db
      .selectFrom('solutions')
      .select('comment_count')
      .where('id', '=', solution.id)
      .executeTakeFirstOrThrow()
    expect(row.comment_count).toBe(1)
    const html = await (await client.get(`/challenges/${id}`)).text()
    const solutionBlock = html.slice(
      html.indexOf(`id="solution-${solution.id}"`),
      html.indexOf('id="comments"'),
    )
    expect(solutionBlock).toContain('Fråga om förslaget')
  })

  it('keeps one comment and one solution when a form is sent twice', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    for (let i = 0; i < 2; i++) {
      await client.post(`/challenges/${id}`, {
        intent: 'comment',
        body: 'Samma kommentar två gånger',
      })
      await client.post(`/challenges/${id}`, {
        intent: 'solution',
        body: 'Samma förslag två gånger',
      })
    }
    const row = await db
      .selectFrom('challenges')
      .select(['comment_count', 'solution_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ comment_count: 1, solution_count: 1 })
  })

  it('stores one flag when the same user flags five times', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    for (let i = 0; i < 5; i++) {
      await client.post(`/challenges/${id}`, {
        intent: 'flag',
        subjectType: 'challenge',
        subjectId: String(id),
        reason: 'spam',
      })
    }
    const flags = await db.selectFrom('flags').select('id').where('challenge_id', '=', id).execute()
    expect(flags).toHaveLength(1)
  })

  it('slows down a flood of comments with 429', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    const statuses: number[] = []
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await client.post(`/challenges/${id}`, { intent: 'comment', body: `Kommentar ${i}` }))
          .status,
      )
    expect(statuses.slice(0, 30).every((s) => s === 302)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('answers an empty comment with 400 and the page', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    const response = await client.post(`/challenges/${id}`, { intent: 'comment', body: '   ' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Fyll i fältet.')
  })

  it('answers an unknown intent with 400', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    expect((await client.post(`/challenges/${id}`, { intent: 'constructor' })).status).toBe(400)
    expect((await client.post(`/challenges/${id}`, { intent: '__proto__' })).status).toBe(400)
  })
})

describe('Markdown through every field', () => {
  // Dozens of sign-ups and sign-ins (each a password hash): slow on a busy machine.
  it(
    'stores every attack vector inert in descriptions, solutions, comments and progress',
    { timeout: 90_000 },
    async () => {
      const other = await signedIn()
      const target = await createChallengeFor(other.user.id)
      const authors: number[] = []
      // One author per vector keeps each under the posting rate limit.
      for (const [i, vector] of MARKDOWN_VECTORS.entries()) {
        const { user, client } = await signedIn()
        authors.push(user.id)
        const posted = await client.post(
          '/challenges/new',
          challengeForm({ title: `Attackvektor nummer ${i} i beskrivningen`, description: vector }),
        )
        expect(posted.status).toBe(302)
        expect(
          (await client.post(`/challenges/${target}`, { intent: 'solution', body: vector })).status,
        ).toBe(302)
        expect(
          (await client.post(`/challenges/${target}`, { intent: 'comment', body: vector })).status,
        ).toBe(302)
        expect(
          (await client.post(`/challenges/${target}`, { intent: 'pledge', plan: 'Vi gör det' }))
            .status,
        ).toBe(302)
        const pledge = await db
          .selectFrom('pledges')
          .select('id')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
        expect(
          (
            await client.post(`/challenges/${target}`, {
              intent: 'progress',
              pledgeId: String(pledge.id),
              body: vector,
            })
          ).status,
        ).toBe(302)
      }
      const bodiesBy = (table: 'solutions' | 'comments' | 'pledge_updates') =>
        db.selectFrom(table).select('body_html as html').where('author_id', 'in', authors).execute()
      const stored = [
        ...(await db
          .selectFrom('challenges')
          .select('description_html as html')
          .where('author_id', 'in', authors)
          .execute()),
        ...(await bodiesBy('solutions')),
        ...(await bodiesBy('comments')),
        ...(await bodiesBy('pledge_updates')),
      ]
      expect(stored.length).toBe(MARKDOWN_VECTORS.length * 4)
      expect(stored.flatMap((s) => inertProblems(s.html))).toEqual([])
      // And the page itself carries no live handler from them.
      const html = await (await server.client().get(`/challenges/${target}`)).text()
      for (const [, attributes] of html.matchAll(/<script([^>]*)>/gi))
        expect(attributes).toMatch(/nonce="/)
      expect(html).not.toMatch(/<(iframe|svg|math|base|meta http-equiv|form action="https)/i)
      expect(html).not.toMatch(/\son(error|load|toggle)=/i)
    },
  )
})

describe('photos on the board cards', () => {
  it('shows the first public photo at card size, lazily, with its alt text; cards without one are unchanged', async () => {
    const own = await createTaxonomy()
    const author = await createUser()
    const make = (title: string) =>
      createChallengeFor(author.id, {
        title,
        categoryId: own.categoryId,
        areaId: own.areaId,
      })
    const photographed = await make('Översvämmad gångtunnel under järnvägen')
    const bare = await make('Trasig belysning längs strandpromenaden')
    const onlyHidden = await make('Nedklottrad busskur vid skolan')
    const [hiddenFirst, first] = await photosOnChallenge(photographed, author.id, [
      { alt: 'Dolt foto', hidden: true },
      { alt: 'Vatten till knäna i tunneln' },
      { alt: 'Tunnelns andra ände' },
    ])
    const [hiddenOnly] = await photosOnChallenge(onlyHidden, author.id, [
      { alt: 'Också dolt', hidden: true },
    ])

    const response = await server.client().get(`/challenges?category=${own.categorySlug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const doc = new JSDOM(html).window.document
    const card = (id: number) => doc.getElementById(`challenge-${id}`)!.closest('article')!

    const pictures = card(photographed).querySelectorAll('picture')
    expect(pictures).toHaveLength(1)
    const source = pictures[0]!.querySelector('source')!
    expect(source.getAttribute('type')).toBe('image/webp')
    expect(source.getAttribute('srcset')).toBe(`/photos/${first}/card.webp`)
    const img = pictures[0]!.querySelector('img')!
    expect(img.getAttribute('src')).toBe(`/photos/${first}/card.jpg`)
    expect(img.getAttribute('alt')).toBe('Vatten till knäna i tunneln')
    expect(img.getAttribute('width')).toBe('480')
    expect(img.getAttribute('height')).toBe('360')
    expect(img.getAttribute('loading')).toBe('lazy')
    // The card size only: no srcset of the larger sizes in a list.
    expect(img.hasAttribute('srcset')).toBe(false)

    for (const id of [bare, onlyHidden]) {
      expect(card(id).querySelector('picture, img')).toBeNull()
      expect(card(id).className).toBe('card')
    }
    expect(html).not.toContain(hiddenFirst!)
    expect(html).not.toContain(hiddenOnly!)
    expect(html).not.toContain('Dolt foto')

    // The image the card names is served.
    const image = await server.client().get(`/photos/${first}/card.jpg`)
    expect(image.status).toBe(200)
    await image.arrayBuffer()
  })
})
