import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  createCookie,
  createSessionStorage,
  redirect,
  type Cookie,
  type Session,
} from '@remix-run/node'
import { getEnv, isHttpsSite, isLocalSite } from '~/env.server'
import { rememberingParses } from '~/services/cookie-parses.server'
import { sqlitePathFromUrl } from '#db/connection'
import { dialectOf } from '#db/dialect'
import {
  deleteSession,
  insertSession,
  readSession,
  SESSION_ABSOLUTE_MS,
  updateSession,
} from '~/models/session.server'
import { getSessionUserById, type SessionUser } from '~/models/user.server'
import { log, loggablePath } from '~/services/log.server'
import { mayAdminister, mayModerate } from '~/utils/policy'

let generatedForPostgres: string | undefined

/**
 * SESSION_SECRET is required for a site others can reach, and on PostgreSQL in production
 * (several app servers share the database but no file, and each must accept the others'
 * cookies). For a local demo or development we generate one and keep it beside the SQLite
 * file, so sessions survive a restart; with WEB_CONCURRENCY the primary process makes it
 * before forking (runtime.prepare), so every worker reads the same one.
 */
export function sessionSecrets(): string[] {
  const env = getEnv()
  if (env.SESSION_SECRET) return env.SESSION_SECRET.split(',').map((s) => s.trim())
  if (dialectOf(env.DATABASE_URL) === 'postgres') {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'SESSION_SECRET is required on PostgreSQL in production: every app server must sign ' +
          'cookies with the same secret, and there is no shared file to keep a generated one ' +
          'in. Set the same value on every server (openssl rand -hex 32).',
      )
    }
    // Development on PostgreSQL: one for this process, put in its environment so that the
    // workers it forks (WEB_CONCURRENCY) inherit it; sessions end at a restart.
    if (!generatedForPostgres) {
      generatedForPostgres = randomBytes(32).toString('hex')
      process.env.SESSION_SECRET = generatedForPostgres
      log.warn('session_secret_generated', {
        hint: 'set SESSION_SECRET; sessions end at a restart',
      })
    }
    return [generatedForPostgres]
  }
  if (env.NODE_ENV === 'production' && !isLocalSite()) {
    throw new Error('SESSION_SECRET is required in production')
  }
  const dbFile = sqlitePathFromUrl(env.DATABASE_URL)
  if (dbFile === ':memory:') return [randomBytes(32).toString('hex')]
  const file = path.join(path.dirname(dbFile), '.session-secret')
  if (!fs.existsSync(file)) {
    // Write it whole under another name and link it into place: two processes starting at once
    // on one file both end up reading the first one linked, never a half-written one.
    const own = `${file}.${process.pid}`
    fs.writeFileSync(own, randomBytes(32).toString('hex'), { mode: 0o600 })
    try {
      fs.linkSync(own, file)
      log.warn('session_secret_generated', { file, hint: 'set SESSION_SECRET in production' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(own, { force: true })
    }
  }
  return [fs.readFileSync(file, 'utf8').trim()]
}

let storage: ReturnType<typeof createStorage> | undefined
let cookie: Cookie | undefined

/** The session cookie: `__Host-` and Secure on an HTTPS site. The only place it is named. */
function sessionCookie(): Cookie {
  const secure = isHttpsSite()
  cookie ??= rememberingParses(
    createCookie(secure ? '__Host-utmana_session' : 'utmana_session', {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      secrets: sessionSecrets(),
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    }),
  )
  return cookie
}

function createStorage() {
  return createSessionStorage({
    cookie: sessionCookie(),
    createData: (data) => insertSession(data),
    readData: (id) => readSession(id),
    updateData: (id, data) => updateSession(id, data),
    deleteData: (id) => deleteSession(id),
  })
}

function sessionStorage() {
  storage ??= createStorage()
  return storage
}

export async function getSession(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

export const commitSession = (session: Session) => sessionStorage().commitSession(session)
export const destroySession = (session: Session) => sessionStorage().destroySession(session)

/**
 * A brand-new session for a user who just proved who they are: the old id (if any) is
 * destroyed, so an id planted before sign-in is worthless afterwards.
 */
export async function startUserSession(request: Request, userId: number, redirectTo: string) {
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await newUserSessionCookie(request, userId) },
  })
}

/** As startUserSession, for a page that answers itself: the Set-Cookie of the new session. */
export async function newUserSessionCookie(request: Request, userId: number): Promise<string> {
  const old = await getSession(request)
  if (old.id) await deleteSession(old.id)
  const session = await sessionStorage().getSession()
  session.set('userId', userId)
  return commitSession(session)
}

export async function getUserId(request: Request): Promise<number | null> {
  const session = await getSession(request)
  const userId = session.get('userId')
  return typeof userId === 'number' ? userId : null
}

// The root loader and the page's loader both ask who is signed in; one look-up per request.
const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, or null. A banned or deleted user counts as signed out. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersByRequest.get(request)
  if (!user) {
    user = getUserId(request).then(async (userId) =>
      userId === null ? null : ((await getSessionUserById(userId)) ?? null),
    )
    usersByRequest.set(request, user)
  }
  return user
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  const back = url.pathname + url.search
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

/**
 * Whether the request carries a session id, read exactly as the session storage reads it
 * (Remix's cookie parser, signature checked): the page cache and the app must agree on who is
 * anonymous, and a hand-written test of the raw header did not (`utmana_session =…`).
 */
export async function hasSessionCookie(request: Request): Promise<boolean> {
  return Boolean(await sessionIdOf(request))
}

/** The session id the request's cookie carries (signature checked), or null. */
export async function sessionIdOf(request: Request): Promise<string | null> {
  const id: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof id === 'string' && id !== '' ? id : null
}

/** A 403 for a signed-in user who went where their role does not reach; logged for review. */
function denied(request: Request, user: SessionUser) {
  log.warn('access_denied', {
    userId: user.id,
    role: user.role,
    method: request.method,
    path: loggablePath(new URL(request.url).pathname),
  })
  return new Response('Forbidden', { status: 403 })
}

/** A moderator or admin, or a 403 (401-style redirect to login for visitors). */
export async function requireModerator(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!mayModerate(user)) throw denied(request, user)
  return user
}

/** An admin, or a 403. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!mayAdminister(user)) throw denied(request, user)
  return user
}
