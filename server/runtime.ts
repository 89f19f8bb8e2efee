// Types only: what the server needs from the app's server build. The server reaches the app
// through the build's `runtime` export alone (app/runtime.server.ts satisfies this), so one copy
// of every app module runs: the one in build/index.js. tests/unit/server-seam.test.ts keeps
// `server/` from importing app source at run time.
import type { ServerBuild } from '@remix-run/node'

export type LogFields = Record<string, unknown>
export interface Log {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/** The environment as the app read and checked it (app/env.server.ts). */
export interface ServerEnv {
  nodeEnv: 'production' | 'development' | 'test'
  port: number
  host: string
  /** The site's own origin, e.g. https://utmana.example.se (PUBLIC_URL, or the local address). */
  publicOrigin: string
  /** Whether PUBLIC_URL was set at all. */
  publicUrlSet: boolean
  /** HTTPS sites get HSTS, upgrade-insecure-requests and secure cookies. */
  https: boolean
  /** Express `trust proxy` (TRUST_PROXY). */
  trustProxy?: string
  /** Worker processes to fork (WEB_CONCURRENCY); 1: this process serves, no cluster. */
  workers: number
  /** The map tile server's origin (MAP_TILES_URL), allowed as an image source by the CSP. */
  mapTilesOrigin?: string
  /** The database behind DATABASE_URL: SQLite answers within the page's own CPU time. */
  database: 'sqlite' | 'postgres'
}

export interface Runtime {
  /** The checked environment; throws with every problem listed when it is invalid. */
  env(): ServerEnv
  /** The app's JSON-lines logger. */
  log: Log
  /** The key rate limits use for a client address (an IPv6 address by its /64). */
  clientKey(ip: string | undefined): string
  /** A path fit for the log: no query, secret tokens redacted. */
  loggablePath(url: string): string
  /**
   * Checks the session secret (making one beside a SQLite file when allowed), migrates, and
   * seeds the demo town through `seedDemo` when given (local sites only). With WEB_CONCURRENCY
   * the primary process runs this once, before forking the workers.
   */
  prepare(options: { seedDemo?: () => Promise<void> }): Promise<void>
  /**
   * Prepares (unless `prepared`: the primary did), starts the background jobs, and gives the
   * function that stops them.
   */
  start(options: {
    seedDemo?: () => Promise<void>
    prepared?: boolean
  }): Promise<() => Promise<void>>
  /** ok, or degraded (writes fail) / unavailable (reads fail) with the reason. */
  health(): Promise<{ status: 'ok' | 'degraded' | 'unavailable'; reason?: string }>
  deliverOutbox(): Promise<number>
  /** Checkpoints and closes the database. */
  close(): Promise<void>
  /** Forms that take files (photos): multipart is accepted there, up to a larger body. */
  uploads: {
    accepts(path: string): boolean
    /** Bytes a request to such a path may have; the forms answer over-limit files themselves. */
    maxBodyBytes: number
  }
  /** The page cache's rules (app/services/page-cache.server.ts). */
  pageCache: {
    /** The header the app marks a cacheable response with; never sent to the client. */
    header: string
    /**
     * Which copy of a page the request may get, from its headers and path (without the
     * query); null: none, not cached.
     * Synchronous when the answer for these header values is already known (the usual case).
     */
    variant(
      header: (name: 'cookie' | 'accept-language') => string | undefined,
      path: string,
    ): string | null | Promise<string | null>
    /**
     * Hears about writes other processes on the same database committed, and calls `clear`
     * (within a second); `written` tells the others about a write this process served.
     */
    watch(clear: () => void): { written(): void; stop(): Promise<void> }
  }
}

export type AppBuild = ServerBuild & { entry: { module: { runtime: Runtime } } }
