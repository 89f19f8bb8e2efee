import { JSDOM } from 'jsdom'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { startTestServer, type Client } from '../helpers/http'

// Every page's <head>: error pages' titles (issue 10, item 17), descriptions, canonical
// addresses and link-preview tags on public pages, noindex on private ones (item 18).

const ORIGIN = 'http://localhost:3000' // PUBLIC_URL in tests/helpers/setup.ts
const BOARD = 'Utmana' // the default board name

let server: Awaited<ReturnType<typeof startTestServer>>
let anonymous: Client
let moderator: Client
let admin: Client
const TRICKY = 'Skylt "Torget" <b>fet</b> & \'citat\' – här'
const ids = { challenge: 0, hidden: 0, pending: 0 }
let slug = ''

beforeAll(async () => {
  server = await startTestServer()
  anonymous = server.client()
  moderator = (await server.signedIn({ role: 'moderator' })).client
  admin = (await server.signedIn({ role: 'admin' })).client
  const taxonomy = await createTaxonomy()
  const author = await createUser()
  const owner = await createUser()
  const org = await createOrganisation({ name: 'Hamnens "Cykel" <Verkstad>', ownerId: owner.id })
  await db
    .updateTable('organisations')
    .set({ description: 'Vi lagar cyklar vid hamnen\noch lånar ut verktyg.' })
    .where('id', '=', org.id)
    .execute()
  slug = org.slug
  const make = (title: string, description: string, status: 'open' | 'pending' = 'open') =>
    createChallengeFor(author.id, {
      title,
      description,
      status,
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
  ids.challenge = await make(
    TRICKY,
    'Skylten vid torget är **trasig**.\n\nNy rad <script>x</script>.',
  )
  ids.hidden = await make(
    'Dold rubrik Xyloberg',
    'Dold sammanfattning Xyloberg som inte får synas.',
  )
  await db
    .updateTable('challenges')
    .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
    .where('id', '=', ids.hidden)
    .execute()
  ids.pending = await make(
    'Väntande rubrik Qvarnström',
    'Väntande sammanfattning Qvarnström.',
    'pending',
  )
})
afterAll(() => server.close())

function parse(html: string) {
  return new JSDOM(html).window.document
}

/** The <head>'s tags as the page gives them. */
function head(html: string) {
  const doc = parse(html)
  const meta = (attr: 'name' | 'property', key: string) =>
    [...doc.head.querySelectorAll(`meta[${attr}="${key}"]`)].map((m) => m.getAttribute('content'))
  return {
    doc,
    // HTML titles, wherever they are (an SVG chart's own <title> is its tooltip).
    titles: [...doc.querySelectorAll('title')]
      .filter((t) => !t.closest('svg'))
      .map((t) => ({
        text: t.textContent,
        inHead: doc.head.contains(t),
      })),
    description: meta('name', 'description'),
    robots: meta('name', 'robots'),
    og: (key: string) => meta('property', `og:${key}`),
    twitter: meta('name', 'twitter:card'),
    canonical: [...doc.head.querySelectorAll('link[rel="canonical"]')].map((l) =>
      l.getAttribute('href'),
    ),
  }
}

describe('error pages have a translated title in <head>', () => {
  const cases: Array<[string, () => Promise<Response>, number, string, string]> = [
    ['404, unknown path', () => anonymous.get('/finns-inte-alls'), 404, 'Sidan finns inte', ''],
    [
      '404, unknown challenge',
      () => anonymous.get('/challenges/999999'),
      404,
      'Sidan finns inte',
      '',
    ],
    [
      '400, bad board filter',
      () => anonymous.get('/challenges?status=bogus'),
      400,
      'Felaktig begäran',
      '',
    ],
    [
      '403, member on /admin',
      async () => (await server.signedIn()).client.get('/admin'),
      403,
      'Åtkomst nekad',
      '',
    ],
  ]

  it.each(cases)('%s', async (_name, request, status, title) => {
    const response = await request()
    expect(response.status).toBe(status)
    const tags = head(await response.text())
    expect(tags.titles).toEqual([{ text: `${title} – ${BOARD}`, inHead: true }])
    expect(tags.robots).toEqual(['noindex'])
    expect(tags.canonical).toEqual([])
  })

  it('is in the reader’s language', async () => {
    const response = await anonymous.get('/finns-inte-alls', { 'Accept-Language': 'en' })
    expect(head(await response.text()).titles).toEqual([
      { text: `Page not found – ${BOARD}`, inHead: true },
    ])
  })

  it('429: too many comments', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await server.signedIn()
    let limited: Response | undefined
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await client.post(`/challenges/${id}`, {
        intent: 'comment',
        body: `Kommentar ${i}`,
      })
      if (response.status === 429) limited = response
    }
    expect(limited?.status).toBe(429)
    const tags = head(await limited!.text())
    expect(tags.titles).toEqual([{ text: `För många försök – ${BOARD}`, inHead: true }])
  })

  it('413: a body over the limit, refused before the app', async () => {
    const response = await anonymous.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(2 * 1024 * 1024)}`,
    })
    expect(response.status).toBe(413)
    const tags = head(await response.text())
    expect(tags.titles).toEqual([
      { text: 'Det du skickade var för stort – What you sent was too large', inHead: true },
    ])
  })

  it('500: an unexpected failure in a loader', async () => {
    // The board's categories disappear under the app: its loader throws.
    await sql`alter table categories rename to categories_away`.execute(db)
    try {
      const response = await anonymous.get('/challenges?fel=1')
      expect(response.status).toBe(500)
      const tags = head(await response.text())
      expect(tags.titles).toEqual([{ text: `Något gick fel – ${BOARD}`, inHead: true }])
    } finally {
      await sql`alter table categories_away rename to categories`.execute(db)
    }
  })
})

describe('public pages: description, canonical address and link previews', () => {
  const pages = () => [
    { path: '/', canonical: `${ORIGIN}/`, title: BOARD },
    { path: '/challenges', canonical: `${ORIGIN}/challenges`, title: null },
    {
      path: `/challenges/${ids.challenge}`,
      canonical: `${ORIGIN}/challenges/${ids.challenge}`,
      title: TRICKY,
    },
    { path: '/organisations', canonical: `${ORIGIN}/organisations`, title: null },
    {
      path: `/organisations/${slug}`,
      canonical: `${ORIGIN}/organisations/${slug}`,
      title: null,
    },
    { path: '/outcomes', canonical: `${ORIGIN}/outcomes`, title: null },
    { path: '/open-data', canonical: `${ORIGIN}/open-data`, title: null },
    { path: '/about', canonical: `${ORIGIN}/about`, title: null },
  ]

  for (const [language, locale] of [
    ['sv', 'sv_SE'],
    ['en', 'en_GB'],
  ] as const) {
    it(`every main public page has them, in ${language}`, async () => {
      const descriptions = new Set<string>()
      for (const page of pages()) {
        const response = await anonymous.get(page.path, { 'Accept-Language': language })
        expect(response.status, page.path).toBe(200)
        const tags = head(await response.text())
        expect(tags.titles, page.path).toHaveLength(1)
        expect(tags.titles[0]!.inHead, page.path).toBe(true)
        expect(tags.titles[0]!.text, page.path).toMatch(new RegExp(`(^| – )${BOARD}$`))
        expect(tags.description, page.path).toHaveLength(1)
        const description = tags.description[0]!
        expect(description.length, page.path).toBeGreaterThan(30)
        expect(description.length, page.path).toBeLessThanOrEqual(200)
        descriptions.add(description)
        expect(tags.og('description'), page.path).toEqual([description])
        expect(tags.canonical, page.path).toEqual([page.canonical])
        expect(tags.og('url'), page.path).toEqual([page.canonical])
        expect(tags.og('site_name'), page.path).toEqual([BOARD])
        expect(tags.og('locale'), page.path).toEqual([locale])
        expect(tags.og('type'), page.path).toEqual([
          page.path.startsWith('/challenges/') ? 'article' : 'website',
        ])
        expect(tags.og('title')[0], page.path).toBeTruthy()
        if (page.title) expect(tags.og('title'), page.path).toEqual([page.title])
        expect(tags.twitter, page.path).toEqual(['summary'])
        expect(tags.robots, page.path).toEqual([])
      }
      // Each page says what it is, not one sentence for all.
      expect(descriptions.size).toBe(pages().length)
    })
  }

  it('describes the board in the reader’s language', async () => {
    const sv = head(await (await anonymous.get('/challenges')).text()).description[0]
    const en = head(await (await anonymous.get('/challenges', { 'Accept-Language': 'en' })).text())
      .description[0]
    expect(sv).toContain('Alla utmaningar på Utmana')
    expect(en).toContain('Every challenge on Utmana')
  })

  it('shares a challenge with its title, its summary and the board’s name, escaped', async () => {
    const response = await anonymous.get(`/challenges/${ids.challenge}`)
    const html = await response.text()
    const tags = head(html)
    expect(tags.titles[0]!.text).toBe(`${TRICKY} – ${BOARD}`)
    expect(tags.og('title')).toEqual([TRICKY])
    expect(tags.og('site_name')).toEqual([BOARD])
    expect(tags.description[0]).toMatch(/^Skylten vid torget är trasig\. Ny rad/)
    expect(tags.description[0]).not.toContain('<')
    // Quotes and angle brackets stay inside the attribute, as text.
    const headHtml = html.slice(0, html.indexOf('</head>'))
    expect(headHtml).not.toContain('<b>fet')
    expect(headHtml).not.toContain('<script>x')
    expect(headHtml).toContain('content="Skylt &quot;Torget&quot; &lt;b&gt;fet&lt;/b&gt; &amp;')
    expect(tags.doc.head.querySelector('b')).toBeNull()
  })

  it('describes an organisation by its own description, on one line', async () => {
    const tags = head(await (await anonymous.get(`/organisations/${slug}`)).text())
    expect(tags.description).toEqual(['Vi lagar cyklar vid hamnen och lånar ut verktyg.'])
    expect(tags.og('title')[0]).toContain('Hamnens "Cykel" <Verkstad>')
  })

  it('builds the canonical address from PUBLIC_URL only, keeping what makes the page', async () => {
    const challenge = head(
      await (
        await anonymous.get(`/challenges/${ids.challenge}/?posted=comment-1&utm_source=chat`, {
          'X-Forwarded-Host': 'evil.example',
          'X-Forwarded-Proto': 'https',
        })
      ).text(),
    )
    expect(challenge.canonical).toEqual([`${ORIGIN}/challenges/${ids.challenge}`])
    const board = head(
      await (
        await anonymous.get('/challenges?utm_source=x&page=2&status=open&sort=top&q=buss', {
          'X-Forwarded-Host': 'evil.example',
        })
      ).text(),
    )
    expect(board.canonical).toEqual([`${ORIGIN}/challenges?q=buss&status=open&sort=top&page=2`])
  })
})

describe('what is not public stays out of the head', () => {
  it('a hidden or pending challenge shown to a moderator: noindex, no description, no preview', async () => {
    for (const id of [ids.hidden, ids.pending]) {
      const response = await moderator.get(`/challenges/${id}`)
      expect(response.status).toBe(200)
      const tags = head(await response.text())
      expect(tags.robots).toEqual(['noindex'])
      expect(tags.description).toEqual([])
      expect(tags.canonical).toEqual([])
      expect(tags.doc.head.querySelectorAll('meta[property^="og:"]')).toHaveLength(0)
      expect(tags.doc.head.innerHTML).not.toMatch(/sammanfattning/)
    }
  })

  it('a hidden or pending challenge asked for by anyone else: a 404 head with nothing of it', async () => {
    for (const id of [ids.hidden, ids.pending]) {
      const response = await anonymous.get(`/challenges/${id}`)
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(html).not.toMatch(/Xyloberg|Qvarnström/)
      expect(head(html).titles).toEqual([{ text: `Sidan finns inte – ${BOARD}`, inHead: true }])
    }
  })
})

describe('private pages: noindex and no canonical address', () => {
  const check = async (client: Client, path: string) => {
    const response = await client.get(path)
    expect(response.status, path).toBe(200)
    const tags = head(await response.text())
    expect(tags.robots, path).toEqual(['noindex'])
    expect(tags.canonical, path).toEqual([])
    expect(tags.og('url'), path).toEqual([])
    expect(tags.titles, path).toHaveLength(1)
    expect(tags.titles[0]!.inHead, path).toBe(true)
  }

  it.each(['/login', '/register', '/forgot-password'])('%s (a form)', async (path) => {
    await check(anonymous, path)
  })

  it.each(['/me', '/me/notifications', '/challenges/new', '/moderation', '/reports'])(
    '%s (signed in)',
    async (path) => {
      await check(moderator, path)
    },
  )

  it.each(['/admin', '/admin/settings'])('%s (admin)', async (path) => {
    await check(admin, path)
  })
})
