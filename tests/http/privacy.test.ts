import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createConfirmationToken } from '~/models/email-confirmation.server'
import { listOutbox } from '~/models/outbox.server'
import { consume, RATE_LIMITS } from '~/services/rate-limit.server'
import { createApp, type AppBuild } from '../../server/app'
import { createChallengeFor, createUser } from '../factories'
import { Client, testServerForFile } from '../helpers/http'

const server = testServerForFile()

const DAY = 24 * 60 * 60 * 1000

async function signedIn(user: { email: string; password: string }) {
  const client = server.client()
  await client.login(user.email, user.password)
  return client
}

/** The same server behind a trusted proxy: X-Forwarded-For sets the client's address. */
async function startProxiedServer() {
  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as AppBuild
  const app = createApp({
    build,
    runtime: build.entry.module.runtime,
    mode: 'production',
    publicOrigin: 'http://localhost:3000',
    https: false,
    trustProxy: 'loopback',
  })
  const listening = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`
  return {
    client: () => new Client(origin),
    close: () => new Promise<void>((resolve) => listening.close(() => resolve())),
  }
}

async function userRow(id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email_verified_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}

describe('/me/data', () => {
  it('sends visitors to the login page, for the page and for the download', async () => {
    for (const path of ['/me/data', '/me/data.json']) {
      const response = await server.client().get(path)
      expect(response.status, path).toBe(302)
      expect(response.headers.get('location'), path).toMatch(/^\/login/)
    }
  })

  it('explains what is stored and offers the download and the deletion form', async () => {
    const user = await createUser()
    const html = await (await (await signedIn(user)).get('/me/data')).text()
    expect(html).toContain('href="/me/data.json"')
    expect(html).toContain('Ladda ner mina uppgifter (JSON)')
    expect(html).toContain('href="/privacy"')
    expect(html).toMatch(/type="radio"[^>]*value="keep"[^>]*checked|checked[^>]*value="keep"/)
    expect(html).toContain('type="checkbox"')
    // What happens to photos, for each choice and for drafts never posted.
    expect(html).toContain('Foton du har laddat upp men aldrig publicerat raderas också.')
    expect(html).toContain('ligger kvar utan ditt namn, med sina foton,')
    expect(html).toContain('raderas, med fotona på dem.')
  })

  it('downloads everything about me as a JSON attachment that no cache keeps', async () => {
    const user = await createUser()
    const challenge = await createChallengeFor(user.id, { title: 'Min nedladdade utmaning här' })
    const response = await (await signedIn(user)).get('/me/data.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const day = new Date().toISOString().slice(0, 10)
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="utmana-my-data-${day}.json"`,
    )
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const data = (await response.json()) as {
      profile: { email: string; password_hash?: string }
      challenges: Array<{ id: number }>
      sessions: unknown[]
    }
    expect(data.profile.email).toBe(user.email)
    expect(data.profile.password_hash).toBeUndefined()
    expect(data.challenges.map((c) => c.id)).toEqual([challenge])
    expect(data.sessions).toHaveLength(1)
  })

  it('sends a client that asks /me/data for JSON to the file', async () => {
    const user = await createUser()
    const client = await signedIn(user)
    for (const asked of [
      await client.get('/me/data?format=json'),
      await client.get('/me/data', { Accept: 'application/json' }),
    ]) {
      expect(asked.status).toBe(302)
      expect(asked.headers.get('location')).toBe('/me/data.json')
      const response = await client.get(asked.headers.get('location')!)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment/)
      expect(((await response.json()) as { profile: { email: string } }).profile.email).toBe(
        user.email,
      )
    }
    // A browser asking for the page gets the page.
    const page = await client.get('/me/data', { Accept: 'text/html,application/json;q=0.9' })
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    // Not signed in: to the login page, not a file.
    expect((await server.client().get('/me/data?format=json')).status).toBe(302)
  })

  it('refuses a wrong password or a missing tick with 400 and deletes nothing', async () => {
    const user = await createUser()
    const client = await signedIn(user)
    const wrong = await client.post('/me/data', {
      password: 'not the password at all',
      contributions: 'remove',
      confirm: 'on',
    })
    expect(wrong.status).toBe(400)
    const html = await wrong.text()
    expect(html).toContain('Lösenordet stämmer inte.')
    expect(html).toMatch(/aria-describedby="[^"]*delete-account-password-error/)
    expect(html).toMatch(/value="remove"[^>]*checked|checked[^>]*value="remove"/)
    const unticked = await client.post('/me/data', {
      password: user.password,
      contributions: 'keep',
    })
    expect(unticked.status).toBe(400)
    expect(await unticked.text()).toContain('Kryssa i rutan för att bekräfta.')
    expect(await userRow(user.id)).toBeTruthy()
    expect((await client.get('/me')).status).toBe(200)
  })

  it('counts password guesses per person across addresses, and never locks the owner out of signing in', async () => {
    const proxied = await startProxiedServer()
    try {
      const user = await createUser()
      const client = proxied.client()
      await client.login(user.email, user.password)
      // Someone holding this session guesses the password from many addresses.
      for (let i = 0; i < RATE_LIMITS.reauth.points - 2; i++) {
        await consume('reauth', String(user.id))
      }
      const form = { contributions: 'keep', confirm: 'on' }
      for (const ip of ['198.51.100.1', '198.51.100.2']) {
        const wrong = await client.post(
          '/me/data',
          { ...form, password: `not the password ${ip}` },
          { 'X-Forwarded-For': ip },
        )
        expect(wrong.status, ip).toBe(400)
      }
      // A fresh address does not help: refused before the password is checked, even the right one.
      const blocked = await client.post(
        '/me/data',
        { ...form, password: user.password },
        { 'X-Forwarded-For': '198.51.100.3' },
      )
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await userRow(user.id)).toBeTruthy()
      // The login form stays open to the right password (issue 10, item 4).
      const login = await proxied
        .client()
        .post(
          '/login',
          { email: user.email, password: user.password },
          { 'X-Forwarded-For': '198.51.100.4' },
        )
      expect(login.status).toBe(302)
    } finally {
      await proxied.close()
    }
  })

  it('deletes the account and signs it out everywhere', async () => {
    const user = await createUser()
    const challenge = await createChallengeFor(user.id)
    const here = await signedIn(user)
    const elsewhere = await signedIn(user)
    const response = await here.post('/me/data', {
      password: user.password,
      contributions: 'keep',
      confirm: 'on',
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/me/data?deleted=1')
    const done = await here.get('/me/data?deleted=1')
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Ditt konto är raderat')
    // The other device's cookie is anonymous now.
    const other = await elsewhere.get('/me')
    expect(other.status).toBe(302)
    expect(other.headers.get('location')).toMatch(/^\/login/)
    expect(await userRow(user.id)).toBeUndefined()
    // The limiter's counters for the address went with the account.
    const keys = await sql<{ key: string }>`select key from rate_limits`.execute(db)
    expect(keys.rows.filter((r) => r.key.includes(user.email))).toEqual([])
    const page = await server.client().get(`/challenges/${challenge}`)
    expect(await page.text()).toContain('Tidigare medlem')
    const again = await server.client().post('/login', {
      email: user.email,
      password: user.password,
      redirectTo: '/me',
    })
    expect(again.status).not.toBe(302)
  })
})

describe('confirming the e-mail address', () => {
  it('the welcome mail carries a link; opening it does not confirm, the button does, once', async () => {
    const client = server.client()
    const email = `ny-${Date.now()}@example.se`
    const registered = await client.post('/register', {
      name: 'Nora Ny',
      email,
      password: 'hamnen i kvällsljus',
      represent: 'none',
    })
    expect(registered.status).toBe(200)
    const [welcome] = await listOutbox({ to: email, template: 'welcome' })
    const link = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(welcome?.text_body ?? '')?.[0]
    expect(link).toBeTruthy()
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()

    // A mail scanner opening the link confirms nothing.
    const opened = await server.client().get(link!)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('referrer-policy')).toContain('same-origin')
    expect(await opened.text()).toContain('<form method="post"')
    expect((await userRow(user.id))?.email_verified_at).toBeNull()

    const confirmed = await client.post(link!, {})
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('E-postadressen är bekräftad')
    expect((await userRow(user.id))?.email_verified_at).not.toBeNull()
    expect(await client.get('/me').then((r) => r.text())).not.toContain('Bekräfta din e-postadress')
    expect((await server.client().post(link!, {})).status).toBe(404)
  })

  it('answers 410 for an expired link and 404 for an unknown one', async () => {
    const user = await createUser({ confirmed: false })
    const token = await createConfirmationToken(db, user.id, new Date(Date.now() - 8 * DAY))
    const expired = await server.client().get(`/confirm-email/${token}`)
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('Länken har gått ut')
    expect((await server.client().post(`/confirm-email/${token}`, {})).status).toBe(410)
    expect((await userRow(user.id))?.email_verified_at).toBeNull()
    expect((await server.client().get(`/confirm-email/${'a'.repeat(43)}`)).status).toBe(404)
    expect((await server.client().get('/confirm-email/short')).status).toBe(404)
  })

  it('sends a new link on request, a few times an hour at most', async () => {
    // A session from before the address had to be confirmed to sign in with a password.
    const user = await createUser()
    const client = await signedIn(user)
    await db
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('id', '=', user.id)
      .execute()
    for (let i = 0; i < 3; i++) {
      const response = await client.post('/me?index', { intent: 'resend-confirmation' })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/me?notice=confirmationSent#confirm-email')
    }
    expect(await listOutbox({ to: user.email, template: 'confirmEmail' })).toHaveLength(3)
    const fourth = await client.post('/me?index', { intent: 'resend-confirmation' })
    expect(fourth.status).toBe(429)
    expect(await listOutbox({ to: user.email, template: 'confirmEmail' })).toHaveLength(3)
  })
})

describe('/privacy', () => {
  it('says what is stored, for how long, and links to /me/data', async () => {
    const html = await (await server.client().get('/privacy')).text()
    expect(html).toContain('<h2')
    expect(html).toContain('14 dagar')
    expect(html).toContain('30 dagar')
    expect(html).toContain('href="/me/data"')
  })
})
