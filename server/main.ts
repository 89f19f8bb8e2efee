import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Server } from 'node:http'
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

  const server: Server = app.listen(env.PORT, env.HOST, () => {
    log.info('listening', {
      url: `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`,
      mode: env.NODE_ENV,
    })
    if (env.NODE_ENV === 'development') void broadcastDevReady(build)
  })
  server.keepAliveTimeout = 65_000
  server.requestTimeout = 30_000

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('shutting_down', { signal })
    stopBackground()
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    server.close(async () => {
      await runtime.close()
      log.info('stopped', {})
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => {
      log.error('shutdown_timeout', {})
      process.exit(1)
    }, 10_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error) => {
  log.error('startup_failed', { error: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})
