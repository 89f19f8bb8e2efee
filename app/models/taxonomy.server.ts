import { db, transaction } from '~/db.server'
import type { AdminActor } from '~/models/admin-constants'
import { setArchived } from '~/models/archive.server'
import { recordAudit } from '~/models/audit.server'
import { slugify } from '~/models/organisation.server'
import { lockTableWrites } from '~/models/dialect.server'

export type TaxonomyType = 'category' | 'area'
export type FieldErrors = Record<string, string[]>

export async function listAreas() {
  return db
    .selectFrom('areas')
    .select(['id', 'slug', 'name_sv', 'name_en'])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute()
}

export async function listCategories() {
  return db
    .selectFrom('categories')
    .select(['id', 'slug', 'name_sv', 'name_en', 'description_sv', 'description_en'])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .execute()
}

// Admin: adding, renaming and archiving; each write is one transaction with its audit row.

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
  return transaction(async (trx) => {
    // Two admins adding the same name at once: the second waits, then sees the clash.
    await lockTableWrites(trx, table)
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
  return transaction(async (trx) => {
    await lockTableWrites(trx, table)
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
  return setArchived(
    { table: tableOf(type), id, archived, auditAction: `admin.${type}`, subjectType: type },
    actor,
  )
}
