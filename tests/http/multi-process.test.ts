import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, sqlite } from '~/db.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { Client } from '../helpers/http'
import { killRealServers, startRealServer, type RealServer } from '../helpers/real-server'
import { onPostgres } from '../helpers/setup'

// Issue 12, item 6: several real server processes (build/server.js) on this test file's own
// database, a SQLite file or a PostgreSQL database: two processes on two ports, and one with
// WEB_CONCURRENCY=2 (two workers on one port). Run `npm run build` first.

afterAll(killRealServers)

type Running = RealServer

/** build/server.js on this test file's own database (SQLite file or PostgreSQL). */
const startServer = (env: Record<string, string | undefined> = {}) => startRealServer({ env })

/**
 * One request on a connection of its own (node:http without an agent), so that with
 * WEB_CONCURRENCY the primary hands each one to the next worker in turn; fetch would keep one
 * connection, and so one worker.
 */
function fresh(
  url: string,
  pathname: string,
  options: { form?: Record<string, string>; cookie?: string } = {},
): Promise<{ status: number; cache?: string; body: string }> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined
  const headers: http.OutgoingHttpHeaders = { 'Accept-Language': 'sv' }
  if (options.cookie) headers.Cookie = options.cookie
  if (body !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    headers['Content-Length'] = Buffer.byteLength(body)
    headers.Origin = url
  }
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${pathname}`,
      { method: body === undefined ? 'GET' : 'POST', agent: false, headers },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            cache: response.headers['x-page-cache'] as string | undefined,
            body: text,
          }),
        )
      },
    )
    request.on('error', reject)
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer to ${pathname}`)))
    request.end(body)
  })
}

const votesIn = (html: string) =>
  Number(/<strong>(\d+)<\/strong> (?:<!-- -->)?röst/.exec(html)?.[1])

/** The vote count an anonymous visitor sees on a challenge's page (cached or not). */
async function votesOn(url: string, id: number) {
  return votesIn((await fresh(url, `/challenges/${id}`)).body)
}

async function storedVotes(id: number) {
  const row = await db
    .selectFrom('challenges')
    .select('vote_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return Number(row.vote_count)
}

/**
 * Lets the signals of earlier writes (the sign-ins, the test's own inserts) reach every process
 * (SQLite polls every 250 ms), so that a page cached next is not emptied by one of them.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

/** Polls until `check` holds or `ms` have passed; gives the time it took, or -1. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check()) return Date.now() - started
    if (Date.now() - started > ms) return -1
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Anonymous readers on every server while `writes` run, so each cache keeps copies from
 * between the writes: only hearing of the other processes' writes empties them afterwards.
 */
async function readWhile<T>(urls: string[], id: number, writes: Promise<T>): Promise<T> {
  let done = false
  const readers = urls.map(async (url) => {
    while (!done) await fresh(url, `/challenges/${id}`)
  })
  try {
    return await writes
  } finally {
    done = true
    await Promise.all(readers)
  }
}

let author: Awaited<ReturnType<typeof createUser>>
// Signed in once, through the servers (POST /login); their sessions are in the database, so
// a cookie is good on every process.
const voters: Client[] = []
const cookieOf = (client: Client) => client.cookieHeader()
beforeAll(async () => {
  author = await createUser({ name: 'Författaren Fors' })
})

/** The 40 voters, signed in through the given servers in turn (once per file). */
async function signInVoters(urls: string[]) {
  if (voters.length) return
  const users = await Promise.all(Array.from({ length: 40 }, () => createUser()))
  for (const [i, user] of users.entries()) {
    const client = new Client(urls[i % urls.length]!)
    await client.login(user.email, user.password)
    voters.push(client)
  }
}

describe('two server processes on one database', () => {
  let one: Running
  let two: Running
  beforeAll(async () => {
    ;[one, two] = await Promise.all([startServer(), startServer()])
    await signInVoters([one.url, two.url])
  }, 120_000)
  afterAll(async () => {
    expect(await one.stop()).toBe(0)
    expect(await two.stop()).toBe(0)
  })

  it('counts 40 simultaneous votes through both exactly once each, and both pages show +40', async () => {
    const id = await createChallengeFor(author.id)
    await settle()
    // Both anonymous pages cached at 0.
    for (const server of [one, two]) {
      expect(await votesOn(server.url, id)).toBe(0)
      const again = await fresh(server.url, `/challenges/${id}`)
      expect(again.cache).toBe('hit')
    }
    const answers = await readWhile(
      [one.url, two.url],
      id,
      Promise.all(
        voters.map((client, i) =>
          // A quarter through the second: it is done first, and its readers cache counts
          // the first process's later votes make old.
          fresh(i % 4 ? one.url : two.url, `/challenges/${id}`, {
            form: { intent: 'vote' },
            cookie: cookieOf(client),
          }),
        ),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(voters.map(() => 302))
    expect(await storedVotes(id)).toBe(40)
    for (const server of [one, two]) {
      const took = await within(1000, async () => (await votesOn(server.url, id)) === 40)
      expect(took, `${server.url} still shows ${await votesOn(server.url, id)}`).toBeGreaterThan(-1)
    }
  }, 60_000)

  it("a write through one empties the other's cached anonymous page within a second", async () => {
    const id = await createChallengeFor(author.id)
    await settle()
    // Cached on the second process.
    await fresh(two.url, `/challenges/${id}`)
    const cached = await fresh(two.url, `/challenges/${id}`)
    expect(cached.cache).toBe('hit')
    expect(votesIn(cached.body)).toBe(0)
    // A vote through the first.
    const vote = await fresh(one.url, `/challenges/${id}`, {
      form: { intent: 'vote' },
      cookie: cookieOf(voters[0]!),
    })
    expect(vote.status).toBe(302)
    const took = await within(1000, async () => (await votesOn(two.url, id)) === 1)
    expect(took, 'the second process kept serving its old copy').toBeGreaterThan(-1)
  }, 30_000)

  it("shows a challenge posted through one on a signed-in member's board on the other at once", async () => {
    const { categoryId, areaId } = await createTaxonomy()
    const reader = cookieOf(voters[4]!)
    const title = `Nedskräpat vid busshållplatsen ${Date.now()}`
    // The second process keeps the member's board, their own copy, until anything is written.
    expect((await fresh(two.url, '/challenges', { cookie: reader })).body).not.toContain(title)
    expect((await fresh(two.url, '/challenges', { cookie: reader })).cache).toBe('hit')
    const posted = await fresh(one.url, '/challenges/new', {
      form: {
        intent: 'post',
        title,
        description: 'Papperskorgen är full varje morgon.',
        categoryId: String(categoryId),
        areaId: String(areaId),
      },
      cookie: cookieOf(voters[5]!),
    })
    expect(posted.status).toBe(302)
    expect((await fresh(two.url, '/challenges', { cookie: reader })).body).toContain(title)
  }, 30_000)

  it('keeps the copy it cached after its own write: its own commits are not taken for another process’s', async () => {
    const id = await createChallengeFor(author.id)
    await settle()
    // A vote commits on both of this process's SQLite connections (the vote, and the pacing on
    // the side connection), which the poll alone would take for another process's write.
    const vote = await fresh(one.url, `/challenges/${id}`, {
      form: { intent: 'vote' },
      cookie: cookieOf(voters[1]!),
    })
    expect(vote.status).toBe(302)
    expect((await fresh(one.url, `/challenges/${id}`)).cache).toBe('miss')
    expect((await fresh(one.url, `/challenges/${id}`)).cache).toBe('hit')
    await settle()
    const later = await fresh(one.url, `/challenges/${id}`)
    expect(later.cache, 'emptied again by its own write, after it had been refilled').toBe('hit')
    expect(votesIn(later.body)).toBe(1)
  }, 30_000)

  it.runIf(onPostgres)(
    'listens again after its LISTEN connection was cut, and hears the next write',
    async () => {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'utmana_page_cache' and datname = current_database()
          and pid <> pg_backend_pid()`.execute(db)
      const back = await within(5000, async () =>
        [one, two].every((s) => s.output().includes('"page_cache_listening"')),
      )
      expect(back, two.output().slice(-2000)).toBeGreaterThan(-1)
      const id = await createChallengeFor(author.id)
      await settle()
      await fresh(two.url, `/challenges/${id}`)
      expect((await fresh(two.url, `/challenges/${id}`)).cache).toBe('hit')
      const vote = await fresh(one.url, `/challenges/${id}`, {
        form: { intent: 'vote' },
        cookie: cookieOf(voters[3]!),
      })
      expect(vote.status).toBe(302)
      expect(await within(1000, async () => (await votesOn(two.url, id)) === 1)).toBeGreaterThan(-1)
    },
    30_000,
  )

  // On SQLite, two processes that were started apart cannot know of each other: pacing is
  // shared there only between the workers of WEB_CONCURRENCY (below).
  it.runIf(onPostgres)(
    "paces one user's votes across both: the 301st in 10 minutes is refused",
    async () => {
      await pacesAcross(one.url, two.url)
    },
    120_000,
  )
})

/**
 * One user votes and takes the vote back, 300 times in all, through `first` and `second` in
 * turn (with one URL and WEB_CONCURRENCY, each request on a new connection goes to the next
 * worker): all pass, and the 301st is a 429.
 */
async function pacesAcross(first: string, second: string) {
  const id = await createChallengeFor(author.id)
  // Someone who has not voted yet in this window.
  const user = await createUser()
  const client = new Client(first)
  await client.login(user.email, user.password)
  const cookie = cookieOf(client)
  for (let i = 0; i < 300; i++) {
    const answer = await fresh(i % 2 ? second : first, `/challenges/${id}`, {
      form: { intent: i % 2 ? 'unvote' : 'vote' },
      cookie,
    })
    expect(answer.status, `vote ${i + 1}`).toBe(302)
  }
  const refused = await fresh(first, `/challenges/${id}`, { form: { intent: 'vote' }, cookie })
  expect(refused.status).toBe(429)
}

describe('WEB_CONCURRENCY=2: two workers on one port', () => {
  let server: Running
  beforeAll(async () => {
    server = await startServer({ WEB_CONCURRENCY: '2' })
    await signInVoters([server.url])
  }, 120_000)
  afterAll(async () => {
    expect(await server.stop()).toBe(0)
    // Every worker stopped on its own (the primary passed SIGTERM on), then the primary.
    expect(server.output().match(/"stopped","code":0/g)).toHaveLength(3)
  })

  it('counts 40 simultaneous votes exactly and every worker shows +40 at once', async () => {
    const id = await createChallengeFor(author.id)
    await settle()
    // Each worker caches the page at 0 (connections go to the workers in turn).
    for (let i = 0; i < 4; i++) expect(await votesOn(server.url, id)).toBe(0)
    const answers = await readWhile(
      [server.url, server.url],
      id,
      Promise.all(
        voters.map((client) =>
          fresh(server.url, `/challenges/${id}`, {
            form: { intent: 'vote' },
            cookie: cookieOf(client),
          }),
        ),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(voters.map(() => 302))
    expect(await storedVotes(id)).toBe(40)
    const took = await within(1000, async () => {
      const seen = await Promise.all([1, 2, 3, 4].map(() => votesOn(server.url, id)))
      return seen.every((n) => n === 40)
    })
    expect(took).toBeGreaterThan(-1)
  }, 60_000)

  it("a write through one worker empties the other's cached page within a second", async () => {
    const id = await createChallengeFor(author.id)
    await settle()
    const pages = await Promise.all([1, 2, 3, 4].map(() => fresh(server.url, `/challenges/${id}`)))
    const again = await Promise.all([1, 2, 3, 4].map(() => fresh(server.url, `/challenges/${id}`)))
    // Both workers hold the page: every later look is a hit.
    expect(again.map((a) => a.cache)).toEqual(['hit', 'hit', 'hit', 'hit'])
    expect(pages.map((p) => votesIn(p.body))).toEqual([0, 0, 0, 0])
    const vote = await fresh(server.url, `/challenges/${id}`, {
      form: { intent: 'vote' },
      cookie: cookieOf(voters[2]!),
    })
    expect(vote.status).toBe(302)
    const took = await within(1000, async () => {
      const seen = await Promise.all([1, 2, 3, 4].map(() => votesOn(server.url, id)))
      return seen.every((n) => n === 1)
    })
    expect(took, 'a worker kept serving its old copy').toBeGreaterThan(-1)
  }, 30_000)

  it("paces one user's votes across the workers: the 301st in 10 minutes is refused", async () => {
    await pacesAcross(server.url, server.url)
  }, 120_000)

  it('forks a worker again after it died, and keeps answering meanwhile', async () => {
    const workers = () =>
      fs
        .readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
          try {
            // pid (comm) state ppid …: the parent is the fourth field after the name.
            const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === server.child.pid
          } catch {
            return false
          }
        })
        .map(Number)
    const before = workers()
    expect(before).toHaveLength(2)
    process.kill(before[0]!, 'SIGKILL')
    // Once the primary knows (a connection handed to a worker as it dies is lost with it),
    // and while the new one is not there yet, the other worker answers.
    await within(5000, async () => server.output().includes('"worker_exited"'))
    const meanwhile = await fresh(server.url, '/about').catch((error: Error) => error.message)
    expect(meanwhile, server.output().slice(-3000)).toMatchObject({ status: 200 })
    const back = await within(
      5000,
      async () => (server.output().match(/"listening"/g) ?? []).length === 3,
    )
    expect(back, server.output().slice(-2000)).toBeGreaterThan(-1)
    expect(server.output()).toMatch(/"worker_exited".*"signal":"SIGKILL","restartInMs":1000/)
    const after = workers()
    expect(after).toHaveLength(2)
    expect(after).not.toContain(before[0])
  }, 30_000)
})

describe('SESSION_SECRET', () => {
  it.runIf(onPostgres)(
    'is required on PostgreSQL in production: the server stops at start, saying so',
    async () => {
      const started = startServer({ SESSION_SECRET: undefined })
      await expect(started).rejects.toThrow(/SESSION_SECRET is required on PostgreSQL/)
    },
    60_000,
  )

  it.runIf(!onPostgres)(
    'generated beside the SQLite file once, before the workers, so every worker accepts its cookies',
    async () => {
      const user = await createUser()
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'helper-proc-secret-'))
      try {
        const file = path.join(folder, 'site.sqlite')
        await sqlite().backup(file)
        const server = await startServer({
          SESSION_SECRET: undefined,
          DATABASE_URL: `file:${file}`,
          WEB_CONCURRENCY: '2',
        })
        expect(await server.stop()).toBe(0)
        const log = server.output()
        expect(log.match(/"session_secret_generated"/g)).toHaveLength(1)
        expect(log.indexOf('"session_secret_generated"')).toBeLessThan(
          log.indexOf('"primary_started"'),
        )
        expect(fs.existsSync(path.join(folder, '.session-secret'))).toBe(true)
        // Again on the same file: the workers read that secret, and a sign-in through one
        // worker is a session on both.
        const again = await startServer({
          SESSION_SECRET: undefined,
          DATABASE_URL: `file:${file}`,
          WEB_CONCURRENCY: '2',
        })
        try {
          const client = new Client(again.url)
          await client.login(user.email, user.password)
          const pages = await Promise.all(
            [1, 2, 3, 4].map(() => fresh(again.url, '/me', { cookie: cookieOf(client) })),
          )
          expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200])
        } finally {
          expect(await again.stop()).toBe(0)
        }
        expect(again.output()).not.toContain('"session_secret_generated"')
      } finally {
        fs.rmSync(folder, { recursive: true, force: true })
      }
    },
    90_000,
  )
})
