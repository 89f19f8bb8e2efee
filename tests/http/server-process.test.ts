import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { db, sqlite } from '~/db.server'
import { killRealServers, startRealServer, type RealServer } from '../helpers/real-server'
import { onPostgres } from '../helpers/setup'

// The real server process (build/server.js with the build), as an operator runs it: issue 10,
// items 8 (/healthz when writes fail) and 9 (SIGTERM under keep-alive load). On PostgreSQL the
// server runs on this test file's database, and what a file would show (its WAL, its integrity)
// is checked on SQLite only.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-process-'))
afterAll(() => {
  killRealServers()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Running = RealServer

/** build/server.js on a database (a file or a URL), answering /healthz. */
const startServer = (database: string, as?: { uid: number; gid: number }) =>
  startRealServer({
    databaseUrl: database.startsWith('postgres') ? database : `file:${database}`,
    as,
  })

/**
 * A migrated copy of this test file's database, made like `npm run db:backup` does; on
 * PostgreSQL, this test file's database itself.
 */
async function copyOfDatabase(name: string, how: 'backup' | 'vacuum') {
  if (onPostgres) return process.env.DATABASE_URL!
  const folder = fs.mkdtempSync(path.join(dir, `${name}-`))
  const file = path.join(folder, `${name}.sqlite`)
  if (how === 'backup') await sqlite().backup(file)
  else sqlite().exec(`VACUUM INTO '${file}'`)
  return file
}

/** As the owner of a read-only file; root ignores file modes, so root runs it as nobody. */
function readOnly(file: string) {
  fs.chmodSync(file, 0o444)
  if (process.getuid?.() !== 0) return undefined
  const nobody = { uid: 65534, gid: 65534 }
  fs.chownSync(path.dirname(file), nobody.uid, nobody.gid)
  fs.chownSync(file, nobody.uid, nobody.gid)
  fs.chmodSync(dir, 0o755)
  return nobody
}

/** A sign-up (200 "check your e-mail", taken address or not): a write the WAL keeps until a checkpoint. */
const register = (server: Running, email: string) =>
  fetch(`${server.url}/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    body: new URLSearchParams({ name: 'Sista Sara', email, password: 'en lagom lång fras' }),
    redirect: 'manual',
  })

describe('/healthz', () => {
  it('answers 200 ok when the database reads and writes', async () => {
    const server = await startServer(await copyOfDatabase('writable', 'backup'))
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
    server.child.kill('SIGTERM')
    expect((await server.exited).code).toBe(0)
  }, 60_000)

  // A read-only file copied by backup or VACUUM INTO has no PostgreSQL form: see the next block.
  describe.skipIf(onPostgres)('on SQLite', () => {
    for (const how of ['backup', 'vacuum'] as const) {
      it(`answers 503 degraded, with the reason, on a read-only file (${how} copy)`, async () => {
        const file = await copyOfDatabase(`readonly-${how}`, how)
        const server = await startServer(file, readOnly(file))
        try {
          const response = await fetch(`${server.url}/healthz`)
          expect(response.status, server.output().slice(-3000)).toBe(503)
          const body = (await response.json()) as { status: string; reason: string }
          expect(body.status).toBe('degraded')
          expect(body.reason).toMatch(/refuses writes.*SQLITE_READONLY/)
          // Reads still work: the site is degraded, not down.
          expect((await fetch(`${server.url}/about`)).status).toBe(200)
        } finally {
          server.child.kill('SIGTERM')
          await server.exited
        }
        expect(server.output()).toContain('"health_degraded"')
      }, 60_000)
    }
  })

  describe.runIf(onPostgres)('on PostgreSQL', () => {
    it('answers 503 degraded, with the reason, on a database that refuses writes', async () => {
      // The server's sessions start read-only, as on a standby or a database set so by its admin.
      const admin = new pg.Client(process.env.DATABASE_URL)
      await admin.connect()
      const name = admin.escapeIdentifier(
        (await admin.query<{ name: string }>('select current_database() as name')).rows[0]!.name,
      )
      await admin.query(`alter database ${name} set default_transaction_read_only = on`)
      try {
        const server = await startServer(process.env.DATABASE_URL!)
        try {
          const response = await fetch(`${server.url}/healthz`)
          expect(response.status, server.output().slice(-3000)).toBe(503)
          const body = (await response.json()) as { status: string; reason: string }
          expect(body.status).toBe('degraded')
          expect(body.reason).toMatch(/refuses writes.*25006/)
          expect((await fetch(`${server.url}/about`)).status).toBe(200)
        } finally {
          server.child.kill('SIGTERM')
          await server.exited
        }
        expect(server.output()).toContain('"health_degraded"')
      } finally {
        await admin.query(`alter database ${name} reset default_transaction_read_only`)
        await admin.end()
      }
    }, 60_000)
  })
})

describe('SIGTERM', () => {
  it('under keep-alive load: stops taking requests at once, closes the database, exits 0', async () => {
    const file = await copyOfDatabase('shutdown', 'backup')
    const server = await startServer(file)
    // Something written, so the WAL has content the shutdown must checkpoint.
    expect((await register(server, 'sista.sara@example.se')).status).toBe(200)
    if (!onPostgres) expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)

    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 })
    // Requests sent once the server has said it is shutting down (its log line has reached us,
    // so it was written before): each must be answered with "Connection: close" or refused.
    let shutdownSeenAt = 0
    server.child.stdout!.on('data', (chunk: Buffer) => {
      if (!shutdownSeenAt && chunk.toString().includes('"shutting_down"'))
        shutdownSeenAt = Date.now()
    })
    const late: { keepAlive: boolean }[] = []
    const lateFailures: string[] = []
    let before = 0
    const get = (pathname: string) =>
      new Promise<void>((resolve) => {
        const isLate = shutdownSeenAt > 0
        const request = http.get(`${server.url}${pathname}`, { agent }, (response) => {
          response.resume()
          response.on('end', () => {
            if (isLate) late.push({ keepAlive: response.headers.connection !== 'close' })
            else before++
            resolve()
          })
          response.on('error', () => resolve())
        })
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (isLate) lateFailures.push(error.code ?? error.message)
          resolve()
        })
      })
    let loops = true
    const pages = ['/challenges', '/healthz', '/about', '/login', '/organisations', '/']
    const clients = pages.map(async (pathname) => {
      while (loops) await get(pathname)
    })

    // A keep-alive request in flight at SIGTERM: its body is still on the way.
    const body = 'lng=en&redirectTo=%2F'
    const slow = http.request(`${server.url}/language`, {
      method: 'POST',
      agent: new http.Agent({ keepAlive: true }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(body.length),
        Origin: server.url,
      },
    })
    const slowAnswer = new Promise<http.IncomingMessage>((resolve, reject) => {
      slow.on('response', (response) => {
        response.resume()
        response.on('end', () => resolve(response))
      })
      slow.on('error', reject)
    })
    slow.write(body.slice(0, 4))

    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(before).toBeGreaterThan(20)
    const killedAt = Date.now()
    server.child.kill('SIGTERM')
    while (!shutdownSeenAt && Date.now() - killedAt < 15_000)
      await new Promise((resolve) => setTimeout(resolve, 10))
    slow.end(body.slice(4))
    const answer = await slowAnswer
    expect(answer.statusCode).toBe(302)
    expect(answer.headers.connection).toBe('close')
    const { code } = await server.exited
    const took = Date.now() - killedAt
    loops = false
    await Promise.all(clients)
    agent.destroy()

    expect(code, server.output().slice(-3000)).toBe(0)
    expect(took).toBeLessThan(5_000)
    expect(shutdownSeenAt).toBeGreaterThan(0)
    // Once shutting down, a connection gets at most one more answer, saying it closes; after
    // that the server is gone (refused or reset), not answering on until a hard stop.
    expect(late.filter((r) => r.keepAlive)).toEqual([])
    expect(late.length).toBeLessThanOrEqual(pages.length)
    expect(lateFailures.length).toBeGreaterThan(0)
    expect(server.output()).toContain('"database_closed"')
    expect(server.output()).not.toContain('shutdown_timeout')

    if (onPostgres) {
      const saved = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'sista.sara@example.se')
        .execute()
      expect(saved).toHaveLength(1)
      return
    }
    // Closed cleanly: the WAL was checkpointed into the file and removed.
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)
    const check = new SQLite(file, { readonly: true })
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(
        check
          .prepare('select count(*) as n from users where email = ?')
          .get('sista.sara@example.se'),
      ).toEqual({ n: 1 })
    } finally {
      check.close()
    }
  }, 60_000)

  it('closes the database also when a request outlives the 10 s hard stop', async () => {
    const file = await copyOfDatabase('hard-stop', 'backup')
    const server = await startServer(file)
    expect((await register(server, 'hard.stop@example.se')).status).toBe(200)
    if (!onPostgres) expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    // A form whose body never arrives keeps its connection busy past the hard stop.
    const stuck = http.request(`${server.url}/language`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': '100',
        Origin: server.url,
      },
    })
    stuck.on('error', () => {})
    stuck.write('lng=')
    await new Promise((resolve) => setTimeout(resolve, 300))

    const killedAt = Date.now()
    server.child.kill('SIGTERM')
    const { code } = await server.exited
    const took = Date.now() - killedAt
    stuck.destroy()

    expect(code).toBe(1)
    expect(took).toBeGreaterThanOrEqual(10_000)
    expect(took).toBeLessThan(15_000)
    expect(server.output()).toContain('"shutdown_timeout"')
    expect(server.output()).toContain('"database_closed"')
    if (onPostgres) return
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)
    const check = new SQLite(file, { readonly: true })
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      check.close()
    }
  }, 60_000)
})
