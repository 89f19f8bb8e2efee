// Issue 10, item 6: what is hidden is absent from loader data, everywhere. A world with hidden
// content of every kind, each carrying a marker; every page and every loader's `?_data=` answer
// is fetched as a visitor and as members of every non-staff kind, and no marker may appear in
// the HTML (which embeds window.__remixContext) or the JSON. The routes come from the route
// files, so a new page is scanned without anyone adding it here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHiddenWorld, MARKERS, SEARCH_WORD, type MarkerKind } from '../helpers/hidden-world'
import { startTestServer, type Client } from '../helpers/http'
import { listRouteFiles, type RouteFile } from '../helpers/route-files'

let server: Awaited<ReturnType<typeof startTestServer>>
let world: Awaited<ReturnType<typeof buildHiddenWorld>>
const viewers = {} as Record<'visitor' | 'member' | 'orgMember' | 'deptMember', Client>
const staff = {} as Record<'moderator' | 'admin', Client>

beforeAll(async () => {
  server = await startTestServer()
  world = await buildHiddenWorld()
  viewers.visitor = server.client()
  for (const [role, user] of [
    // Follows both challenges, so notifications about them reach this person.
    ['member', world.users.follower],
    ['orgMember', world.users.orgMember],
    ['deptMember', world.users.deptMember],
  ] as const) {
    viewers[role] = server.client()
    await viewers[role].login(user.email, user.password)
  }
  for (const role of ['moderator', 'admin'] as const) {
    staff[role] = server.client()
    await staff[role].login(world.users[role].email, world.users[role].password)
  }
})
afterAll(() => server.close())

/** The values each URL parameter takes, per route: real ids of the hidden world and a few more. */
function parameterValues(route: RouteFile, name: string): string[] {
  const { challenges, solutions, orgs, users } = world
  const challengeIds = Object.values(challenges).map(String)
  if (name === 'id' && route.pattern.startsWith('/solutions/'))
    return Object.values(solutions).map(String)
  if (name === 'id' && route.pattern.startsWith('/moderation/users/'))
    return [users.banned.id, users.other.id, users.commenter.id].map(String)
  if (name === 'id') return challengeIds
  if (name === 'slug') return Object.values(orgs).map((o) => o.slug)
  if (name === 'token') return ['x'.repeat(43)]
  if (name === '*') return ['ingenting-har']
  if (name === 'key') return ['A'.repeat(22), ...world.photos.concealed.map((p) => p.key)]
  if (name === 'file') return ['page.webp']
  throw new Error(`${route.file}: no values for the parameter :${name}; add them here`)
}

/** Extra queries per route, so lists are scanned filtered, searched and on every tab. */
const QUERIES: Record<string, string[]> = {
  '/': [''],
  '/challenges': [
    '',
    `?q=${SEARCH_WORD}`,
    '?status=closed',
    '?status=in_progress',
    '?sort=trending',
    '?by=business',
  ],
  '/challenges/similar': [`?text=${SEARCH_WORD}+bryggan+kajen`],
  '/feed.xml': ['', `?q=${SEARCH_WORD}`],
  '/api/v1/challenges': ['', `?q=${SEARCH_WORD}`, '?per_page=100'],
  '/organisations': ['', '?kind=business'],
  '/inbox': ['', '?show=mine', '?show=overdue', '?show=answered'],
  '/moderation': ['', '?tab=pending', '?tab=flagged', '?tab=appeals', '?tab=recent'],
  '/moderation/log': [''],
  '/outcomes': [''],
}

function urlsFor(route: RouteFile): string[] {
  const names = [...route.pattern.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*')
  let paths = [route.pattern]
  for (const name of names) {
    const token = name === '*' ? '*' : `:${name}`
    paths = paths.flatMap((p) =>
      parameterValues(route, name).map((v) => p.replace(token, encodeURIComponent(v))),
    )
  }
  return paths.flatMap((p) => (QUERIES[route.pattern] ?? ['']).map((q) => p + q))
}

const routes = () => listRouteFiles().filter((r) => r.hasLoader)
const withData = (url: string, routeId: string) =>
  `${url}${url.includes('?') ? '&' : '?'}_data=${encodeURIComponent(routeId)}`

function leaks(body: string) {
  const found: string[] = (Object.keys(MARKERS) as MarkerKind[]).filter((k) =>
    body.includes(MARKERS[k]),
  )
  // A concealed photo's key is as private as its text: with it, its URL could be tried.
  for (const photo of world.photos.concealed)
    if (body.includes(photo.key)) found.push(`the key of photo ${photo.id}`)
  return found
}

describe('hidden content in loader data', () => {
  it('builds a world where every marker is in the database', async () => {
    // The markers must be real content, or the scan below would prove nothing.
    const html = await (
      await staff.moderator.get(`/challenges/${world.challenges.hiddenChallenge}`)
    ).text()
    expect(html).toContain(MARKERS.hiddenChallengeTitle)
  })

  it(
    'never reaches a visitor or a member, in any page or ?_data answer',
    { timeout: 120_000 },
    async () => {
      const requests: Array<[string, Client, string]> = []
      for (const route of routes()) {
        for (const url of urlsFor(route)) {
          const targets = route.isPage
            ? [url, withData(url, route.id), withData(url, 'root')]
            : [url]
          for (const [role, client] of Object.entries(viewers))
            for (const target of targets) requests.push([role, client, target])
        }
      }
      const found: string[] = []
      const failed: string[] = []
      // A few at a time: the server is real, the machine small.
      for (let i = 0; i < requests.length; i += 4) {
        await Promise.all(
          requests.slice(i, i + 4).map(async ([role, client, target]) => {
            const response = await client.get(target)
            const body = await response.text()
            if (response.status >= 500) failed.push(`${role} ${target}: ${response.status}`)
            for (const kind of leaks(body))
              found.push(`${role} ${target} (${response.status}): ${kind}`)
          }),
        )
      }
      expect(requests.length).toBeGreaterThan(300)
      expect(failed).toEqual([])
      expect(found).toEqual([])
    },
  )

  it('answers 404 for every concealed photo, at every size, to everyone but staff', async () => {
    const answers: string[] = []
    for (const photo of world.photos.concealed)
      for (const file of ['card.webp', 'page.jpg', 'full.webp', 'full.jpg'])
        for (const [role, client] of Object.entries(viewers)) {
          const response = await client.get(`/photos/${photo.key}/${file}`)
          if (response.status !== 404)
            answers.push(`${role} ${photo.id}/${file}: ${response.status}`)
        }
    expect(answers).toEqual([])
    // The photos are real: the shown one is served to anyone, the hidden one to a moderator.
    expect((await viewers.visitor.get(`/photos/${world.photos.shown.key}/card.webp`)).status).toBe(
      200,
    )
    expect((await staff.moderator.get(`/photos/${world.photos.hidden.key}/card.webp`)).status).toBe(
      200,
    )
    const page = await (
      await viewers.visitor.get(`/challenges/${world.challenges.publicChallenge}`)
    ).text()
    expect(page).toContain(world.photos.shown.key)
  })

  it("keeps a notification's row in the reader's data export, not what it said", async () => {
    const data = (await (await viewers.member.get('/me/data.json')).json()) as {
      notifications: Array<{ challenge_id: number; kind: string; payload: unknown }>
    }
    const about = data.notifications.filter(
      (n) => n.challenge_id === world.challenges.hiddenChallenge,
    )
    expect(about.map((n) => n.kind)).toContain('official_response')
    expect(about.every((n) => n.payload === null)).toBe(true)
    const visible = data.notifications.filter(
      (n) => n.challenge_id === world.challenges.publicChallenge,
    )
    expect(visible.length).toBeGreaterThan(0)
    expect(visible.every((n) => n.payload !== null)).toBe(true)
  })

  // DESIGN.md: moderators and admins see hidden and pending posts, flags and internal notes.
  it('still reaches moderators and admins where they work', async () => {
    const { challenges, users } = world
    const expectations: Array<[string, MarkerKind[]]> = [
      [
        `/challenges/${challenges.hiddenChallenge}`,
        ['hiddenChallengeTitle', 'hiddenChallengeText'],
      ],
      [`/moderation/challenges/${challenges.hiddenChallenge}`, ['hiddenChallengeTitle']],
      [
        `/moderation/challenges/${challenges.publicChallenge}`,
        ['internalNote', 'flagNote', 'appeal', 'hiddenPhoto'],
      ],
      [`/moderation/challenges/${challenges.hiddenChallenge}`, ['photoOnHiddenChallengeUpdate']],
      ['/moderation?tab=pending', ['pendingChallenge']],
      ['/moderation?tab=appeals', ['appeal']],
      [`/moderation/users/${users.banned.id}`, ['banReason']],
    ]
    const missing: string[] = []
    for (const [role, client] of Object.entries(staff)) {
      for (const [url, kinds] of expectations) {
        const body = await (await client.get(url)).text()
        for (const kind of kinds)
          if (!body.includes(MARKERS[kind])) missing.push(`${role} ${url}: ${kind}`)
      }
    }
    expect(missing).toEqual([])
  })
})
