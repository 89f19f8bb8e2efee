import { randomBytes } from 'node:crypto'
import { createPostgresClient } from '#db/postgres'
import { dialect, sideConnection, sqlite } from '~/db.server'
import { getEnv } from '~/env.server'
import { log } from '~/services/log.server'

/**
 * Page-cache invalidation across processes. Each process empties its own anonymous page cache
 * after a write it served (server/page-cache.ts); this tells it about writes that other
 * processes on the same database committed, within a second:
 *
 * - PostgreSQL: after a write it served, a process sends `NOTIFY utmana_page_cache` with its own
 *   id; every process LISTENs on a connection of its own (a `pg.Client`, not from the pool:
 *   LISTEN is bound to a session, which a pool or a transaction-pooling PgBouncer would hand to
 *   others; DATABASE_DIRECT_URL names the server past PgBouncer). After a lost connection it
 *   connects again, listens again, and empties its cache, since a notice may have been missed.
 * - SQLite: no announcement at all. `pragma data_version` changes on a connection when another
 *   connection committed, so every 250 ms this process reads it on its own connection and on its
 *   side connection (the rate limiter's). A commit by another process changes both; this
 *   process's own commits change only one of the two (the main connection's show on the side's,
 *   the side's on the main's), so they keep today's path and never empty the cache twice.
 *   Measured cost in docs/decisions.md.
 */
export interface PageCacheSignal {
  /** This process served a write (it has emptied its own cache): tell the others. */
  written(): void
  /** Stops listening or polling. */
  stop(): Promise<void>
}

const CHANNEL = 'utmana_page_cache'
const POLL_MS = 250

export function watchPageCache(clear: () => void): PageCacheSignal {
  if (dialect() === 'postgres') return listenOnPostgres(clear)
  try {
    return pollSqlite(clear)
  } catch (error) {
    // The site still serves; only other processes' writes may show up to 30 s late.
    log.error('page_cache_signal_unavailable', { error: String(error) })
    return { written() {}, stop: async () => {} }
  }
}

function pollSqlite(clear: () => void): PageCacheSignal {
  const main = sqlite()
  const side = sideConnection()
  // One file in memory is never shared with another process.
  if (side === main) return { written() {}, stop: async () => {} }
  const mainVersion = main.prepare('pragma data_version').pluck()
  const sideVersion = side.prepare('pragma data_version').pluck()
  let seen = [mainVersion.get(), sideVersion.get()]
  const timer = setInterval(() => {
    try {
      const now = [mainVersion.get(), sideVersion.get()]
      if (now[0] !== seen[0] && now[1] !== seen[1]) clear()
      seen = now
    } catch (error) {
      // A closed or failing database: the requests report it; the next poll tries again.
      log.debug('page_cache_poll_failed', { error: String(error) })
    }
  }, POLL_MS)
  timer.unref()
  return { written() {}, stop: async () => clearInterval(timer) }
}

function listenOnPostgres(clear: () => void): PageCacheSignal {
  const env = getEnv()
  const url = env.DATABASE_DIRECT_URL ?? env.DATABASE_URL
  // Notices carry the sender's id, so a process ignores its own.
  const self = randomBytes(8).toString('hex')
  let client: ReturnType<typeof createPostgresClient> | undefined
  let stopped = false
  let retryMs = 250
  let retry: NodeJS.Timeout | undefined
  // Writes while a NOTIFY is under way are announced by one more after it, not one each.
  let sending = false
  let pending = false

  const connect = async () => {
    if (stopped) return
    const next = createPostgresClient(url, { name: CHANNEL })
    let lost = false
    const reconnect = (error?: unknown) => {
      if (lost) return
      lost = true
      if (client === next) client = undefined
      next.removeAllListeners('notification')
      void next.end().catch(() => {})
      if (stopped) return
      log.warn('page_cache_listen_lost', { error: String(error), retryMs })
      retry = setTimeout(() => void connect(), retryMs)
      retry.unref()
      retryMs = Math.min(retryMs * 2, 10_000)
    }
    next.on('error', reconnect)
    next.on('end', () => reconnect('connection ended'))
    next.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload !== self) clear()
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANNEL}`)
    } catch (error) {
      return reconnect(error)
    }
    if (stopped) return void next.end().catch(() => {})
    client = next
    if (retryMs > 250) {
      // Connected again: a notice may have gone by while this process was not listening.
      clear()
      log.info('page_cache_listening', {})
    }
    retryMs = 250
    if (pending) send()
  }

  const send = () => {
    if (!client || stopped) return
    if (sending) {
      pending = true
      return
    }
    sending = true
    pending = false
    client
      .query('SELECT pg_notify($1, $2)', [CHANNEL, self])
      .catch((error: unknown) => log.warn('page_cache_notify_failed', { error: String(error) }))
      .finally(() => {
        sending = false
        if (pending) send()
      })
  }

  void connect()
  return {
    written() {
      if (client) send()
      else pending = true
    },
    async stop() {
      stopped = true
      clearTimeout(retry)
      const current = client
      client = undefined
      await current?.end().catch(() => {})
    },
  }
}
