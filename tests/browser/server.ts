// Starts the real production server (server/main.ts with the built app in build/) as a child
// process on a free port, with a fresh SQLite database seeded with the demo town.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { productionServerEnv } from '../helpers/server-env'

export const DEMO = {
  admin: { email: 'admin@utmana.local', password: 'utmana-admin-demo' },
  moderator: { email: 'moderator@utmana.local', password: 'utmana-moderator-demo' },
  // The first resident in db/seed/demo-data.ts.
  resident: { email: 'anna.lindqvist@example.se', password: 'utmana-demo-2026' },
} as const

export interface TestServer {
  url: string
  port: number
  dbFile: string
  /** The newest password-reset link mailed to `email` (read from the outbox table). */
  resetLinkFor(email: string): string
  /** The link in the newest welcome mail to `email`: it confirms the address and signs in. */
  confirmLinkFor(email: string): string
  /** What the server printed (for failure messages). */
  output(): string
  stop(): Promise<void>
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

export interface ServerOptions {
  /** More environment for the server, e.g. MAP_TILES_URL pointing at a stub tile server. */
  env?: Record<string, string>
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, 'build/server.js'))) {
    throw new Error('No build/server.js: run `npm run build` first (npm run test:browser does).')
  }
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-browser-'))
  const dbFile = path.join(dir, 'utmana.sqlite')
  const url = `http://127.0.0.1:${port}`

  const env = productionServerEnv({ port, databaseUrl: `file:${dbFile}`, logLevel: 'warn' })
  // No map unless the test file asks for one (it then brings its own tile server).
  delete env.MAP_TILES_URL
  delete env.MAP_ATTRIBUTION
  Object.assign(env, options.env)
  // Mail must go to the outbox table, and the session secret is generated beside the database.
  delete env.SMTP_URL
  delete env.SESSION_SECRET
  delete env.TRUST_PROXY
  delete env.DEFAULT_LOCALE
  // The compiled server on plain node, as `npm start` runs it.
  const child = spawn(process.execPath, ['build/server.js', '--seed-demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)

  const stop = async () => {
    if (!exited(child) && child.pid) {
      process.kill(child.pid, 'SIGTERM')
      if (!(await waitForExit(child, 15_000)) && child.pid) {
        process.kill(child.pid, 'SIGKILL')
        await waitForExit(child, 5_000)
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }

  // Wait for /healthz (bounded).
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exited(child)) {
      await stop()
      throw new Error(`The server exited during startup (code ${child.exitCode}):\n${log}`)
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The server did not answer /healthz within 60 s:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }

  return {
    url,
    port,
    dbFile,
    output: () => log,
    stop,
    resetLinkFor: (email: string) =>
      linkInMail(dbFile, url, email, 'passwordReset', /\/reset-password\/[A-Za-z0-9_-]+/),
    confirmLinkFor: (email: string) =>
      linkInMail(dbFile, url, email, 'welcome', /\/confirm-email\/[A-Za-z0-9_-]+/),
  }
}

function linkInMail(dbFile: string, url: string, email: string, template: string, link: RegExp) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const row = db
      .prepare(
        `select text_body from email_outbox where template = ? and lower(to_address) = lower(?)
         order by id desc limit 1`,
      )
      .get(template, email) as { text_body: string } | undefined
    if (!row) throw new Error(`No ${template} mail for ${email} in the outbox`)
    const match = row.text_body.match(link)
    if (!match) throw new Error(`No link in the mail to ${email}:\n${row.text_body}`)
    return `${url}${match[0]}`
  } finally {
    db.close()
  }
}
