import { createHmac, timingSafeEqual } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { isHttpsSite } from '~/env.server'
import { getDeviceBinding } from '~/models/user.server'
import { newSecretToken } from '~/services/secret-token.server'
import { sessionSecrets } from '~/services/session.server'

/**
 * "This browser has signed in to this account before" (issue 10, item 4): a signed cookie
 * listing the accounts that signed in here, each with a random code. A browser the account
 * knows keeps its own lane when someone else guesses the password from elsewhere (OWASP,
 * "Slow down online guessing attacks with device cookies"): the owner's laptop is neither
 * refused nor sent a mail while the account is under attack. The cookie grants nothing by
 * itself: the password is still needed. It is set when a sign-in succeeds and kept for a year;
 * signing out leaves it (it describes the browser, not a session).
 *
 * Revocable without a table (issue 10, review of item 4): each entry carries its issue date
 * and a seal, an HMAC over the entry and the account's binding (getDeviceBinding: the password
 * hash and the newest "sign out everywhere"). Someone who once knew the password and collected
 * device cookies loses them when the owner changes or resets the password or signs out
 * everywhere; an entry older than a year is refused whatever the browser kept.
 */
const MAX_ACCOUNTS = 5
const YEAR_S = 365 * 24 * 60 * 60
/** Clocks of several servers may differ a little; an entry from further ahead is forged. */
const SKEW_S = 5 * 60

interface Entry {
  /** user id */
  u: number
  /** random code: the key of this browser's own lane for that account */
  n: string
  /** issued at, seconds since the epoch */
  t: number
  /** seal: HMAC of u, n, t and the account's binding */
  s: string
}

// Read once: with an in-memory database every call would make up a new secret.
let secretList: string[] | undefined
const secrets = () => (secretList ??= sessionSecrets())

let cookie: ReturnType<typeof createCookie> | undefined
function deviceCookie() {
  const secure = isHttpsSite()
  cookie ??= createCookie(secure ? '__Host-utmana_device' : 'utmana_device', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    secrets: secrets(),
    maxAge: YEAR_S,
  })
  return cookie
}

const nowS = () => Math.floor(Date.now() / 1000)

function seal(secret: string, entry: Pick<Entry, 'u' | 'n' | 't'>, binding: string): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify(['utmana-device', entry.u, entry.n, entry.t, binding]))
    .digest('base64url')
    .slice(0, 32)
}

function isValid(entry: Entry, binding: string): boolean {
  const age = nowS() - entry.t
  if (age > YEAR_S || age < -SKEW_S) return false
  const given = Buffer.from(entry.s)
  // Every secret: a rotated one keeps its browsers until their cookie is renewed.
  return secrets().some((secret) => {
    const expected = Buffer.from(seal(secret, entry, binding))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}

async function entries(request: Request): Promise<Entry[]> {
  const value: unknown = await deviceCookie().parse(request.headers.get('Cookie'))
  if (!Array.isArray(value)) return []
  // Entries from before the seal (no t, no s) are dropped: that browser signs in once more.
  return value.filter(
    (e): e is Entry =>
      typeof e === 'object' &&
      e !== null &&
      Number.isSafeInteger((e as Entry).u) &&
      typeof (e as Entry).n === 'string' &&
      Number.isSafeInteger((e as Entry).t) &&
      typeof (e as Entry).s === 'string',
  )
}

/**
 * This browser's code for the account, when it signed in to it less than a year ago and the
 * account has not since changed its password or signed out everywhere; else null.
 */
export async function knownDevice(request: Request, userId: number): Promise<string | null> {
  const entry = (await entries(request)).find((e) => e.u === userId)
  if (!entry) return null
  const binding = await getDeviceBinding(userId)
  return binding !== null && isValid(entry, binding) ? entry.n : null
}

/**
 * The Set-Cookie that remembers this browser for the account (the newest five accounts),
 * sealed to the account's current binding and dated now.
 */
export async function rememberDevice(request: Request, userId: number): Promise<string> {
  const list = await entries(request)
  const old = list.find((e) => e.u === userId)
  const binding = (await getDeviceBinding(userId)) ?? ''
  // A revoked or expired code is not reused: its lane may hold someone else's failures.
  const n = old && isValid(old, binding) ? old.n : newSecretToken().slice(0, 22)
  const t = nowS()
  const own: Entry = { u: userId, n, t, s: seal(secrets()[0]!, { u: userId, n, t }, binding) }
  const next = [own, ...list.filter((e) => e.u !== userId)].slice(0, MAX_ACCOUNTS)
  return deviceCookie().serialize(next)
}
