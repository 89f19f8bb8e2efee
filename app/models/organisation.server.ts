import type { MembershipRole, MembershipStatus, OrganisationKind } from '#db/schema'
import { db } from '~/db.server'
import type { Executor } from '~/db.server'

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u', æ: 'ae', ø: 'o' }

/** "Café Måsen & Co" → "cafe-masen-co" */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[åäöéüæø]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'organisation'
}

async function uniqueSlug(executor: Executor, name: string): Promise<string> {
  const base = slugify(name)
  const taken = await executor
    .selectFrom('organisations')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const used = new Set(taken.map((r) => r.slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

export async function insertOrganisation(
  executor: Executor,
  input: {
    name: string
    kind: OrganisationKind
    description?: string
    website?: string | null
    areaId?: number | null
    verified?: boolean
    slug?: string
  },
): Promise<{ id: number; slug: string }> {
  const now = new Date().toISOString()
  const slug = input.slug ?? (await uniqueSlug(executor, input.name))
  const row = await executor
    .insertInto('organisations')
    .values({
      slug,
      name: input.name.trim(),
      kind: input.kind,
      description: input.description ?? '',
      website: input.website ?? null,
      area_id: input.areaId ?? null,
      verified_at: input.verified ? now : null,
      updated_at: now,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
  return row
}

export async function insertMembership(
  executor: Executor,
  input: { organisationId: number; userId: number; role: MembershipRole; status: MembershipStatus },
) {
  await executor
    .insertInto('memberships')
    .values({
      organisation_id: input.organisationId,
      user_id: input.userId,
      role: input.role,
      status: input.status,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .execute()
}

/** Businesses and associations a new user may ask to join (municipal departments are staffed by admins). */
export async function listJoinableOrganisations() {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', ['business', 'association'])
    .orderBy('name')
    .execute()
}

export async function getOrganisationById(executor: Executor, id: number) {
  return executor.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function getOrganisationOwners(executor: Executor, organisationId: number) {
  return executor
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'owner')
    .where('memberships.status', '=', 'active')
    .execute()
}

export async function listUserMemberships(userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.kind',
      'memberships.role',
      'memberships.status',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute()
}

export async function countOrganisations() {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Municipal departments: where challenges are routed. */
export async function listDepartments() {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'municipality')
    .orderBy('name')
    .execute()
}
