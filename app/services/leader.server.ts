import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { leaderLock, type LeaderLock } from '~/models/leader-lock.server'
import { log } from '~/services/log.server'

/** How often a process tries to become leader, and the leader confirms it still is. */
export const LEADER_TRY_EVERY_MS = 2_000
/**
 * SQLite: a lease not renewed for this long lapses (a killed leader is replaced within this
 * plus one try). PostgreSQL: the lock's queries give up after this long.
 */
export const LEADER_LEASE_MS = 6_000

export interface Leadership {
  /** This process's name in the lease and the log. */
  readonly holder: string
  /**
   * Whether this process leads now: it held the lock at a try less than a lease ago. A job
   * asks before each run; a process that lost the lock stops running jobs at their next run.
   */
  isLeader(): boolean
  /**
   * Asks the lock now (one small query) and says whether this process leads: for a job about to
   * run, so a leader whose session ended since its last try does not run it beside the new one.
   */
  confirm(): Promise<boolean>
  /** The first try: awaited at start, so a lone process leads from its first moment. */
  start(): Promise<void>
  /** Stops trying and lets go of the lock, so another process takes over at its next try. */
  stop(): Promise<void>
}

export interface LeadershipOptions {
  /** One leader per name. */
  name: string
  /** The database's URL; PostgreSQL: the one for the lock's own session (directDatabaseUrl). */
  url: string
  tryEveryMs?: number
  leaseMs?: number
  /** Called when this process becomes leader (a new leader catches up on the jobs). */
  onAcquired?: () => void
}

/**
 * Elects one process among those sharing a database to run the scheduled jobs: each tries the
 * lock every `tryEveryMs`; whoever holds it leads until it stops renewing it (it stopped, died
 * or lost the database). Logs `leader_acquired` and `leader_lost` (with the reason).
 */
export function leadership(options: LeadershipOptions): Leadership {
  const tryEveryMs = options.tryEveryMs ?? LEADER_TRY_EVERY_MS
  const leaseMs = options.leaseMs ?? LEADER_LEASE_MS
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const lock: LeaderLock = leaderLock({
    url: options.url,
    name: options.name,
    holder,
    leaseMs,
  })
  let leading = false
  let confirmedAt = 0
  let lastFailure: string | undefined
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let trying: Promise<void> | undefined

  const lose = (reason: string) => {
    if (!leading) return
    leading = false
    log.warn('leader_lost', { name: options.name, holder, reason })
  }

  const attempt = async () => {
    const startedAt = Date.now()
    let held: boolean
    try {
      held = await lock.hold()
      lastFailure = undefined
    } catch (error) {
      // A database that is away: say so once, not at every try.
      const failure = String(error)
      if (failure !== lastFailure) log.warn('leader_try_failed', { name: options.name, failure })
      lastFailure = failure
      lose(failure)
      return
    }
    if (stopped) return
    if (!held) return lose('another process holds the lock')
    confirmedAt = startedAt
    if (leading) return
    leading = true
    log.info('leader_acquired', { name: options.name, holder })
    options.onAcquired?.()
  }

  const tick = async () => {
    trying = attempt()
    await trying
    trying = undefined
    if (!stopped) {
      timer = setTimeout(() => void tick(), tryEveryMs)
      timer.unref()
    }
  }

  const isLeader = () => {
    if (leading && Date.now() - confirmedAt >= leaseMs) lose('the lock was not confirmed in time')
    return leading
  }

  return {
    holder,
    isLeader,
    async confirm() {
      if (!isLeader() || stopped) return false
      await attempt()
      return isLeader()
    },
    start: tick,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await trying
      if (leading) {
        leading = false
        log.info('leader_released', { name: options.name, holder })
      }
      await lock.release()
    },
  }
}
