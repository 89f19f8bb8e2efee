import { hashSecretToken, newSecretToken } from '~/services/secret-token.server'
import { db } from '~/db.server'
import type { Executor } from '~/db.server'
import { isBanned } from '~/utils/policy'

/** Sign-in sessions end after this much inactivity… */
export const SESSION_IDLE_MS = 1000 * 60 * 60 * 24 * 14
/** …and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 1000 * 60 * 60 * 24 * 30
/** last_seen_at is written at most this often, so reading a page is not a write. */
const TOUCH_INTERVAL_MS = 1000 * 60

export const newSessionId = newSecretToken
export const hashSessionId = hashSecretToken

export async function insertSession(data: Record<string, unknown>, now = new Date()) {
  const id = newSessionId()
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSessionId(id),
      user_id: typeof data.userId === 'number' ? data.userId : null,
      data: JSON.stringify(data),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    })
    .execute()
  return id
}

/** The session's data, or null when it is unknown, idle too long or past its absolute end. */
export async function readSession(id: string, now = new Date()) {
  const idHash = hashSessionId(id)
  const row = await db
    .selectFrom('sessions')
    .select(['data', 'last_seen_at', 'expires_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row) return null
  const idleSince = now.getTime() - Date.parse(row.last_seen_at)
  if (Date.parse(row.expires_at) <= now.getTime() || idleSince > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
    return null
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute()
  }
  return JSON.parse(row.data) as Record<string, unknown>
}

/**
 * Until when, as things stand in the database, this session stays signed in to a user who is
 * not banned: the end of its idle or absolute life, whichever comes first. Null when it is
 * unknown, over, anonymous, or its user is missing or banned now. Read-only (unlike
 * readSession, it never touches last_seen_at), so asking costs no write.
 */
export async function sessionSignedInUntil(id: string, now = new Date()): Promise<number | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.last_seen_at', 'sessions.expires_at', 'users.banned_until'])
    .where('sessions.id_hash', '=', hashSessionId(id))
    .executeTakeFirst()
  if (!row) return null
  if (isBanned(row.banned_until, now)) return null
  const until = Math.min(Date.parse(row.expires_at), Date.parse(row.last_seen_at) + SESSION_IDLE_MS)
  return until > now.getTime() ? until : null
}

export async function updateSession(id: string, data: Record<string, unknown>) {
  await db
    .updateTable('sessions')
    .set({
      data: JSON.stringify(data),
      user_id: typeof data.userId === 'number' ? data.userId : null,
    })
    .where('id_hash', '=', hashSessionId(id))
    .execute()
}

export async function deleteSession(id: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute()
}

/** Ends every session of a user: "log out everywhere", a password change, a ban. */
export async function deleteUserSessions(executor: Executor, userId: number) {
  const result = await executor
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Live sessions only: expired rows wait for the hourly purge but no longer count. */
export async function countUserSessions(userId: number, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>=', new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function purgeExpiredSessions(now = new Date()) {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS).toISOString()
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleCutoff)]),
    )
    .execute()
}
