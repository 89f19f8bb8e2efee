import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import http, { type ServerResponse } from 'node:http'
import { broadcastDevReady } from '@remix-run/node'
import { createApp, type AppBuild } from './app'
import { getEnv, isHttpsSite, publicUrl } from '../app/env.server'
import { log } from '../app/services/log.server'

const BUILD_PATH = path.resolve('build/index.js')

async function importBuild(): Promise<AppBuild> {
  // The query busts Node's module cache when development rebuilds.
  const stamp = fs.statSync(BUILD_PATH).mtimeMs
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`)) as AppBuild
}

// A stray rejected promise is a bug to log, not a reason to take the site down.
process.on('unhandledRejection', (reason) => {
  log.error('unhandled_rejection', {
    error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
  })
})

async function main() {
  const env = getEnv()
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    log.warn('public_url_missing', {
      hint: 'set PUBLIC_URL (https://…) for links in mail, secure cookies and HSTS',
    })
  }
  if (!fs.existsSync(BUILD_PATH)) throw new Error('No build found: run `npm run build` first.')
  let build = await importBuild()
  const runtime = build.entry.module.runtime
  const stopBackground = await runtime.start({ seedDemo: process.argv.includes('--seed-demo') })

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

  const app = createApp({
    build: env.NODE_ENV === 'development' ? currentBuild : build,
    runtime,
    mode: env.NODE_ENV,
    publicOrigin: publicUrl().origin,
    https: isHttpsSite(),
    trustProxy: env.TRUST_PROXY,
  })

  let stopping = false
  // Responses under way, so a shutdown can tell their connections to close after them.
  const underway = new Set<ServerResponse>()
  const server = http.createServer((req, res) => {
    if (stopping) res.setHeader('Connection', 'close')
    else {
      underway.add(res)
      res.on('close', () => underway.delete(res))
    }
    app(req, res)
  })
  server.listen(env.PORT, env.HOST, () => {
    log.info('listening', {
      url: `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`,
      mode: env.NODE_ENV,
    })
    if (env.NODE_ENV === 'development') void broadcastDevReady(build)
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
