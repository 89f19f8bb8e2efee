import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import {
  hashSessionId,
  insertSession,
  purgeExpiredSessions,
  readSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from '~/models/session.server'
import { createUser } from '../factories'

describe('database sessions', () => {
  it('stores only a hash of the 256-bit id', async () => {
    const user = await createUser()
    const id = await insertSession({ userId: user.id })
    expect(Buffer.from(id, 'base64url')).toHaveLength(32)
    const rows = await db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute()
    expect(rows.map((r) => r.id_hash)).toEqual([hashSessionId(id)])
    expect(rows[0]!.id_hash).not.toBe(id)
  })

  it('ends a session after the idle timeout', async () => {
    const user = await createUser()
    const start = new Date('2026-01-01T10:00:00Z')
    const id = await insertSession({ userId: user.id }, start)
    expect(await readSession(id, new Date(start.getTime() + SESSION_IDLE_MS - 60_000))).toEqual({
      userId: user.id,
    })
    // Reading refreshed last_seen_at, so the idle clock restarted.
    const refreshed = new Date(start.getTime() + SESSION_IDLE_MS - 60_000)
    expect(
      await readSession(id, new Date(refreshed.getTime() + SESSION_IDLE_MS - 60_000)),
    ).not.toBeNull()
    expect(
      await readSession(id, new Date(refreshed.getTime() + 2 * SESSION_IDLE_MS + 60_000)),
    ).toBeNull()
    expect(
      await db
        .selectFrom('sessions')
        .select('id_hash')
        .where('id_hash', '=', hashSessionId(id))
        .execute(),
    ).toEqual([])
  })

  it('ends an active session at the absolute timeout', async () => {
    const user = await createUser()
    const start = new Date('2026-02-01T10:00:00Z')
    const id = await insertSession({ userId: user.id }, start)
    let now = start.getTime()
    while (now + SESSION_IDLE_MS / 2 < start.getTime() + SESSION_ABSOLUTE_MS) {
      now += SESSION_IDLE_MS / 2
      if (now < start.getTime() + SESSION_ABSOLUTE_MS)
        expect(await readSession(id, new Date(now))).not.toBeNull()
    }
    expect(await readSession(id, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull()
  })

  it('purges expired sessions in bulk', async () => {
    const user = await createUser()
    await insertSession({ userId: user.id }, new Date('2020-01-01T00:00:00Z'))
    const fresh = await insertSession({ userId: user.id })
    await purgeExpiredSessions()
    const rows = await db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute()
    expect(rows.map((r) => r.id_hash)).toEqual([hashSessionId(fresh)])
  })
})
