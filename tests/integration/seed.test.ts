import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { verifyPassword } from '~/services/password.server'
import { DEMO_PASSWORDS, seedDemo, seedDemoIfEmpty } from '#db/seed/demo'

describe('demo town', () => {
  it('seeds a believable town once', async () => {
    expect(await seedDemoIfEmpty(db)).toBe(true)
    expect(await seedDemoIfEmpty(db)).toBe(false)

    const count = async (table: 'users' | 'areas' | 'categories' | 'organisations') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect(await count('areas')).toBeGreaterThanOrEqual(8)
    expect(await count('areas')).toBeLessThanOrEqual(12)
    expect(await count('categories')).toBe(8)
    expect(await count('organisations')).toBeGreaterThanOrEqual(12)
    expect(await count('users')).toBeGreaterThanOrEqual(35)

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

  it('refuses to seed twice into the same database', async () => {
    await expect(seedDemo(db)).rejects.toThrow()
  })
})
