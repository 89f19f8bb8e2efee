// Issue 11, item 5: anonymous page cache hits are answered before Express, by a plain
// node:http front door (server/page-cache.ts), with the headers the miss went out with.
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createChallengeFor, createUser } from '../factories'
import { startTestServer } from '../helpers/http'
import { onPostgres } from '../helpers/setup'

let server: Awaited<ReturnType<typeof startTestServer>>
let challengeId: number
let expressCalls = 0
// Milliseconds Express waits before handling a request: a slow render, so that requests overlap.
let renderDelay = 0

beforeAll(async () => {
  server = await startTestServer()
  const author = await createUser({ name: 'Författaren Ek' })
  challengeId = await createChallengeFor(author.id, { title: 'Trasig lampa vid busshållplatsen' })
  // Every request Express sees goes through app.handle (untyped in @types/express).
  const app = server.app as unknown as { handle: (...args: unknown[]) => unknown }
  const handle = app.handle.bind(app)
  app.handle = (...args: unknown[]) => {
    expressCalls++
    if (renderDelay) setTimeout(() => handle(...args), renderDelay)
    else return handle(...args)
  }
})
afterAll(() => server.close())

let page = 0
/** A cached page's URL that no other case has used. */
const fresh = () => `/challenges/${challengeId}?front=${++page}`
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.origin + path, { headers: { 'Accept-Language': 'sv', ...headers } })

/** `n` GETs of `path` sent at once, each on its own connection (fetch would queue them on one). */
function getAtOnce(path: string, n: number) {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ cache: string | undefined; body: string }>((resolve, reject) => {
          const request = http.get(
            server.origin + path,
            { agent: false, headers: { 'Accept-Language': 'sv' } },
            (response) => {
              let body = ''
              response.setEncoding('utf8')
              response.on('data', (chunk: string) => (body += chunk))
              response.on('end', () =>
                resolve({ cache: response.headers['x-page-cache'] as string | undefined, body }),
              )
            },
          )
          request.on('error', reject)
        }),
    ),
  )
}

/**
 * `n` GETs of `path` at once while each render takes 50 ms: Express renders the page for one
 * (a miss), the others wait for that copy (hits). The answers, and Express's count before.
 */
async function renderedOnceForAll(path: string, n: number) {
  const before = expressCalls
  renderDelay = 50
  const answers = await getAtOnce(path, n).finally(() => (renderDelay = 0))
  expect(answers.map((a) => a.cache).sort()).toEqual([...Array<string>(n - 1).fill('hit'), 'miss'])
  expect(expressCalls).toBe(before + 1)
  return { answers, before }
}

/** Headers that differ between any two responses, or between a streamed and a stored body. */
const PER_RESPONSE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-page-cache',
  'vary',
])
const comparable = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => !PER_RESPONSE.has(name)))

describe('the front-door page cache', () => {
  it('answers a hit without Express, with the same headers the miss went out with', async () => {
    const path = fresh()
    // The miss streams uncompressed; the same for the hit, so that every header compares.
    const identity = { 'Accept-Encoding': 'identity' }
    const miss = await get(path, identity)
    expect(miss.headers.get('x-page-cache')).toBe('miss')
    const missHtml = await miss.text()
    const before = expressCalls
    const hit = await get(path, identity)
    expect(hit.headers.get('x-page-cache')).toBe('hit')
    expect(expressCalls).toBe(before)
    expect(await hit.text()).toBe(missHtml)
    expect(comparable(hit)).toEqual(comparable(miss))
    // helmet's headers among them, the CSP with the nonce the page's scripts carry.
    expect(hit.headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff')
    expect(hit.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(hit.headers.get('vary')).toBe('Accept-Encoding, Accept-Language, Cookie')
  })

  it('answers HEAD and each encoding from the same entry', async () => {
    const path = fresh()
    const html = await (await get(path)).text()
    const before = expressCalls
    const head = await fetch(server.origin + path, {
      method: 'HEAD',
      headers: { 'Accept-Language': 'sv', 'Accept-Encoding': 'identity' },
    })
    expect(head.headers.get('x-page-cache')).toBe('hit')
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(html))
    for (const encoding of ['br', 'gzip']) {
      const response = await get(path, { 'Accept-Encoding': encoding })
      expect(response.headers.get('content-encoding')).toBe(encoding)
      expect(await response.text()).toBe(html)
    }
    expect(expressCalls).toBe(before)
  })

  it('writes one request log line for a hit', async () => {
    const path = fresh()
    await (await get(path)).text()
    const info = vi.spyOn(server.runtime.log, 'info')
    try {
      await (await get(path)).text()
      const lines = info.mock.calls.filter(([event]) => event === 'request')
      expect(lines).toHaveLength(1)
      expect(lines[0]![1]).toMatchObject({
        method: 'GET',
        path: `/challenges/${challengeId}`,
        status: 200,
        cache: 'hit',
      })
    } finally {
      info.mockRestore()
    }
  })

  it('is emptied by a write', async () => {
    const path = fresh()
    await (await get(path)).text()
    expect((await get(path)).headers.get('x-page-cache')).toBe('hit')
    const client = server.client()
    expect((await client.post('/language', { lng: 'en', redirectTo: '/' })).status).toBe(302)
    const after = await get(path)
    expect(after.headers.get('x-page-cache')).toBe('miss')
  })

  it("answers a signed-in request only with that member's own copy", async () => {
    const path = fresh()
    await (await get(path)).text()
    expect((await get(path)).headers.get('x-page-cache')).toBe('hit')
    const { client } = await server.signedIn({ name: 'Inloggade Ingrid' })
    const before = expressCalls
    const signedIn = await client.get(path)
    expect(signedIn.headers.get('x-page-cache')).toBe('miss')
    expect(expressCalls).toBe(before + 1)
    expect(await signedIn.text()).toContain('Inloggade Ingrid')
    // Their second view: their copy, from the front door (on SQLite nothing was written since).
    const again = await client.get(path)
    if (!onPostgres) {
      expect(again.headers.get('x-page-cache')).toBe('hit')
      expect(expressCalls).toBe(before + 1)
    }
    expect(await again.text()).toContain('Inloggade Ingrid')
  })

  it('sends data requests and other pages on to Express', async () => {
    const path = fresh()
    await (await get(path)).text()
    const before = expressCalls
    const data = await get(`${path}&_data=routes/challenges.$id`)
    expect(data.headers.get('x-page-cache')).toBeNull()
    expect((await get('/login')).headers.get('x-page-cache')).toBeNull()
    expect(expressCalls).toBe(before + 2)
  })

  it('renders a page emptied by a write once, however many ask for it at the same time', async () => {
    const path = fresh()
    await (await get(path)).text()
    const client = server.client()
    expect((await client.post('/language', { lng: 'sv', redirectTo: '/' })).status).toBe(302)
    const { answers } = await renderedOnceForAll(path, 8)
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
  })

  it('near the end of its life, one request renders the page anew while the rest get the old copy', async () => {
    const path = fresh()
    const old = await (await get(path)).text()
    const now = Date.now()
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 27_000)
    try {
      const { before } = await renderedOnceForAll(path, 6)
      // The new copy counts its life from now: 27 s later it is still served, not expired.
      clock.mockReturnValue(now + 27_000 + 24_000)
      const later = await get(path)
      expect(later.headers.get('x-page-cache')).toBe('hit')
      expect(await later.text()).not.toBe(old) // rendered anew: another CSP nonce
      expect(expressCalls).toBe(before + 1)
    } finally {
      clock.mockRestore()
    }
  })

  it("logs a hit's client address as Express reads it behind a trusted proxy", async () => {
    const proxied = await startTestServer({ trustProxy: 'loopback' })
    try {
      const path = fresh()
      await (await fetch(proxied.origin + path)).text()
      const info = vi.spyOn(proxied.runtime.log, 'info')
      try {
        const hit = await fetch(proxied.origin + path, {
          headers: { 'X-Forwarded-For': '203.0.113.7' },
        })
        expect(hit.headers.get('x-page-cache')).toBe('hit')
        await hit.text()
        const line = info.mock.calls.find(([event]) => event === 'request')
        expect(line?.[1]).toMatchObject({ ip: '203.0.113.7', cache: 'hit' })
      } finally {
        info.mockRestore()
      }
    } finally {
      await proxied.close()
    }
  })
})
