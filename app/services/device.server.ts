import { createCookie } from '@remix-run/node'
import { isHttpsSite } from '~/env.server'
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
 */
const MAX_ACCOUNTS = 5
const YEAR_S = 365 * 24 * 60 * 60

interface Entry {
  /** user id */
  u: number
  /** random code: the key of this browser's own lane for that account */
  n: string
}

let cookie: ReturnType<typeof createCookie> | undefined
function deviceCookie() {
  const secure = isHttpsSite()
  cookie ??= createCookie(secure ? '__Host-utmana_device' : 'utmana_device', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    secrets: sessionSecrets(),
    maxAge: YEAR_S,
  })
  return cookie
}

async function entries(request: Request): Promise<Entry[]> {
  const value: unknown = await deviceCookie().parse(request.headers.get('Cookie'))
  if (!Array.isArray(value)) return []
  return value.filter(
    (e): e is Entry =>
      typeof e === 'object' &&
      e !== null &&
      Number.isSafeInteger((e as Entry).u) &&
      typeof (e as Entry).n === 'string',
  )
}

/** This browser's code for the account, when it has signed in to it before; else null. */
export async function knownDevice(request: Request, userId: number): Promise<string | null> {
  return (await entries(request)).find((e) => e.u === userId)?.n ?? null
}

/** The Set-Cookie that remembers this browser for the account (the newest five accounts). */
export async function rememberDevice(request: Request, userId: number): Promise<string> {
  const list = await entries(request)
  const own = list.find((e) => e.u === userId) ?? { u: userId, n: newSecretToken().slice(0, 22) }
  const next = [own, ...list.filter((e) => e.u !== userId)].slice(0, MAX_ACCOUNTS)
  return deviceCookie().serialize(next)
}
