import { json } from '@remix-run/node'
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible'
import { sqlite } from '~/db.server'
import { log } from '~/services/log.server'

interface Rule {
  points: number
  /** seconds */
  duration: number
}

/**
 * Every limit in one place. `login*` count failed attempts only; the others count every try.
 * A stolen-password spray hits the per-IP rule; a guess at one account hits the per-account rule.
 */
export const RATE_LIMITS = {
  loginIp: { points: 50, duration: 15 * 60 },
  loginAccount: { points: 10, duration: 15 * 60 },
  registerIp: { points: 10, duration: 60 * 60 },
  registerAccount: { points: 3, duration: 60 * 60 },
  resetIp: { points: 10, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
} satisfies Record<string, Rule>

export type LimitName = keyof typeof RATE_LIMITS

const limiters = new Map<LimitName, Promise<RateLimiterSQLite>>()

function limiter(name: LimitName): Promise<RateLimiterSQLite> {
  let existing = limiters.get(name)
  if (!existing) {
    existing = new Promise((resolve, reject) => {
      const created: RateLimiterSQLite = new RateLimiterSQLite(
        {
          storeClient: sqlite(),
          storeType: 'better-sqlite3',
          tableName: 'rate_limits',
          keyPrefix: name,
          ...RATE_LIMITS[name],
        },
        (error?: unknown) => (error ? reject(error) : resolve(created)),
      )
    })
    limiters.set(name, existing)
  }
  return existing
}

/** Forget the limiter objects (tests reopen the database between files). */
export function resetRateLimiters() {
  limiters.clear()
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

/** Throws RateLimited if the key has already used all its points, without counting this one. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const res = await (await limiter(name)).get(key)
  if (res && res.consumedPoints >= RATE_LIMITS[name].points) {
    throw new RateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)))
  }
}

export async function forget(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key)
}

/** The 429 answer: a readable page (the error boundary) with Retry-After. */
export function tooManyRequests(error: RateLimited, context: Record<string, unknown> = {}) {
  log.warn('rate_limited', { ...context, retryAfter: error.retryAfterSeconds })
  return json(
    { retryAfter: error.retryAfterSeconds },
    { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
  )
}

/** Run `fn`; a RateLimited inside becomes a thrown 429 response. */
export async function withRateLimits<T>(
  context: Record<string, unknown>,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof RateLimited) throw tooManyRequests(error, context)
    throw error
  }
}
