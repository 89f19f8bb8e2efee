import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import {
  confirmEmail,
  confirmationTokenState,
  createConfirmationToken,
  purgeExpiredConfirmationTokens,
  purgeUnconfirmedAccounts,
} from '~/models/email-confirmation.server'
import { createChallengeFor, createUser } from '../factories'

const DAY = 24 * 60 * 60 * 1000

async function registeredDaysAgo(days: number, confirmed: boolean) {
  const user = await createUser({ confirmed })
  await db
    .updateTable('users')
    .set({ created_at: new Date(Date.now() - days * DAY).toISOString() } as never)
    .where('id', '=', user.id)
    .execute()
  return user
}

async function userExists(id: number) {
  return Boolean(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())
}

describe('e-mail confirmation', () => {
  it('a token confirms once and is spent; a wrong one does nothing', async () => {
    const user = await createUser({ confirmed: false })
    const token = await createConfirmationToken(db, user.id)
    expect(await confirmationTokenState(token)).toEqual({ state: 'usable', confirms: true })
    expect(await confirmEmail('x'.repeat(43))).toEqual({ ok: false, reason: 'unknown' })
    expect(await confirmEmail(token)).toEqual({
      ok: true,
      userId: user.id,
      newlyConfirmed: true,
      origin: null,
    })
    const row = await db
      .selectFrom('users')
      .select('email_verified_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.email_verified_at).not.toBeNull()
    expect(await confirmEmail(token)).toEqual({ ok: false, reason: 'unknown' })
  })

  it('an expired token does not confirm', async () => {
    const user = await createUser({ confirmed: false })
    const token = await createConfirmationToken(db, user.id, new Date(Date.now() - 8 * DAY))
    expect((await confirmationTokenState(token)).state).toBe('expired')
    expect(await confirmEmail(token)).toEqual({ ok: false, reason: 'expired' })
    const row = await db
      .selectFrom('users')
      .select('email_verified_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.email_verified_at).toBeNull()
  })

  it('a link for a confirmed address only signs in, and says so (issue 10, item 4)', async () => {
    const user = await createUser()
    const token = await createConfirmationToken(db, user.id)
    expect(await confirmationTokenState(token)).toEqual({ state: 'usable', confirms: false })
    expect(await confirmEmail(token)).toEqual({
      ok: true,
      userId: user.id,
      newlyConfirmed: false,
      origin: null,
    })
    const audits = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'user.email_confirmed')
      .where('subject_id', '=', user.id)
      .execute()
    expect(audits).toEqual([])
  })

  it("a registration's link gives its place back once, on first confirmation (issue 10, item 12)", async () => {
    const user = await createUser({ confirmed: false })
    const origin = { address: 'a'.repeat(22), network: 'n'.repeat(22) }
    const first = await createConfirmationToken(db, user.id, new Date(), { origin })
    const resent = await createConfirmationToken(db, user.id)
    expect(await confirmEmail(resent)).toMatchObject({ ok: true, newlyConfirmed: true, origin })
    expect((await confirmationTokenState(first)).state).toBe('unknown')
  })
})

describe('housekeeping', () => {
  it('deletes accounts unconfirmed after 30 days, keeping what they wrote; spares the rest', async () => {
    const old = await registeredDaysAgo(31, false)
    const recent = await registeredDaysAgo(29, false)
    const confirmedOld = await registeredDaysAgo(400, true)
    const oldModerator = await createUser({ role: 'moderator', confirmed: false })
    await db
      .updateTable('users')
      .set({ created_at: new Date(Date.now() - 60 * DAY).toISOString() } as never)
      .where('id', '=', oldModerator.id)
      .execute()
    const challenge = await createChallengeFor(old.id)

    expect(await purgeUnconfirmedAccounts()).toBe(1)
    expect(await userExists(old.id)).toBe(false)
    expect(await userExists(recent.id)).toBe(true)
    expect(await userExists(confirmedOld.id)).toBe(true)
    expect(await userExists(oldModerator.id)).toBe(true)
    const kept = await db
      .selectFrom('challenges')
      .select('author_id')
      .where('id', '=', challenge)
      .executeTakeFirst()
    expect(kept).toEqual({ author_id: null })
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'user.account_deleted')
      .where('subject_id', '=', old.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after!)).toEqual({ contributions: 'keep', by: 'unconfirmed' })
  })

  it('deletes a 40-day-old account whose link was never used; keeps one confirmed 40 days ago', async () => {
    const registered = new Date(Date.now() - 40 * DAY)
    const unconfirmed = await registeredDaysAgo(40, false)
    const token = await createConfirmationToken(db, unconfirmed.id, registered)
    // An account from before confirmation existed: migration 0004 backfills its creation time.
    const confirmed = await registeredDaysAgo(40, false)
    await db
      .updateTable('users')
      .set({ email_verified_at: registered.toISOString() })
      .where('id', '=', confirmed.id)
      .execute()

    expect(await purgeUnconfirmedAccounts()).toBe(1)
    expect(await userExists(unconfirmed.id)).toBe(false)
    expect(await userExists(confirmed.id)).toBe(true)
    expect((await confirmationTokenState(token)).state).toBe('unknown')
  })

  it('removes expired confirmation tokens and keeps valid ones', async () => {
    const user = await createUser({ confirmed: false })
    const expired = await createConfirmationToken(db, user.id, new Date(Date.now() - 8 * DAY))
    const valid = await createConfirmationToken(db, user.id)
    expect(await purgeExpiredConfirmationTokens()).toBeGreaterThanOrEqual(1)
    expect((await confirmationTokenState(expired)).state).toBe('unknown')
    expect((await confirmationTokenState(valid)).state).toBe('usable')
  })
})
