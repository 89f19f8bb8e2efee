import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { verifyPassword } from '~/services/password.server'
import { DEMO_PASSWORDS, seedDemo, seedDemoIfEmpty } from '#db/seed/demo'
import { seedScale } from '#db/seed/scale'
import { countRows } from '../helpers/count-rows'

describe('demo town', () => {
  it('seeds a believable town once', async () => {
    expect(await seedDemoIfEmpty(db)).toBe(true)
    expect(await seedDemoIfEmpty(db)).toBe(false)

    expect(await countRows('areas')).toBeGreaterThanOrEqual(8)
    expect(await countRows('areas')).toBeLessThanOrEqual(12)
    expect(await countRows('categories')).toBe(8)
    expect(await countRows('organisations')).toBeGreaterThanOrEqual(12)
    expect(await countRows('users')).toBeGreaterThanOrEqual(35)

    const kinds = await db.selectFrom('organisations').select('kind').distinct().execute()
    expect(kinds.map((k) => k.kind).sort()).toEqual(['association', 'business', 'municipality'])

    const ownerless = await db
      .selectFrom('organisations')
      .select('slug')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships')
              .select('user_id')
              .whereRef('memberships.organisation_id', '=', 'organisations.id')
              .where('role', '=', 'owner'),
          ),
        ),
      )
      .execute()
    expect(ownerless).toEqual([])

    const municipal = await db
      .selectFrom('organisations')
      .select('verified_at')
      .where('kind', '=', 'municipality')
      .execute()
    expect(municipal.every((m) => m.verified_at !== null)).toBe(true)
  })

  it('has the admin and moderator logins the README promises', async () => {
    for (const [email, role, password] of [
      ['admin@utmana.local', 'admin', DEMO_PASSWORDS.admin],
      ['moderator@utmana.local', 'moderator', DEMO_PASSWORDS.moderator],
    ] as const) {
      const user = await db
        .selectFrom('users')
        .select(['role', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
      expect(user.role).toBe(role)
      expect(await verifyPassword(user.password_hash, password)).toBe(true)
    }
  })

  it("dates each challenge's updated_at by its last change, as the app would have", async () => {
    // What the app stamps on the challenge: a status change, a pledge, a proposal, triage.
    const latest = async (id: number) => {
      const dates = await Promise.all([
        db
          .selectFrom('challenge_status_history')
          .select('created_at')
          .where('challenge_id', '=', id)
          .execute(),
        db.selectFrom('pledges').select('created_at').where('challenge_id', '=', id).execute(),
        db.selectFrom('solutions').select('created_at').where('challenge_id', '=', id).execute(),
        db
          .selectFrom('audit_log')
          .select('created_at')
          .where('subject_type', '=', 'challenge')
          .where('subject_id', '=', id)
          .where('action', '=', 'challenge.route')
          .execute(),
      ])
      return dates
        .flat()
        .map((r) => r.created_at)
        .reduce((a, b) => (a > b ? a : b))
    }
    const challenges = await db
      .selectFrom('challenges')
      .select(['id', 'status', 'created_at', 'updated_at', 'solved_at'])
      .execute()
    const wrong = []
    for (const c of challenges) {
      const expected = await latest(c.id)
      if (c.updated_at !== expected) wrong.push({ ...c, expected })
    }
    expect(wrong).toEqual([])
    const solved = challenges.filter((c) => c.status === 'solved')
    expect(solved.length).toBeGreaterThan(0)
    for (const c of solved) {
      expect(c.updated_at >= c.solved_at!).toBe(true)
      expect(Date.parse(c.updated_at) - Date.parse(c.created_at)).toBeGreaterThan(86_400_000)
    }
  })

  it('dates scale challenges solved later by their solving', async () => {
    const before = await db
      .selectFrom('challenges')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
    await seedScale(db, 60)
    const added = await db
      .selectFrom('challenges')
      .select(['created_at', 'updated_at', 'solved_at'])
      .where('id', '>', Number(before.id))
      .execute()
    expect(added).toHaveLength(60)
    for (const c of added) {
      expect(c.updated_at).toBe(c.solved_at ?? c.created_at)
    }
    expect(added.some((c) => c.solved_at && c.solved_at > c.created_at)).toBe(true)
  })

  it('refuses to seed twice into the same database', async () => {
    await expect(seedDemo(db)).rejects.toThrow()
  })
})
