import { spawn } from 'node:child_process'
import cluster, { type Worker } from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import http, { type ServerResponse } from 'node:http'
import { broadcastDevReady } from '@remix-run/node'
import { createApp } from './app'
import type { AppBuild, Log, Runtime, ServerEnv } from './runtime'

const BUILD_PATH = path.resolve('build/index.js')
// The demo seed as a CLI compiled by `npm run build` (scripts/build-server.ts); in
// development, its source through tsx.
const SEED_BUILD_PATH = path.resolve('build/seed.js')
const SEED_SOURCE_PATH = path.resolve('db/seed.ts')

async function importBuild(): Promise<AppBuild> {
  // The query busts Node's module cache when development rebuilds.
  const stamp = fs.statSync(BUILD_PATH).mtimeMs
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as AppBuild
}

/** Until the build is loaded: a JSON line on stderr, like the app's logger writes. */
let log: Log = {
  debug: () => {},
  info: () => {},
  warn: (event, fields) => early('warn', event, fields),
  error: (event, fields) => early('error', event, fields),
}
function early(level: string, event: string, fields: Record<string, unknown> = {}) {
  process.stderr.write(
    JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }) + '\n',
  )
}

// A stray rejected promise is a bug to log, not a reason to take the site down.
process.on('unhandledRejection', (reason) => {
  log.error('unhandled_rejection', {
    error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
  })
})

/**
 * Seeds the demo town into an empty database in a process of its own, so that the seed and its
 * data are neither in the server build nor kept in this process's memory afterwards.
 */
function seedDemo(): Promise<void> {
  const [script, loader] = fs.existsSync(SEED_BUILD_PATH)
    ? [SEED_BUILD_PATH, []]
    : [SEED_SOURCE_PATH, ['--import', 'tsx']]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...loader, script, '--demo', '--if-empty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) {
        log.info('demo_seed', { result: output.trim() })
        resolve()
      } else reject(new Error(`the demo seed failed (exit ${code}): ${output.trim()}`))
    })
  })
}

// A worker that dies is forked again after a pause that doubles with each quick death (up to
// a minute), so a crash loop (a bad build, a database that refuses connections) does not spin.
const RESTART_FIRST_MS = 1000
const RESTART_MAX_MS = 60_000
// A worker that lived this long was healthy: the next death starts the pause over.
const HEALTHY_AFTER_MS = 60_000
const SHUTDOWN_HARD_STOP_MS = 10_000

/**
 * WEB_CONCURRENCY > 1: this process prepares the site once (the secret, migrations, the demo
 * seed), closes its database and forks the workers that serve the port (node:cluster hands
 * them the connections in turn). It restarts a worker that dies, and on SIGTERM/SIGINT passes
 * the signal on, waits for every worker's own graceful stop, and exits after them.
 */
async function runPrimary(runtime: Runtime, env: ServerEnv) {
  await runtime.prepare({ seedDemo: process.argv.includes('--seed-demo') ? seedDemo : undefined })
  // The workers open their own connections; this process only watches them.
  await runtime.close()

  let stopping = false
  let pauseMs = RESTART_FIRST_MS
  let listening = 0
  const started = new Map<Worker, number>()
  const fork = () => {
    const worker = cluster.fork()
    started.set(worker, Date.now())
    worker.once('listening', () => {
      if (++listening === env.workers) log.info('workers_listening', { workers: env.workers })
    })
  }
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? Date.now())
    started.delete(worker)
    if (stopping) {
      if (started.size === 0) {
        log.info('stopped', { code: 0 })
        process.exit(0)
      }
      return
    }
    if (lived >= HEALTHY_AFTER_MS) pauseMs = RESTART_FIRST_MS
    log.error('worker_exited', { pid: worker.process.pid, code, signal, restartInMs: pauseMs })
    setTimeout(() => {
      if (!stopping) fork()
    }, pauseMs)
    pauseMs = Math.min(pauseMs * 2, RESTART_MAX_MS)
  })
  for (let i = 0; i < env.workers; i++) fork()
  log.info('primary_started', { workers: env.workers, url: `http://${env.host}:${env.port}` })

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log.info('shutting_down', { signal, workers: started.size })
    if (started.size === 0) process.exit(0)
    // Each worker stops as a single process does (server/main.ts below), within its own hard
    // stop; this one waits a little longer before it gives up on them.
    for (const worker of started.keys()) worker.process.kill('SIGTERM')
    setTimeout(() => {
      log.error('shutdown_timeout', { workers: started.size })
      for (const worker of started.keys()) worker.process.kill('SIGKILL')
      process.exit(1)
    }, SHUTDOWN_HARD_STOP_MS + 2000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

async function main() {
  if (!fs.existsSync(BUILD_PATH)) throw new Error('No build found: run `npm run build` first.')
  let build = await importBuild()
  const runtime = build.entry.module.runtime
  log = runtime.log
  const env = runtime.env()
  if (env.nodeEnv === 'production' && !env.publicUrlSet && !cluster.isWorker) {
    log.warn('public_url_missing', {
      hint: 'set PUBLIC_URL (https://…) for links in mail, secure cookies and HSTS',
    })
  }
  if (cluster.isPrimary && env.workers > 1) return runPrimary(runtime, env)
  // A worker: the primary prepared the site before forking it.
  const stopBackground = await runtime.start({
    seedDemo: process.argv.includes('--seed-demo') ? seedDemo : undefined,
    prepared: cluster.isWorker,
  })

  let buildStamp = fs.statSync(BUILD_PATH).mtimeMs
  const currentBuild = async () => {
    const stamp = fs.statSync(BUILD_PATH).mtimeMs
    if (stamp !== buildStamp) {
      buildStamp = stamp
      build = await importBuild()
      await broadcastDevReady(build)
    }
    return build
  }

  let cacheSignal: ReturnType<Runtime['pageCache']['watch']> | undefined
  const app = createApp({
    build: env.nodeEnv === 'development' ? currentBuild : build,
    runtime,
    mode: env.nodeEnv,
    publicOrigin: env.publicOrigin,
    https: env.https,
    trustProxy: env.trustProxy,
    database: env.database,
    onPageCacheWrite: () => cacheSignal?.written(),
  })
  // Writes served by other processes on the same database empty this one's page cache too.
  const pageCache = app.pageCache
  if (pageCache) cacheSignal = runtime.pageCache.watch(() => pageCache.clear())

  let stopping = false
  // Responses under way, so a shutdown can tell their connections to close after them.
  const underway = new Set<ServerResponse>()
  const server = http.createServer((req, res) => {
    if (stopping) res.setHeader('Connection', 'close')
    else {
      underway.add(res)
      res.on('close', () => underway.delete(res))
    }
    app.respond(req, res)
  })
  server.listen(env.port, env.host, () => {
    log.info('listening', {
      url: `http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${env.port}`,
      mode: env.nodeEnv,
    })
    if (env.nodeEnv === 'development') void broadcastDevReady(build)
  })
  server.keepAliveTimeout = 65_000
  server.requestTimeout = 30_000

  let exiting = false
  /** Closes the database (always, also after the hard stop) and exits. */
  const exit = async (code: number) => {
    if (exiting) return
    exiting = true
    server.closeAllConnections()
    try {
      await cacheSignal?.stop()
      await runtime.close()
    } catch (error) {
      log.error('database_close_failed', { error: String(error) })
    }
    log.info('stopped', { code })
    process.exit(code)
  }

  // Stop taking requests at once: no new connections; every response from now on says
  // "Connection: close" and its connection closes after it; idle connections close now.
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('shutting_down', { signal, underway: underway.size })
    setTimeout(() => {
      log.error('shutdown_timeout', { underway: underway.size })
      void exit(1)
    }, 10_000)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const res of underway) {
      if (!res.headersSent) res.setHeader('Connection', 'close')
      else {
        // Already answering with keep-alive: end the connection once this response is out.
        const socket = res.socket
        res.once('finish', () => socket?.end())
      }
    }
    server.closeIdleConnections()
    // The background jobs stop now; a run under way may finish (bounded by the hard stop).
    void Promise.all([closed, stopBackground()]).then(() => exit(0))
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error) => {
  log.error('startup_failed', { error: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})
