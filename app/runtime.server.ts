import { sql } from 'kysely'
import { dialectOf } from '#db/connection'
import { closeDatabase, db, dialect, directDatabaseUrl, migrate } from '~/db.server'
import { probeDatabase, type Health } from '~/models/health.server'
import { purgeOldResetTokens } from '~/models/password-reset.server'
import { purgeOldDrafts } from '~/models/photo.server'
import {
  purgeExpiredConfirmationTokens,
  purgeUnconfirmedAccounts,
} from '~/models/email-confirmation.server'
import { purgeExpiredSessions } from '~/models/session.server'
import { recomputeTrending } from '~/models/trending.server'
import { deliverOutbox } from '~/services/mail.server'
import { leadership } from '~/services/leader.server'
import { getEnv, isHttpsSite, isLocalSite, publicUrl } from '~/env.server'
import { mailNotifications } from '~/models/notification-mail.server'
import { askFixedQuestions } from '~/models/fixed-question.server'
import { getSettings } from '~/models/settings.server'
import { purgeOldMail } from '~/models/outbox.server'
import { forgetResolvedFlagNetworks } from '~/models/flag.server'
import { log, loggablePath } from '~/services/log.server'
import { clientKey } from '~/services/client-ip'
import { uploads } from '~/services/upload-routes'
import { warmPasswordCheck } from '~/services/password.server'
import { PAGE_CACHE_HEADER, pageCacheVariantOf } from '~/services/page-cache.server'
import { watchPageCache } from '~/services/page-cache-signal.server'
import { sessionSecrets } from '~/services/session.server'
import type { Runtime, ServerEnv } from '../server/runtime'

/**
 * Purges expired sessions, reset and confirmation tokens, sent mail older than 30 days, and
 * accounts whose e-mail address was never confirmed within 30 days, lets activity older than
 * the trending window drop out of the trending scores, and asks "is it fixed?" about challenges
 * solved long enough ago; a failure is logged, never thrown, and does not stop the next job.
 */
async function housekeeping() {
  const started = Date.now()
  try {
    await purgeExpiredSessions()
    await purgeOldResetTokens()
    await purgeExpiredConfirmationTokens()
    await purgeUnconfirmedAccounts()
    await purgeOldMail()
    await purgeOldDrafts()
    await forgetResolvedFlagNetworks()
  } catch (error) {
    log.error('housekeeping_failed', { error: String(error) })
  }
  try {
    await recomputeTrending(db)
  } catch (error) {
    log.error('trending_recompute_failed', { error: String(error) })
  }
  try {
    // "Is it fixed?": the mail follows from the notifications at the next minute's mail run.
    const { fixedQuestionDays } = await getSettings()
    const asked = await askFixedQuestions({ days: fixedQuestionDays })
    if (asked) log.info('fixed_questions_asked', { challenges: asked })
  } catch (error) {
    log.error('fixed_questions_failed', { error: String(error) })
  }
  log.info('housekeeping_done', { ms: Date.now() - started })
}

const HEALTH_PROBE_EVERY_MS = 1000
const HEALTH_TIMEOUT_MS = 3000
let lastHealth: { at: number; health: Health } | undefined
let runningProbe: Promise<Health> | undefined

/**
 * The database's health for /healthz: one probe a second at most (one page and one sync),
 * however often it is polled, and never two at once; a probe stuck behind a lock answers
 * "degraded" after 3 s. Changes are logged once, not at every poll.
 */
async function checkHealth(): Promise<Health> {
  if (lastHealth && Date.now() - lastHealth.at < HEALTH_PROBE_EVERY_MS) return lastHealth.health
  runningProbe ??= probeDatabase().finally(() => (runningProbe = undefined))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          status: 'degraded',
          reason: `the database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`,
        }),
      HEALTH_TIMEOUT_MS,
    )
  })
  const health = await Promise.race([runningProbe, timeout])
  clearTimeout(timer)
  if (health.status !== (lastHealth?.health.status ?? 'ok')) {
    if (health.status === 'ok') log.info('health_ok', {})
    else log.error(`health_${health.status}`, { reason: health.reason })
  }
  lastHealth = { at: Date.now(), health }
  return health
}

/**
 * Runs `job` every `ms` while `when` says so, never twice at once. `run` starts a run now
 * (unless one is under way) and gives its promise; `stop` stops the timer and waits for a run.
 */
function every(
  ms: number,
  job: () => Promise<unknown>,
  when: () => boolean | Promise<boolean> = () => true,
) {
  let running: Promise<unknown> | undefined
  let stopped = false
  const run = () => {
    running ??= job()
      .catch((error: unknown) => log.error('job_failed', { error: String(error) }))
      .finally(() => (running = undefined))
    return running
  }
  const timer = setInterval(() => {
    if (running) return
    void Promise.resolve(when()).then((yes) => yes && !stopped && run())
  }, ms)
  timer.unref()
  return {
    run,
    /** The run under way, if any. */
    idle: () => running,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

/**
 * What the production server needs from the app, exported through the server build so that
 * the server and the routes share one database connection, one environment and one logger:
 * `server/` imports nothing from `app/` (its contract is server/runtime.ts).
 */
export const runtime = {
  env(): ServerEnv {
    const env = getEnv()
    return {
      nodeEnv: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST,
      publicOrigin: publicUrl().origin,
      publicUrlSet: Boolean(env.PUBLIC_URL),
      https: isHttpsSite(),
      trustProxy: env.TRUST_PROXY,
      workers: env.WEB_CONCURRENCY,
      mapTilesOrigin: env.MAP_TILES_URL ? new URL(env.MAP_TILES_URL).origin : undefined,
      database: dialectOf(env.DATABASE_URL),
    }
  },
  log,
  clientKey,
  loggablePath,
  async prepare(options: { seedDemo?: () => Promise<void> }) {
    // A missing secret stops the start with its message, not the first sign-in; a generated
    // one is made here, before any worker is forked, so they all read the same.
    sessionSecrets()
    await migrate()
    if (options.seedDemo) {
      // The demo logins are public: never seed them into a site others can reach. The seed is
      // not in this build (it would be carried in memory by every production server): the
      // server runs it as a separate process (see server/main.ts).
      if (isLocalSite()) await options.seedDemo()
      else log.warn('demo_seed_skipped', { reason: 'PUBLIC_URL is not a local address' })
    }
  },
  async start(options: { seedDemo?: () => Promise<void>; prepared?: boolean }) {
    if (!options.prepared) await runtime.prepare(options)
    // Outbox delivery runs in every process: each message is claimed before it is sent, and a
    // process that queued a mail starts a delivery at once (see deliverOutbox).
    const delivery = every(5 * 1000, () => deliverOutbox())
    // The scheduled jobs run on one process among those sharing the database: the leader.
    const isLeader = () => leader.confirm()
    const notificationMail = every(
      60 * 1000,
      // Notification mail: at once for those who chose it, digests when their day or week is up.
      () =>
        mailNotifications(publicUrl().origin)
          .then((n) => (n ? deliverOutbox() : 0))
          .catch((error) => log.error('notification_mail_failed', { error: String(error) })),
      isLeader,
    )
    const hourly = every(60 * 60 * 1000, housekeeping, isLeader)
    const leader = leadership({
      name: 'jobs',
      url: directDatabaseUrl(),
      // A new leader runs the jobs at once: it cannot know when the last one did.
      onAcquired: () => {
        void hourly.run().then(() => notificationMail.run())
      },
    })
    await leader.start()
    // A lone process leads from its first try and has run housekeeping before it serves.
    await hourly.idle()
    await warmPasswordCheck()
    /**
     * Stops the jobs and waits for a run under way, so the database can close after it; then
     * lets go of leadership, so another process takes the jobs over at its next try.
     */
    return async () => {
      await Promise.all([delivery, notificationMail, hourly].map((job) => job.stop()))
      await leader.stop()
    }
  },
  /** Whether the database reads and writes (see checkHealth). */
  health: checkHealth,
  deliverOutbox,
  /**
   * Checkpoints the WAL into the database file and closes every connection. The checkpoint
   * waits for a transaction under way (it queues behind Kysely's connection mutex) but not
   * forever: the connections close regardless, and SQLite rolls back what was not committed.
   */
  async close() {
    if (dialect() === 'postgres') {
      // Kysely ends the pool once the queries under way have finished.
      await closeDatabase()
      log.info('database_closed', {})
      return
    }
    let timer: NodeJS.Timeout | undefined
    // busy = 1: another connection (a backup, a CLI) kept the WAL from being emptied.
    const checkpoint = sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`
      .execute(db)
      .then(({ rows }) => (rows[0]?.busy ? 'busy' : 'done'))
      .catch((error: unknown) => String(error))
    const waited = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 3000)
    })
    const result = await Promise.race([checkpoint, waited])
    clearTimeout(timer)
    await closeDatabase()
    log.info('database_closed', { checkpoint: result })
  },
  uploads,
  pageCache: { header: PAGE_CACHE_HEADER, variant: pageCacheVariantOf, watch: watchPageCache },
} satisfies Runtime
