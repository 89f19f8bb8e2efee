import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll } from 'vitest'
import { createApp, type AppBuild } from '../../server/app'
import { createUser } from '../factories'

/**
 * The real production server (the front-door page cache, Express and the built Remix app, as
 * server/main.ts runs them) on a free loopback port, sharing this test file's database. Run `npm run build` first (`npm test` does).
 */
export async function startTestServer(
  options: {
    maxBodyBytes?: number
    /**
     * Express `trust proxy`, e.g. 'loopback': clients made with `{ 'X-Forwarded-For': ip }`
     * then come from that address, as they would behind the site's reverse proxy.
     */
    trustProxy?: string
  } = {},
) {
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as AppBuild
  const runtime = build.entry.module.runtime
  const app = createApp({
    build,
    runtime,
    mode: 'production',
    publicOrigin: 'http://localhost:3000',
    https: false,
    maxBodyBytes: options.maxBodyBytes,
    trustProxy: options.trustProxy,
  })
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    runtime,
    app,
    /** A client; `headers` go with every request it makes (e.g. X-Forwarded-For). */
    client: (headers: Record<string, string> = {}) => new Client(origin, headers),
    /** A new user (a member unless said otherwise) with a signed-in client of their own. */
    async signedIn(
      overrides: Parameters<typeof createUser>[0] = {},
      headers: Record<string, string> = {},
    ) {
      const user = await createUser(overrides)
      const client = new Client(origin, headers)
      await client.login(user.email, user.password)
      return { user, client }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

type TestServer = Awaited<ReturnType<typeof startTestServer>>

/**
 * The real production server for one test file: started before its tests, closed after them.
 * Its fields are read inside tests (the server starts in beforeAll), as are those of
 * startTestServer's answer.
 */
export function testServerForFile(options: Parameters<typeof startTestServer>[0] = {}) {
  let started: TestServer | undefined
  beforeAll(async () => {
    started = await startTestServer(options)
  })
  afterAll(() => started?.close())
  const server = () => {
    if (!started) throw new Error('the test server starts in beforeAll: use it inside a test')
    return started
  }
  return {
    get origin() {
      return server().origin
    },
    get runtime() {
      return server().runtime
    },
    get app() {
      return server().app
    },
    client: (headers: Record<string, string> = {}) => server().client(headers),
    signedIn: (
      overrides: Parameters<typeof createUser>[0] = {},
      headers: Record<string, string> = {},
    ) => server().signedIn(overrides, headers),
  }
}

/**
 * A member's client for the file, signed in before its tests. Anonymous pages are cached for a
 * while and a member's never, so tests that change the database directly read pages through it.
 */
export function signedInReaderForFile(server: { signedIn: () => Promise<{ client: Client }> }) {
  const reader = {} as { client: Client }
  beforeAll(async () => {
    reader.client = (await server.signedIn()).client
  })
  return reader
}

/** A browser-like client: keeps cookies, sends our Origin on writes, never follows redirects. */
export class Client {
  cookies = new Map<string, string>()
  constructor(
    public origin: string,
    public headers: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(
    pathname: string,
    init: {
      method?: string
      form?: Record<string, string>
      headers?: Record<string, string>
      body?: BodyInit
    } = {},
  ) {
    const method = init.method ?? (init.form ? 'POST' : 'GET')
    const headers: Record<string, string> = {
      'Accept-Language': 'sv',
      ...this.headers,
      ...init.headers,
    }
    if (this.cookies.size) headers.Cookie = this.cookieHeader()
    if (method !== 'GET' && !('Origin' in headers)) headers.Origin = this.origin
    const send = () =>
      fetch(this.origin + pathname, {
        method,
        headers,
        redirect: 'manual',
        body: init.form ? new URLSearchParams(init.form) : init.body,
      })
    // A kept-alive socket the server closes just as it is reused resets the request (undici's
    // known race on an idle connection): a GET, which changes nothing, is sent once more.
    const response = await send().catch((error: unknown) => {
      const code = (error as { cause?: { code?: string } }).cause?.code
      if (method === 'GET' && code === 'ECONNRESET') return send()
      throw error
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index)
      const value = pair.slice(index + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '')
        this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  get(pathname: string, headers?: Record<string, string>) {
    return this.request(pathname, { headers })
  }

  post(pathname: string, form: Record<string, string>, headers?: Record<string, string>) {
    return this.request(pathname, { form, headers })
  }

  /** A form POST whose names may repeat, e.g. one `ids` for each challenge ticked in a list. */
  postPairs(pathname: string, pairs: string[][]) {
    return this.request(pathname, {
      method: 'POST',
      body: new URLSearchParams(pairs),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
  }

  async login(email: string, password: string) {
    const response = await this.post('/login', { email, password, redirectTo: '/me' })
    if (response.status !== 302) throw new Error(`login failed with ${response.status}`)
    return response
  }
}
