import { json } from '@remix-run/node'
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import { dialect, severalProcesses, sideConnection, sidePool } from '~/db.server'
import { getSettings } from '~/models/settings.server'
import { clientKey, networkKey } from '~/services/client-ip'
import { networkTag } from '~/services/network-tag.server'
import { getLocale, getTranslator } from '~/services/i18n.server'
import { log } from '~/services/log.server'

interface Rule {
  points: number
  /** seconds */
  duration: number
  /**
   * 'memory' for limits that only pace a busy user (votes): counted in this process, no write
   * per request, when it is the only one serving the site (one SQLite process); with several
   * (WEB_CONCURRENCY, PostgreSQL) they are counted in the database like the others, or each
   * process would allow the whole number. Everything that guards accounts is stored in the
   * database and survives restarts.
   */
  store?: 'memory'
}

/**
 * Every limit in one place. Attempts are counted before the work is done (so parallel requests
 * cannot slip past) and a successful login gives its points back.
 *
 * Signing in (issue 10, item 4): a stranger must not be able to lock anyone out, so nothing
 * counted across addresses ever refuses the right password.
 * - loginIp: one address guessing any accounts; loginAccountIp: one address guessing one
 *   account (the 11th try is a 429). Both are the attacker's own lanes.
 * - loginDevice: a browser that has signed in to the account before (device cookie, see
 *   device.server.ts) has a lane of its own, so neither lane above, nor the link lane below,
 *   slows the owner's own laptop or phone.
 * - loginAccount is not a limit but an alarm: failures for one account from every address.
 *   Past its points in its window the account is "under attack": a sign-in from a browser it
 *   does not know, right password or not, gets the same answer, "if it was right, we have
 *   mailed you a link", and only the right password mails one (signInLink paces the mails).
 *   The guesser learns nothing from then on; the owner signs in from the mail. One address
 *   alone cannot raise it: its own lane stops it at 10 per 15 minutes, at most 50 in an hour.
 *
 * Signing up (issue 10, item 12): the per-address numbers are admin settings (SIGNUP_LIMITS).
 */
export const RATE_LIMITS = {
  loginIp: { points: 50, duration: 15 * 60 },
  loginAccountIp: { points: 10, duration: 15 * 60 },
  loginDevice: { points: 10, duration: 15 * 60 },
  loginAccount: { points: 60, duration: 60 * 60 },
  signInLink: { points: 3, duration: 60 * 60 },
  // Past its own lanes an address still has its passwords checked, so the right one can mail a
  // sign-in link to someone sharing the address with a guesser; this bounds the hashing.
  loginHashIp: { points: 200, duration: 15 * 60 },
  // Re-entering the password on a signed-in page (deleting the account): per person.
  reauth: { points: 10, duration: 60 * 60 },
  registerAccount: { points: 3, duration: 60 * 60 },
  // A reset request costs no hashing and tells nothing; per address the lane only stops one
  // address mailing many mailboxes, so a room of 30 where some forgot their password gets in.
  resetIp: { points: 30, duration: 60 * 60 },
  resetAccount: { points: 3, duration: 60 * 60 },
  // Per signed-in user: posting challenges, solutions and pledges; comments; votes; flags.
  post: { points: 20, duration: 60 * 60 },
  // Each photo is decoded and encoded six times: a person posts a few dozen in an hour.
  photo: { points: 60, duration: 60 * 60 },
  comment: { points: 30, duration: 10 * 60 },
  vote: { points: 300, duration: 10 * 60, store: 'memory' },
  flag: { points: 30, duration: 60 * 60 },
  // Whole-board files (open data, report exports) scan every row: a person needs a few a day.
  download: { points: 30, duration: 60 * 60 },
} satisfies Record<string, Rule>

/**
 * Sign-ups, counted over 24 hours, with the number of points from the admin settings (so an
 * operator can open the doors wider for an event without a restart):
 * - signupAddress: sign-ups from one address not yet confirmed (`signupsPendingPerAddress`);
 *   confirming gives the place back, so a room whose people confirm can go on signing up;
 * - signupNetwork: the same over the address's network, IPv4 /24 or IPv6 /48
 *   (`signupsPendingPerNetwork`), so a script cannot simply walk through neighbouring addresses;
 * - signupAddressDay: every sign-up from one address, confirmed or not
 *   (`signupsPerAddressPerDay`), the ceiling for a script that can confirm its own addresses.
 * Keys are keyed hashes (network-tag.server.ts), so the limiter's table holds no addresses.
 */
export const SIGNUP_LIMITS = {
  signupAddress: { setting: 'signupsPendingPerAddress', duration: 24 * 60 * 60 },
  signupNetwork: { setting: 'signupsPendingPerNetwork', duration: 24 * 60 * 60 },
  signupAddressDay: { setting: 'signupsPerAddressPerDay', duration: 24 * 60 * 60 },
} as const

export type LimitName = keyof typeof RATE_LIMITS
export type SignupLimitName = keyof typeof SIGNUP_LIMITS
type AnyLimit = LimitName | SignupLimitName

const limiters = new Map<string, Promise<RateLimiterAbstract>>()

/**
 * The limiter for a rule. One object per name and size: after an admin changes a sign-up
 * number, the next request gets a limiter with the new size over the same stored counts.
 */
function limiter(name: AnyLimit, rule: Rule): Promise<RateLimiterAbstract> {
  const id = `${name}:${rule.points}:${rule.duration}`
  let existing = limiters.get(id)
  if (!existing && rule.store === 'memory' && !severalProcesses()) {
    existing = Promise.resolve(
      new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.duration }),
    )
    limiters.set(id, existing)
  }
  if (!existing) {
    existing = new Promise((resolve, reject) => {
      const done = (error?: unknown) => (error ? reject(error) : resolve(created))
      const options = {
        tableName: 'rate_limits',
        keyPrefix: name,
        points: rule.points,
        duration: rule.duration,
      }
      // Counts live in the database, so every app process sees the same ones.
      const created: RateLimiterAbstract =
        dialect() === 'postgres'
          ? new RateLimiterPostgres({ ...options, storeClient: sidePool() }, done)
          : new RateLimiterSQLite(
              { ...options, storeClient: sideConnection(), storeType: 'better-sqlite3' },
              done,
            )
    })
    // A limiter whose table could not be made (a read-only or unreachable database) is not
    // kept: the next request tries again instead of failing until the process restarts.
    const attempt = existing
    attempt.catch(() => {
      if (limiters.get(id) === attempt) limiters.delete(id)
    })
    limiters.set(id, existing)
  }
  return existing
}

async function ruleFor(name: AnyLimit): Promise<Rule> {
  if (name in RATE_LIMITS) return RATE_LIMITS[name as LimitName]
  const signup = SIGNUP_LIMITS[name as SignupLimitName]
  const settings = await getSettings()
  return { points: settings[signup.setting], duration: signup.duration }
}

const limiterFor = async (name: AnyLimit) => limiter(name, await ruleFor(name))

export class RateLimited extends Error {
  constructor(public retryAfterSeconds: number) {
    super('rate limited')
  }
}

/** Count one attempt; throws RateLimited when this key is over its limit. */
export async function consume(name: AnyLimit, key: string): Promise<void> {
  try {
    await (await limiterFor(name)).consume(key)
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
    }
    throw error
  }
}

/**
 * Count one attempt on each lane, in order, or none: when a lane refuses, the points already
 * taken (its own included) are given back, so a refused attempt does not count against the
 * room it came from, and a confirmation later frees a place that was really taken.
 */
export async function consumeAll(lanes: [AnyLimit, string][]): Promise<void> {
  const taken: [AnyLimit, string][] = []
  for (const [name, key] of lanes) {
    try {
      await consume(name, key)
      taken.push([name, key])
    } catch (error) {
      if (error instanceof RateLimited) {
        await Promise.all([...taken, [name, key] as const].map(([n, k]) => giveBack(n, k)))
      }
      throw error
    }
  }
}

/** Count one without refusing: for counters that raise an alarm rather than close a door. */
export async function count(name: AnyLimit, key: string): Promise<void> {
  try {
    await (await limiterFor(name)).consume(key)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
  }
}

/** Whether this key has used all its points in the current window. */
export async function isOver(name: AnyLimit, key: string): Promise<boolean> {
  const rule = await ruleFor(name)
  const res = await (await limiter(name, rule)).get(key)
  return res !== null && res.consumedPoints >= rule.points
}

/** Give back one point: the attempt turned out to be legitimate. */
export async function reward(name: AnyLimit, key: string): Promise<void> {
  await (await limiterFor(name)).reward(key, 1)
}

/**
 * Give back one point if one is counted: never below zero, and never for a window that has
 * ended (a reward there would open a new window with a credit in it).
 */
export async function giveBack(name: AnyLimit, key: string): Promise<void> {
  const store = await limiterFor(name)
  const res = await store.get(key)
  if (res && res.consumedPoints > 0) await store.reward(key, 1)
}

export async function forget(name: AnyLimit, key: string): Promise<void> {
  await (await limiterFor(name)).delete(key)
}

/** Where a sign-up comes from, as the sign-up lanes key it: keyed hashes of address and network. */
export function signupOrigin(ip: string | undefined): { address: string; network: string } {
  return {
    address: networkTag('signup-address', clientKey(ip)),
    network: networkTag('signup-network', networkKey(ip)),
  }
}

/** Counts a sign-up on every sign-up lane (and the address's own per-hour lane), or refuses it. */
export async function consumeSignup(
  origin: { address: string; network: string },
  email: string,
): Promise<void> {
  await consumeAll([
    ['registerAccount', email],
    ['signupAddressDay', origin.address],
    ['signupAddress', origin.address],
    ['signupNetwork', origin.network],
  ])
}

/** A confirmed sign-up gives its place back to the address and network it came from. */
export async function freeSignupPlace(origin: { address: string; network: string }) {
  await Promise.all([
    giveBack('signupAddress', origin.address),
    giveBack('signupNetwork', origin.network),
  ])
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
