import { json } from '@remix-run/node'
import {
  RateLimiterMemory,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import { sideConnection } from '~/db.server'
import { getLocale, getTranslator } from '~/services/i18n.server'
import { log } from '~/services/log.server'

interface Rule {
  points: number
  /** seconds */
  duration: number
  /**
   * 'memory' for limits that only pace a busy user (votes): counted per process, no write per
   * request. Everything that guards accounts is stored in SQLite and survives restarts.
   */
  store?: 'memory'
}

/**
 * Every limit in one place. Attempts are counted before the work is done (so parallel requests
 * cannot slip past) and a successful login gives its points back.
 * - loginAccountIp: guessing one account's password from one address; the 11th try is a 429.
 * - loginAccount: a looser ceiling across all addresses, high enough that a stranger cannot
 *   cheaply lock the owner out.
 */
export const RATE_LIMITS = {
  loginIp: { points: 50, duration: 15 * 60 },
  loginAccountIp: { points: 10, duration: 15 * 60 },
  loginAccount: { points: 100, duration: 60 * 60 },
  registerIp: { points: 10, duration: 60 * 60 },
  registerAccount: { points: 3, duration: 60 * 60 },
  resetIp: { points: 10, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
  // Per signed-in user: posting challenges, solutions and pledges; comments; votes; flags.
  post: { points: 20, duration: 60 * 60 },
  comment: { points: 30, duration: 10 * 60 },
  vote: { points: 300, duration: 10 * 60, store: 'memory' },
  flag: { points: 30, duration: 60 * 60 },
  // Whole-board files (open data, report exports) scan every row: a person needs a few a day.
  download: { points: 30, duration: 60 * 60 },
} satisfies Record<string, Rule>

export type LimitName = keyof typeof RATE_LIMITS

const limiters = new Map<LimitName, Promise<RateLimiterAbstract>>()

function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  let existing = limiters.get(name)
  const rule: Rule = RATE_LIMITS[name]
  if (!existing && rule.store === 'memory') {
    existing = Promise.resolve(
      new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.duration }),
    )
    limiters.set(name, existing)
  }
  if (!existing) {
    existing = new Promise((resolve, reject) => {
      const created: RateLimiterSQLite = new RateLimiterSQLite(
        {
          storeClient: sideConnection(),
          storeType: 'better-sqlite3',
          tableName: 'rate_limits',
          keyPrefix: name,
          points: rule.points,
          duration: rule.duration,
        },
        (error?: unknown) => (error ? reject(error) : resolve(created)),
      )
    })
    limiters.set(name, existing)
  }
  return existing
}

export class RateLimited extends Error {
  constructor(public retryAfterSeconds: number) {
    super('rate limited')
  }
}

/** Count one attempt; throws RateLimited when this key is over its limit. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key)
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
    }
    throw error
  }
}

/** Give back one point: the attempt turned out to be legitimate. */
export async function reward(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).reward(key, 1)
}

export async function forget(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key)
}

/** Run `fn`; a RateLimited inside becomes a thrown 429 response (a readable page). */
export async function withRateLimits<T>(
  context: Record<string, unknown>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error
    log.warn('rate_limited', { ...context, retryAfter: error.retryAfterSeconds })
    throw json(
      { retryAfter: error.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
    )
  }
}

/**
 * For file downloads, whose links have no page to show an error on: counts one download (a
 * HEAD request, which asks about the file without taking it, is free) and answers a plain-text
 * 429 in the reader's language with Retry-After (and the route's own headers, e.g. CORS) when
 * the key is over the limit, or null when the download may go ahead.
 */
export async function refuseDownload(
  request: Request,
  key: string,
  headers: Record<string, string> = {},
): Promise<Response | null> {
  if (request.method === 'HEAD') return null
  try {
    await consume('download', key)
    return null
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error
    const seconds = error.retryAfterSeconds
    log.warn('rate_limited', { limit: 'download', retryAfter: seconds })
    const { t } = getTranslator(await getLocale(request))
    return new Response(
      `${t('errorPage.429.title')}. ${t('errorPage.retryAfter', { count: seconds })}\n`,
      {
        status: 429,
        headers: {
          ...headers,
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
          'Retry-After': String(seconds),
        },
      },
    )
  }
}
