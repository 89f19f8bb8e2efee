import type { Kysely } from 'kysely'
import type { Database, Role } from '../schema'
import { hashPassword } from '../../app/services/password.server'
import { recomputeTrending } from '../../app/models/trending.server'
import { seedDemoBoard } from './board'
import { seedDemoModeration } from './moderation'
import { seedDemoOutcomes } from './outcomes'
import { seedDemoTemplates } from './templates'
import { demoChallenges } from './demo-challenges'
import { areas, categories, memberships, organisations, people, staff, town } from './demo-data'

/** Local-only demo logins; the README lists them. Never use these on a public site. */
export const DEMO_PASSWORDS = {
  admin: 'utmana-admin-demo',
  moderator: 'utmana-moderator-demo',
  resident: 'utmana-demo-2026',
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count) === 0
}

export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false
  await seedDemo(db)
  return true
}

/**
 * The demo town of Sjöhamn. Each feature adds its own step here (challenges, votes, flags …),
 * all inside one transaction so a failed seed leaves nothing behind.
 */
export async function seedDemo(db: Kysely<Database>) {
  const [adminHash, moderatorHash, residentHash] = await Promise.all([
    hashPassword(DEMO_PASSWORDS.admin),
    hashPassword(DEMO_PASSWORDS.moderator),
    hashPassword(DEMO_PASSWORDS.resident),
  ])
  // Spread sign-up dates over the past year so the town looks lived in.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString()

  await db.transaction().execute(async (trx) => {
    const areaIds = new Map<string, number>()
    for (const [position, area] of areas.entries()) {
      const row = await trx
        .insertInto('areas')
        .values({
          slug: area.slug,
          name_sv: area.nameSv,
          name_en: area.nameEn,
          position,
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      areaIds.set(area.slug, row.id)
    }

    for (const [position, category] of categories.entries()) {
      await trx
        .insertInto('categories')
        .values({
          slug: category.slug,
          name_sv: category.nameSv,
          name_en: category.nameEn,
          description_sv: category.descriptionSv,
          description_en: category.descriptionEn,
          position,
          archived_at: null,
        })
        .execute()
    }

    const user = (name: string, email: string, hash: string, role: Role, age: number) =>
      trx
        .insertInto('users')
        .values({
          name,
          email,
          password_hash: hash,
          role,
          locale: 'sv',
          email_verified_at: daysAgo(age),
          banned_until: null,
          ban_reason: null,
          last_login_at: null,
          created_at: daysAgo(age),
          updated_at: daysAgo(age),
        })
        .returning('id')
        .executeTakeFirstOrThrow()

    await user(staff.admin.name, staff.admin.email, adminHash, 'admin', 400)
    await user(staff.moderator.name, staff.moderator.email, moderatorHash, 'moderator', 380)
    const userIds = new Map<string, number>()
    for (const [i, person] of people.entries()) {
      const row = await user(person.name, person.email, residentHash, 'member', 360 - i * 8)
      userIds.set(person.email, row.id)
    }

    const organisationIds = new Map<string, number>()
    for (const [i, org] of organisations.entries()) {
      const row = await trx
        .insertInto('organisations')
        .values({
          slug: org.slug,
          name: org.name,
          kind: org.kind,
          description: org.descriptionSv,
          website: org.website,
          area_id: areaIds.get(org.areaSlug) ?? null,
          verified_at: org.verified ? daysAgo(390) : null,
          created_at: daysAgo(350 - i * 10),
          updated_at: daysAgo(350 - i * 10),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      organisationIds.set(org.slug, row.id)
    }

    for (const membership of memberships) {
      const organisationId = organisationIds.get(membership.organisationSlug)
      const userId = userIds.get(membership.email)
      if (!organisationId || !userId) throw new Error(`Bad demo membership ${membership.email}`)
      await trx
        .insertInto('memberships')
        .values({
          organisation_id: organisationId,
          user_id: userId,
          role: membership.role,
          status: 'active',
        })
        .execute()
    }

    await seedDemoBoard(trx, demoChallenges)
    await seedDemoModeration(trx)
    await seedDemoOutcomes(trx)
    await seedDemoTemplates(trx)
    // Trending from the dated votes, comments and follows, as the app keeps it.
    const all = await trx.selectFrom('challenges').select('id').execute()
    await recomputeTrending(trx, { ids: all.map((c) => c.id) })

    const settings = {
      boardName: town.boardNameSv,
      townName: town.name,
      contactEmail: town.contactEmail,
    }
    for (const [key, value] of Object.entries(settings)) {
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute()
    }
  })
}
