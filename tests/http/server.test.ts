import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { testServerForFile } from '../helpers/http'
import { onPostgres } from '../helpers/setup'
import { countRows } from '../helpers/count-rows'

const server = testServerForFile()

const countUsers = () => countRows('users')

const registration = { name: 'Eva Ek', email: 'eva.ek@example.se', password: 'en lagom lång fras' }

describe('the production server', () => {
  it('answers /healthz after checking the database', async () => {
    const response = await fetch(`${server.origin}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('sends security headers with a fresh CSP nonce that the page scripts carry', async () => {
    // /login is never cached, so each answer is rendered afresh with its own nonce.
    const [a, b] = await Promise.all([
      fetch(server.origin + '/login'),
      fetch(server.origin + '/login'),
    ])
    const csp = a.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(b.headers.get('content-security-policy')).not.toContain(nonce!)
    expect(a.headers.get('x-content-type-options')).toBe('nosniff')
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const html = await a.text()
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])
    expect(scripts.length).toBeGreaterThan(0)
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
  })

  it('serves build assets pre-compressed with a one-year immutable cache', async () => {
    const html = await (await fetch(server.origin + '/')).text()
    const asset = /src="(\/build\/[^"]+\.js)"|href="(\/build\/[^"]+\.css)"/.exec(html)
    const href = asset?.[1] ?? asset?.[2]
    expect(href).toBeTruthy()
    const response = await fetch(server.origin + href, { headers: { 'Accept-Encoding': 'br' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('cache-control')).toContain('immutable')
    expect(response.headers.get('cache-control')).toContain('max-age=31536000')
    expect(fs.existsSync(path.resolve('public' + href + '.br'))).toBe(true)
  })

  it('answers an unknown URL with a translated 404 page', async () => {
    const sv = await fetch(server.origin + '/finns-inte', { headers: { 'Accept-Language': 'sv' } })
    expect(sv.status).toBe(404)
    expect(await sv.text()).toContain('Sidan finns inte')
    const en = await fetch(server.origin + '/does-not-exist', {
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    })
    expect(en.status).toBe(404)
    const html = await en.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('<html lang="en"')
  })

  it('answers a path with a broken percent-escape with 400, not a 500', async () => {
    for (const path of ['/%FF', '/challenges/%C3%28', '/challenges/%E0%A4%A', '/api/v1/%']) {
      const response = await fetch(server.origin + path)
      expect(response.status, path).toBe(400)
      expect(await response.text()).toContain('Adressen är felaktig.')
    }
    // A correct escape still reaches its page.
    expect((await fetch(server.origin + '/challenges?q=%C3%A5')).status).toBe(200)
  })

  it('refuses a POST with a foreign Origin with 403 and writes nothing', async () => {
    const before = await countUsers()
    const client = server.client()
    const response = await client.post('/register', registration, {
      Origin: 'https://evil.example',
    })
    expect(response.status).toBe(403)
    expect(await countUsers()).toBe(before)
  })

  it('refuses a cross-site POST to /login even without an Origin header', async () => {
    const response = await fetch(server.origin + '/login', {
      method: 'POST',
      headers: {
        'Sec-Fetch-Site': 'cross-site',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'email=a@b.se&password=whatever1',
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('refuses a 10 MB body with 413 before reading it', async () => {
    const before = await countUsers()
    const client = server.client()
    const response = await client.request('/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `name=x&email=big@example.se&password=${'a'.repeat(10 * 1024 * 1024)}`,
    })
    expect(response.status).toBe(413)
    expect(await countUsers()).toBe(before)
  })

  it('answers a form action sent as JSON with a 400 form, not a 500', async () => {
    const client = server.client()
    const response = await client.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.se', password: 'x' }),
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  it('survives 10,000 form fields with a 400', async () => {
    const client = server.client()
    const body = Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join('&')
    const response = await client.request('/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    })
    expect(response.status).toBe(400)
  })

  it('does not change state on GET /logout', async () => {
    const response = await fetch(server.origin + '/logout', { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('switches language without JavaScript and remembers it', async () => {
    const client = server.client()
    const switched = await client.post('/language', { lng: 'en', redirectTo: '/about' })
    expect(switched.status).toBe(302)
    expect(switched.headers.get('location')).toBe('/about')
    const page = await client.get('/about')
    const html = await page.text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('About Utmana')
    // The choice beats the browser's Accept-Language.
    expect(await (await client.get('/', { 'Accept-Language': 'sv' })).text()).toContain(
      '<html lang="en"',
    )
  })

  it('falls back to Accept-Language, then Swedish', async () => {
    expect(
      await (await fetch(server.origin + '/', { headers: { 'Accept-Language': 'en-US' } })).text(),
    ).toContain('lang="en"')
    expect(
      await (await fetch(server.origin + '/', { headers: { 'Accept-Language': 'de' } })).text(),
    ).toContain('lang="sv"')
  })
})

/**
 * Makes the database refuse writes while `body` runs: SQLite's query_only on the app's own
 * connection; on PostgreSQL the test database's sessions default to read-only transactions, and
 * the app's connections are ended so that its pools reconnect into that (and out of it after).
 */
async function readOnlyWhile(body: () => Promise<void>) {
  if (!onPostgres) {
    const { sqlite } = await import('~/db.server')
    sqlite().pragma('query_only = ON')
    try {
      await body()
    } finally {
      sqlite().pragma('query_only = OFF')
    }
    return
  }
  const admin = new pg.Client(process.env.DATABASE_URL)
  await admin.connect()
  const name = admin.escapeIdentifier(
    (await admin.query<{ name: string }>('select current_database() as name')).rows[0]!.name,
  )
  const endOtherSessions = async () => {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`)
    // Until the server has ended them, and the pools have seen their sockets close.
    for (let i = 0; i < 100; i++) {
      const left = await admin.query(`select 1 from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`)
      if (!left.rowCount) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  try {
    await admin.query(`alter database ${name} set default_transaction_read_only = on`)
    await endOtherSessions()
    await body()
  } finally {
    await admin.query(`alter database ${name} reset default_transaction_read_only`)
    await endOtherSessions()
    await admin.end()
  }
}

describe('when the database cannot write', () => {
  it('answers 503 with a plain message and writes nothing', async () => {
    const before = await countUsers()
    await readOnlyWhile(async () => {
      const response = await server
        .client()
        .post('/register', { ...registration, email: 'readonly@example.se' })
      expect(response.status).toBe(503)
      expect(await response.text()).toContain('Tjänsten kan inte spara just nu.')
    })
    expect(await countUsers()).toBe(before)
    // Once the database writes again, so does the app (nothing kept the failure).
    const again = await server
      .client()
      .post('/register', { ...registration, email: 'readonly@example.se' })
    expect(again.status).toBe(200)
    expect(await countUsers()).toBe(before + 1)
  })
})

describe('the Origin check', () => {
  const post = (headers: Record<string, string>) =>
    fetch(server.origin + '/language', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: 'lng=en&redirectTo=/',
      redirect: 'manual',
    })

  it('refuses Origin: null unless the browser says the request is same-origin', async () => {
    expect((await post({ Origin: 'null' })).status).toBe(403)
    expect((await post({ Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await post({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(302)
  })

  it('accepts the site own origin', async () => {
    expect((await post({ Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(
      302,
    )
  })
})
