import type { OrganisationKind, Role } from '#db/schema'
import { db } from '~/db.server'
import { insertMembership, insertOrganisation } from '~/models/organisation.server'
import { insertUser } from '~/models/user.server'
import { hashPassword } from '~/services/password.server'

let sequence = 0
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`

export const DEFAULT_PASSWORD = 'a long test passphrase'

/** A member with a confirmed address unless `confirmed: false`. */
export async function createUser(
  overrides: {
    role?: Role
    email?: string
    name?: string
    password?: string
    confirmed?: boolean
  } = {},
) {
  const id = next()
  const email = overrides.email ?? `user-${id}@example.se`
  const password = overrides.password ?? DEFAULT_PASSWORD
  const userId = await insertUser(db, {
    email,
    name: overrides.name ?? `Testa Testsson ${id}`,
    passwordHash: await hashPassword(password),
    role: overrides.role ?? 'member',
    locale: 'sv',
  })
  if (overrides.confirmed !== false) {
    await db
      .updateTable('users')
      .set({ email_verified_at: new Date().toISOString() })
      .where('id', '=', userId)
      .execute()
  }
  return { id: userId, email, password }
}

export async function createOrganisation(
  overrides: { name?: string; kind?: OrganisationKind; ownerId?: number } = {},
) {
  const org = await insertOrganisation(db, {
    name: overrides.name ?? `Testföretaget ${next()}`,
    kind: overrides.kind ?? 'business',
  })
  if (overrides.ownerId) {
    await insertMembership(db, {
      organisationId: org.id,
      userId: overrides.ownerId,
      role: 'owner',
      status: 'active',
    })
  }
  return org
}

export async function createTaxonomy() {
  const n = next()
  const category = await db
    .insertInto('categories')
    .values({
      slug: `cat-${n}`,
      name_sv: `Kategori ${n}`,
      name_en: `Category ${n}`,
      description_sv: '',
      description_en: '',
      position: 0,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const area = await db
    .insertInto('areas')
    .values({
      slug: `area-${n}`,
      name_sv: `Område ${n}`,
      name_en: `Area ${n}`,
      position: 0,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    categoryId: category.id,
    areaId: area.id,
    categorySlug: `cat-${n}`,
    areaSlug: `area-${n}`,
  }
}

let taxonomy: Awaited<ReturnType<typeof createTaxonomy>> | undefined

export async function createChallengeFor(
  authorId: number,
  overrides: Partial<{
    title: string
    description: string
    organisationId: number | null
    categoryId: number
    areaId: number
    status: 'open' | 'pending'
  }> = {},
) {
  taxonomy ??= await createTaxonomy()
  const { createChallenge } = await import('~/models/challenge.server')
  return createChallenge({
    authorId,
    organisationId: overrides.organisationId ?? null,
    title: overrides.title ?? `En utmaning som behöver lösas ${next()}`,
    description: overrides.description ?? 'Beskrivning av **problemet**.',
    categoryId: overrides.categoryId ?? taxonomy.categoryId,
    areaId: overrides.areaId ?? taxonomy.areaId,
    status: overrides.status ?? 'open',
  })
}
