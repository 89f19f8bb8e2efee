import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createUser } from '../factories'
import { startTestServer, type Client } from '../helpers/http'

// Issue 10, item 2: header variants that a browser would never send but Remix's cookie parser
// accepts must not let a personal page into the anonymous page cache, serve a visitor the wrong
// language, or put a foreign host into a cached page.

let server: Awaited<ReturnType<typeof startTestServer>>
let challengeId: number
let hiddenId: number
let member: { name: string; email: string; session: [string, string] }
let moderatorSession: [string, string]
let english: [string, string]

const PUBLIC_URL = 'http://localhost:3000' // tests/helpers/setup.ts
const HIDDEN_TITLE = 'Dold utmaning som bara moderatorer får se'

function sessionOf(client: Client): [string, string] {
  const entry = [...client.cookies].find(([name]) => name.endsWith('utmana_session'))
  if (!entry) throw new Error('no session cookie')
  return entry
}

/** A GET with exactly these header lines (repeated names stay separate lines). */
function raw(path: string, headers: [string, string][]) {
  const url = new URL(server.origin)
  const lines = headers.flat()
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) lines.push('Host', url.host)
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path, setHost: false, headers: lines, agent: false },
        (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
          )
        },
      )
      request.on('error', reject)
      request.end()
    },
  )
}

const swedishVisitor = (path: string) => raw(path, [['Accept-Language', 'sv']])
const langOf = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1]

/** Cookie header lines that carry `name=value` in ways Remix's parser still reads. */
function variants(name: string, value: string, other = 'x-theme=light'): [string, string][][] {
  return [
    [['Cookie', `${name} =${value}`]],
    [['Cookie', `${name}\t=${value}`]],
    [['Cookie', `${name}  \t =${value}`]],
    [['Cookie', `  ${name}=${value}`]],
    [['Cookie', `${other};${name} =${value}`]],
    [['Cookie', `${name}="${value}"`]],
    [['Cookie', `${name} ="${value}"`]],
    [['Cookie', `${name} =${value}; ${name}=garbage`]],
    [['Cookie', `${name}=${value}; ${name}=garbage`]],
    [['Cookie', `${name}=garbage; ${name} =${value}`]],
    [
      ['Cookie', other],
      ['Cookie', `${name} =${value}`],
    ],
    [
      ['Cookie', `${name}=`],
      ['Cookie', `${name} =${value}`],
    ],
  ]
}

let caseNumber = 0
/** A fresh URL of a cached page each time, so cases do not share entries. */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}case=${++caseNumber}`

beforeAll(async () => {
  server = await startTestServer()
  const author = await createUser({ name: 'Författaren Ek' })
  challengeId = await createChallengeFor(author.id, { title: 'Trasiga bänkar vid ån' })
  hiddenId = await createChallengeFor(author.id, { title: HIDDEN_TITLE })
  await db
    .updateTable('challenges')
    .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
    .where('id', '=', hiddenId)
    .execute()

  const name = 'Hemliga Hanna Hallström'
  const memberAccount = await createUser({ name, email: 'hanna.hallstrom@example.se' })
  const memberClient = server.client()
  await memberClient.login(memberAccount.email, memberAccount.password)
  member = { name, email: memberAccount.email, session: sessionOf(memberClient) }

  const moderator = await createUser({ role: 'moderator', name: 'Moderatorn Mo' })
  const moderatorClient = server.client()
  await moderatorClient.login(moderator.email, moderator.password)
  moderatorSession = sessionOf(moderatorClient)

  const chooser = server.client()
  expect((await chooser.post('/language', { lng: 'en', redirectTo: '/' })).status).toBe(302)
  english = ['lng', chooser.cookies.get('lng')!]
})
afterAll(() => server.close())

describe('the page cache under odd Cookie headers', () => {
  it("never keeps a signed-in member's page for the next visitor", async () => {
    for (const cookie of variants(...member.session)) {
      // /me is never cached: whether it opens is whether the app sees a session.
      const signedIn = (await raw('/me', cookie)).status === 200
      for (const page of ['/', '/challenges', `/challenges/${challengeId}`, '/about']) {
        const path = fresh(page)
        await raw(path, [['Accept-Language', 'sv'], ...cookie])
        const visitor = await swedishVisitor(path)
        const label = `${JSON.stringify(cookie)} ${path}`
        expect(visitor.status, label).toBe(200)
        expect(visitor.body, label).not.toContain(member.name)
        expect(visitor.body, label).not.toContain(member.email)
        expect(visitor.body, label).not.toContain('Logga ut')
        expect(visitor.headers['x-utmana-page-cache'], label).toBeUndefined()
        // The cache is at work: the next visitor is served from it…
        expect((await swedishVisitor(path)).headers['x-page-cache'], label).toBe('hit')
        // …and a member the app recognises still gets their own page (rendered or their own
        // kept copy), not the visitors' one.
        const again = await raw(path, [['Accept-Language', 'sv'], ...cookie])
        if (signedIn) expect(again.body, label).toContain(member.name)
        else expect(again.body, label).not.toContain(member.name)
      }
    }
  })

  it('never shows a hidden challenge that a moderator opened to the next visitor', async () => {
    for (const cookie of variants(...moderatorSession)) {
      const path = fresh(`/challenges/${hiddenId}`)
      await raw(path, [['Accept-Language', 'sv'], ...cookie])
      const visitor = await swedishVisitor(path)
      const label = JSON.stringify(cookie)
      expect(visitor.status, label).toBe(404)
      expect(visitor.body, label).not.toContain(HIDDEN_TITLE)
    }
  })

  it('serves every visitor the language the app chose for them, in either order', async () => {
    const cases = [
      ...variants(...english),
      [['Cookie', `LNG=${english[1]}`]],
      [['Cookie', `Lng =${english[1]}`]],
      [['Cookie', `lng=sv; lng =${english[1]}`]],
    ] as [string, string][][]
    for (const cookie of cases) {
      const label = JSON.stringify(cookie)
      const headers: [string, string][] = [['Accept-Language', 'sv'], ...cookie]
      // /login is never cached: what it says is what the app decides for this visitor.
      const expected = langOf((await raw('/login', headers)).body)
      expect(expected, label).toMatch(/^(sv|en)$/)

      const first = fresh(`/challenges/${challengeId}`)
      expect(langOf((await raw(first, headers)).body), label).toBe(expected)
      expect(langOf((await swedishVisitor(first)).body), label).toBe('sv')
      expect(langOf((await raw(first, [['Accept-Language', 'en']])).body), label).toBe('en')

      const second = fresh('/about')
      expect(langOf((await swedishVisitor(second)).body), label).toBe('sv')
      expect(langOf((await raw(second, headers)).body), label).toBe(expected)
    }
  })
})

describe('absolute URLs on cached pages', () => {
  const foreign: [string, string][][] = [
    [['Host', 'evil.example']],
    [['Host', 'evil.example:3000']],
    [['X-Forwarded-Host', 'evil.example']],
    [['X-Forwarded-Host', 'evil.example:8443']],
    [
      ['X-Forwarded-Host', 'evil.example'],
      ['X-Forwarded-Proto', 'https'],
    ],
    [['Forwarded', 'host=evil.example;proto=https']],
  ]

  it('come from PUBLIC_URL, never from Host or X-Forwarded-Host', async () => {
    for (const headers of foreign) {
      const label = JSON.stringify(headers)
      const path = fresh(`/challenges/${challengeId}`)
      const attacker = await raw(path, [['Accept-Language', 'sv'], ...headers])
      expect(attacker.body, label).not.toContain('evil.example')
      expect(attacker.body, label).not.toContain(':8443')
      const visitor = await swedishVisitor(path)
      expect(visitor.body, label).not.toContain('evil.example')
      expect(visitor.body, label).not.toContain(':8443')
      expect(visitor.body, label).toContain(`value="${PUBLIC_URL}/challenges/${challengeId}"`)
    }
  })
})
