import { sql } from 'kysely'
import type { MembershipRole, MembershipStatus, OrganisationKind, Role } from '#db/schema'
import { db, type Executor } from '~/db.server'
import { ADMIN_LIST_LIMIT } from '~/models/admin-constants'
import { recordAudit } from '~/models/audit.server'
import { slugify } from '~/models/organisation.server'
import { containsPattern } from '~/models/organisation-profile.server'
import { SETTING_DEFAULTS, setSetting, type Settings } from '~/models/settings.server'
import { setUserRole } from '~/models/user.server'

// Every write here is one transaction with its audit row: the change and the record of it
// land together or not at all. A write that would change nothing writes nothing.

export interface AdminActor {
  actorId: number
  ip?: string | null
}

export type TaxonomyType = 'category' | 'area'
export type FieldErrors = Record<string, string[]>

/** The admin pages list at most this many organisations or users; search narrows. */

const now = () => new Date().toISOString()

// ───────────────────────────── overview ─────────────────────────────

/** The counts on /admin, in one query. */
export async function getAdminOverview() {
  const row = await db
    .selectNoFrom((eb) => {
      const n = eb.fn.countAll<number>().as('n')
      // The three tables share archived_at, the only column the subquery reads.
      const rows = (table: 'categories' | 'areas' | 'reply_templates', archived: boolean) =>
        eb
          .selectFrom(table as 'areas')
          .select(n)
          .where('archived_at', archived ? 'is not' : 'is', null)
      return [
        rows('categories', false).as('categories'),
        rows('categories', true).as('archivedCategories'),
        rows('areas', false).as('areas'),
        rows('areas', true).as('archivedAreas'),
        eb.selectFrom('organisations').select(n).as('organisations'),
        eb
          .selectFrom('organisations')
          .select(n)
          .where('kind', '=', 'municipality')
          .where('verified_at', 'is', null)
          .as('unverifiedDepartments'),
        eb.selectFrom('users').select(n).as('users'),
        eb.selectFrom('users').select(n).where('role', 'in', ['moderator', 'admin']).as('staff'),
        rows('reply_templates', false).as('templates'),
      ]
    })
    .executeTakeFirstOrThrow()
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, Number(value ?? 0)]),
  ) as Record<keyof typeof row, number>
}

// ───────────────────────────── categories and areas ─────────────────────────────

// Both tables share id, slug, name_sv, name_en, position and archived_at, and only those are
// touched here: typing the table as `areas` lets one set of queries serve both.
const tableOf = (type: TaxonomyType) => (type === 'category' ? 'categories' : 'areas') as 'areas'
const challengeColumn = (type: TaxonomyType) => (type === 'category' ? 'category_id' : 'area_id')

/** Every category or area, archived ones too, with how many challenges use each. */
export async function listTaxonomy(type: TaxonomyType) {
  const column = challengeColumn(type)
  const [rows, usage] = await Promise.all([
    db
      .selectFrom(tableOf(type))
      .select(['id', 'slug', 'name_sv', 'name_en', 'position', 'archived_at'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('challenges')
      .select((eb) => [column, eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute(),
  ])
  const used = new Map(
    usage.map((u) => [(u as Record<string, unknown>)[column] as number, Number(u.n)]),
  )
  return rows.map((r) => ({ ...r, challengeCount: used.get(r.id) ?? 0 }))
}

const fold = (name: string) => name.trim().toLocaleLowerCase('sv')

/** Field errors for names another row of the same table already has (either language). */
function nameClashes(
  rows: Array<{ id: number; name_sv: string; name_en: string }>,
  input: { nameSv: string; nameEn: string },
  exceptId?: number,
): FieldErrors | null {
  const others = rows.filter((r) => r.id !== exceptId)
  const errors: FieldErrors = {}
  if (others.some((r) => fold(r.name_sv) === fold(input.nameSv)))
    errors.nameSv = ['admin.errors.nameTaken']
  if (others.some((r) => fold(r.name_en) === fold(input.nameEn)))
    errors.nameEn = ['admin.errors.nameTaken']
  return Object.keys(errors).length ? errors : null
}

/**
 * A slug from a name, unique in its table. Categories take theirs from the English name and
 * areas from the Swedish one, as the demo town's do (areas are place names).
 */
function taxonomySlug(
  type: TaxonomyType,
  input: { nameSv: string; nameEn: string },
  used: Set<string>,
) {
  const name = type === 'category' ? input.nameEn : input.nameSv
  // slugify falls back to "organisation" for a name with no letters or digits.
  const slug = slugify(name)
  const base = slug === 'organisation' && !/organisation/i.test(name) ? type : slug
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

export type TaxonomyResult = { ok: true; id: number } | { ok: false; fieldErrors: FieldErrors }

/** Adds a category or area at the end of the list. Slugs are never reused or changed. */
export async function addTaxonomyItem(
  type: TaxonomyType,
  input: { nameSv: string; nameEn: string },
  actor: AdminActor,
): Promise<TaxonomyResult> {
  const table = tableOf(type)
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'slug', 'name_sv', 'name_en', 'position'])
      .execute()
    const clashes = nameClashes(rows, input)
    if (clashes) return { ok: false, fieldErrors: clashes }
    const values = {
      slug: taxonomySlug(type, input, new Set(rows.map((r) => r.slug))),
      name_sv: input.nameSv,
      name_en: input.nameEn,
      position: rows.reduce((max, r) => Math.max(max, r.position), -1) + 1,
      archived_at: null,
    }
    const { id } = await trx
      .insertInto(table)
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.${type}.add`,
      subjectType: type,
      subjectId: id,
      after: values,
      ip: actor.ip,
    })
    return { ok: true, id }
  })
}

/** Renames in both languages; the slug stays, so links and filters keep working. */
export async function renameTaxonomyItem(
  type: TaxonomyType,
  id: number,
  input: { nameSv: string; nameEn: string },
  actor: AdminActor,
): Promise<TaxonomyResult | null> {
  const table = tableOf(type)
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom(table).select(['id', 'name_sv', 'name_en']).execute()
    const current = rows.find((r) => r.id === id)
    if (!current) return null
    const clashes = nameClashes(rows, input, id)
    if (clashes) return { ok: false as const, fieldErrors: clashes }
    if (current.name_sv === input.nameSv && current.name_en === input.nameEn) {
      return { ok: true as const, id }
    }
    await trx
      .updateTable(table)
      .set({ name_sv: input.nameSv, name_en: input.nameEn })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.${type}.rename`,
      subjectType: type,
      subjectId: id,
      before: { name_sv: current.name_sv, name_en: current.name_en },
      after: { name_sv: input.nameSv, name_en: input.nameEn },
      ip: actor.ip,
    })
    return { ok: true as const, id }
  })
}

/**
 * Archived categories and areas are no longer offered for new challenges; challenges that use
 * them keep them. False when there is no such row.
 */
export async function setTaxonomyArchived(
  type: TaxonomyType,
  id: number,
  archived: boolean,
  actor: AdminActor,
): Promise<boolean> {
  const table = tableOf(type)
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom(table)
      .select('archived_at')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!current) return false
    if ((current.archived_at !== null) === archived) return true
    const archivedAt = archived ? now() : null
    await trx.updateTable(table).set({ archived_at: archivedAt }).where('id', '=', id).execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.${type}.${archived ? 'archive' : 'unarchive'}`,
      subjectType: type,
      subjectId: id,
      before: { archived_at: current.archived_at },
      after: { archived_at: archivedAt },
      ip: actor.ip,
    })
    return true
  })
}

// ───────────────────────────── organisations ─────────────────────────────

/** Organisations for the admin list, with their active member count; at most ADMIN_LIST_LIMIT. */
export async function listOrganisationsForAdmin(query: { q?: string; kind?: OrganisationKind }) {
  let qb = db.selectFrom('organisations').select((eb) => [
    'organisations.id',
    'organisations.slug',
    'organisations.name',
    'organisations.kind',
    'organisations.verified_at',
    'organisations.created_at',
    eb
      .selectFrom('memberships')
      .select((m) => m.fn.countAll<number>().as('n'))
      .whereRef('memberships.organisation_id', '=', 'organisations.id')
      .where('memberships.status', '=', 'active')
      .as('member_count'),
  ])
  if (query.kind) qb = qb.where('organisations.kind', '=', query.kind)
  if (query.q) {
    // Bound as a parameter; ESCAPE makes the user's % and _ plain characters.
    qb = qb.where(sql<boolean>`organisations.name like ${containsPattern(query.q)} escape '\\'`)
  }
  const rows = await qb
    .orderBy(sql`organisations.name collate nocase`)
    .orderBy('organisations.id')
    .limit(ADMIN_LIST_LIMIT + 1)
    .execute()
  return {
    items: rows
      .slice(0, ADMIN_LIST_LIMIT)
      .map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })),
    more: rows.length > ADMIN_LIST_LIMIT,
  }
}

/** Every organisation by name, for the merge form's two lists. */
export async function listOrganisationChoices() {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'slug'])
    .orderBy(sql`name collate nocase`)
    .orderBy('id')
    .execute()
}

export type VerifyResult = 'ok' | 'notFound' | 'notMunicipality'

/** Marks a municipal department as verified (or no longer). Only municipality organisations. */
export async function setOrganisationVerified(
  id: number,
  verified: boolean,
  actor: AdminActor,
): Promise<VerifyResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('organisations')
      .select(['kind', 'verified_at'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!current) return 'notFound'
    if (current.kind !== 'municipality') return 'notMunicipality'
    if ((current.verified_at !== null) === verified) return 'ok'
    const at = now()
    const verifiedAt = verified ? at : null
    await trx
      .updateTable('organisations')
      .set({ verified_at: verifiedAt, updated_at: at })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.organisation.${verified ? 'verify' : 'unverify'}`,
      subjectType: 'organisation',
      subjectId: id,
      before: { verified_at: current.verified_at },
      after: { verified_at: verifiedAt },
      ip: actor.ip,
    })
    return 'ok'
  })
}

const ROLE_RANK: Record<MembershipRole, number> = { member: 0, owner: 1 }
const STATUS_RANK: Record<MembershipStatus, number> = { pending: 0, active: 1 }

export type MergeResult =
  { ok: true; moved: Record<string, number> } | { ok: false; reason: 'notFound' | 'same' }

/**
 * Folds a duplicate organisation into another: its members join the other (a person in both
 * keeps the higher role and the active status), its challenges, solutions, pledges, credits,
 * routed challenges and official responses move, and the duplicate is deleted. One transaction.
 */
export async function mergeOrganisations(
  fromId: number,
  intoId: number,
  actor: AdminActor,
): Promise<MergeResult> {
  if (fromId === intoId) return { ok: false, reason: 'same' }
  return db.transaction().execute(async (trx) => {
    const [from, into] = await Promise.all(
      [fromId, intoId].map((id) =>
        trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),
      ),
    )
    if (!from || !into) return { ok: false as const, reason: 'notFound' as const }

    const moved: Record<string, number> = {}
    moved.memberships = await moveMemberships(trx, fromId, intoId)
    moved.challenge_solvers = await moveCredits(trx, fromId, intoId)
    const count = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows)
    for (const table of ['challenges', 'solutions', 'pledges', 'official_responses'] as const) {
      // Each table has organisation_id; typed as one of them to share the statement.
      moved[table] = count(
        await trx
          .updateTable(table as 'solutions')
          .set({ organisation_id: intoId })
          .where('organisation_id', '=', fromId)
          .executeTakeFirst(),
      )
    }
    moved.routed_challenges = count(
      await trx
        .updateTable('challenges')
        .set({ department_id: intoId })
        .where('department_id', '=', fromId)
        .executeTakeFirst(),
    )

    await trx.deleteFrom('organisations').where('id', '=', fromId).execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.organisation.merge',
      subjectType: 'organisation',
      subjectId: intoId,
      before: {
        from: pick(from),
        into: pick(into),
      },
      after: { into: pick(into), deleted: fromId, moved },
      ip: actor.ip,
    })
    return { ok: true as const, moved }
  })
}

const pick = (o: {
  id: number
  slug: string
  name: string
  kind: string
  description: string
  website: string | null
  verified_at: string | null
}) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  description: o.description,
  website: o.website,
  verified_at: o.verified_at,
})

async function moveMemberships(trx: Executor, fromId: number, intoId: number) {
  const [fromRows, intoRows] = await Promise.all(
    [fromId, intoId].map((id) =>
      trx
        .selectFrom('memberships')
        .select(['user_id', 'role', 'status'])
        .where('organisation_id', '=', id)
        .execute(),
    ),
  )
  const existing = new Map(intoRows!.map((r) => [r.user_id, r]))
  for (const row of fromRows!) {
    const there = existing.get(row.user_id)
    if (!there) {
      await trx
        .updateTable('memberships')
        .set({ organisation_id: intoId })
        .where('organisation_id', '=', fromId)
        .where('user_id', '=', row.user_id)
        .execute()
      continue
    }
    const role = ROLE_RANK[row.role] > ROLE_RANK[there.role] ? row.role : there.role
    const status = STATUS_RANK[row.status] > STATUS_RANK[there.status] ? row.status : there.status
    if (role !== there.role || status !== there.status) {
      await trx
        .updateTable('memberships')
        .set({ role, status })
        .where('organisation_id', '=', intoId)
        .where('user_id', '=', row.user_id)
        .execute()
    }
    await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', fromId)
      .where('user_id', '=', row.user_id)
      .execute()
  }
  return fromRows!.length
}

/** Credits move; one the other organisation already has for the same solution is dropped. */
async function moveCredits(trx: Executor, fromId: number, intoId: number) {
  const [fromRows, intoRows] = await Promise.all(
    [fromId, intoId].map((id) =>
      trx
        .selectFrom('challenge_solvers')
        .select(['id', 'challenge_id', 'solution_id'])
        .where('organisation_id', '=', id)
        .execute(),
    ),
  )
  const key = (r: { challenge_id: number; solution_id: number | null }) =>
    `${r.challenge_id}:${r.solution_id ?? ''}`
  const credited = new Set(intoRows!.map(key))
  const duplicates = fromRows!.filter((r) => credited.has(key(r))).map((r) => r.id)
  if (duplicates.length) {
    await trx.deleteFrom('challenge_solvers').where('id', 'in', duplicates).execute()
  }
  await trx
    .updateTable('challenge_solvers')
    .set({ organisation_id: intoId })
    .where('organisation_id', '=', fromId)
    .execute()
  return fromRows!.length
}

// ───────────────────────────── users and roles ─────────────────────────────

const ROLE_ORDER = sql<number>`case role when 'admin' then 0 when 'moderator' then 1 else 2 end`

/** Users whose name or email contains `q`: staff first, then the newest. */
export async function searchUsers(query: { q?: string; role?: Role }) {
  let qb = db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'banned_until', 'created_at', 'last_login_at'])
  if (query.role) qb = qb.where('role', '=', query.role)
  if (query.q) {
    const pattern = containsPattern(query.q)
    qb = qb.where(
      sql<boolean>`(name like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
    )
  }
  const rows = await qb
    .orderBy(ROLE_ORDER)
    .orderBy('id', 'desc')
    .limit(ADMIN_LIST_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, ADMIN_LIST_LIMIT), more: rows.length > ADMIN_LIST_LIMIT }
}

export type RoleResult = 'ok' | 'notFound' | 'selfDemotion'

/** Changes a user's role. An admin cannot take the admin role from themselves. */
export async function changeUserRole(
  userId: number,
  role: Role,
  actor: AdminActor,
): Promise<RoleResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('users')
      .select('role')
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!current) return 'notFound'
    if (userId === actor.actorId && role !== 'admin') return 'selfDemotion'
    if (current.role === role) return 'ok'
    await setUserRole(trx, userId, role)
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.user.role',
      subjectType: 'user',
      subjectId: userId,
      before: { role: current.role },
      after: { role },
      ip: actor.ip,
    })
    return 'ok'
  })
}

// ───────────────────────────── settings ─────────────────────────────

/**
 * Saves the settings form: only the keys whose value changed are written, with one audit row
 * holding their old and new values. Returns the changed keys.
 */
export async function updateSettings(
  values: { [K in keyof Settings]?: Settings[K] },
  actor: AdminActor,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Read inside the transaction (getSettings uses the shared handle, which waits for us).
    const rows = await trx.selectFrom('settings').select(['key', 'value']).execute()
    const current: Record<string, unknown> = { ...SETTING_DEFAULTS }
    for (const row of rows)
      if (row.key in SETTING_DEFAULTS) current[row.key] = JSON.parse(row.value)

    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const key of Object.keys(SETTING_DEFAULTS) as Array<keyof Settings>) {
      const value = values[key]
      // A setting the form did not send keeps its value.
      if (value === undefined || current[key] === value) continue
      before[key] = current[key]
      after[key] = value
      await setSetting(trx, key, value)
    }
    const changed = Object.keys(after)
    if (changed.length) {
      await recordAudit(trx, {
        actorId: actor.actorId,
        action: 'admin.settings.update',
        subjectType: 'settings',
        before,
        after,
        ip: actor.ip,
      })
    }
    return changed
  })
}

// ───────────────────────────── reply templates ─────────────────────────────

export async function listReplyTemplatesForAdmin() {
  return db
    .selectFrom('reply_templates')
    .select(['id', 'name', 'body_sv', 'body_en', 'archived_at', 'created_at'])
    .orderBy(sql`archived_at is not null`)
    .orderBy(sql`name collate nocase`)
    .orderBy('id')
    .execute()
}

interface TemplateInput {
  name: string
  bodySv: string
  bodyEn: string
}

export async function addReplyTemplate(input: TemplateInput, actor: AdminActor) {
  return db.transaction().execute(async (trx) => {
    const values = { name: input.name, body_sv: input.bodySv, body_en: input.bodyEn }
    const { id } = await trx
      .insertInto('reply_templates')
      .values({ ...values, archived_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.template.add',
      subjectType: 'reply_template',
      subjectId: id,
      after: values,
      ip: actor.ip,
    })
    return id
  })
}

/** False when there is no such template. */
export async function updateReplyTemplate(id: number, input: TemplateInput, actor: AdminActor) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('reply_templates')
      .select(['name', 'body_sv', 'body_en'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!before) return false
    const after = { name: input.name, body_sv: input.bodySv, body_en: input.bodyEn }
    if (
      before.name === after.name &&
      before.body_sv === after.body_sv &&
      before.body_en === after.body_en
    ) {
      return true
    }
    await trx.updateTable('reply_templates').set(after).where('id', '=', id).execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.template.edit',
      subjectType: 'reply_template',
      subjectId: id,
      before,
      after,
      ip: actor.ip,
    })
    return true
  })
}

/** Archived templates are no longer offered to moderators. False when there is no such template. */
export async function setReplyTemplateArchived(id: number, archived: boolean, actor: AdminActor) {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('reply_templates')
      .select('archived_at')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!current) return false
    if ((current.archived_at !== null) === archived) return true
    const archivedAt = archived ? now() : null
    await trx
      .updateTable('reply_templates')
      .set({ archived_at: archivedAt })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.template.${archived ? 'archive' : 'unarchive'}`,
      subjectType: 'reply_template',
      subjectId: id,
      before: { archived_at: current.archived_at },
      after: { archived_at: archivedAt },
      ip: actor.ip,
    })
    return true
  })
}
