import type { SelectQueryBuilder } from 'kysely'
import type { Database } from '#db/schema'
import type { ReportFilters } from '~/forms/report-filters'
import { db } from '~/db.server'
import { townMidnight } from '~/services/town-time'

/** A slug or id in the report query that names nothing: the page answers 400. */
export class UnknownReportFilter extends Error {}

export interface ResolvedReportFilters extends ReportFilters {
  categoryId?: number
  areaId?: number
  /** First instant in the range (midnight in the town), ISO 8601 UTC. */
  fromTs: string
  /** First instant after the range (the next midnight in the town), ISO 8601 UTC. */
  toTs: string
}

/** Looks up the slugs and the department; unknown ones throw UnknownReportFilter. */
export async function resolveReportFilters(filters: ReportFilters): Promise<ResolvedReportFilters> {
  const [category, area, department] = await Promise.all([
    filters.category
      ? db
          .selectFrom('categories')
          .select('id')
          .where('slug', '=', filters.category)
          .executeTakeFirst()
      : undefined,
    filters.area
      ? db.selectFrom('areas').select('id').where('slug', '=', filters.area).executeTakeFirst()
      : undefined,
    filters.department
      ? db
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', filters.department)
          .where('kind', '=', 'municipality')
          .executeTakeFirst()
      : undefined,
  ])
  if ((filters.category && !category) || (filters.area && !area)) throw new UnknownReportFilter()
  if (filters.department && !department) throw new UnknownReportFilter()
  const dayAfter = new Date(Date.parse(`${filters.to}T00:00:00Z`) + 24 * 60 * 60 * 1000)
  return {
    ...filters,
    ...(category ? { categoryId: category.id } : {}),
    ...(area ? { areaId: area.id } : {}),
    // The range is the town's days: 1 January begins at midnight in the town, not in London.
    fromTs: townMidnight(filters.from),
    toTs: townMidnight(dayAfter.toISOString().slice(0, 10)),
  }
}

/**
 * The challenges a report counts: posted within the range and matching the filters. Hidden
 * posts (abuse) and duplicates merged into another challenge are left out; pending and
 * rejected ones are counted under their own status.
 */
export function reportChallenges(filters: ResolvedReportFilters) {
  const query = db
    .selectFrom('challenges')
    .where('challenges.created_at', '>=', filters.fromTs)
    .where('challenges.created_at', '<', filters.toTs)
    .where('challenges.hidden_at', 'is', null)
    .where('challenges.merged_into_id', 'is', null)
  return narrowToFilters(query, filters)
}

type NarrowingFilters = Pick<ResolvedReportFilters, 'categoryId' | 'areaId' | 'department' | 'by'>

/** Whether any filter beyond the date range is set; see narrowToFilters. */
export function isNarrowed(filters: NarrowingFilters): boolean {
  return Boolean(filters.categoryId || filters.areaId || filters.department || filters.by)
}

/**
 * Keeps the challenges matching the category, area, department and poster filters. The report's
 * counts and its engagement share it so that a filter narrows every figure alike.
 */
export function narrowToFilters<O>(
  query: SelectQueryBuilder<Database, 'challenges', O>,
  filters: NarrowingFilters,
): SelectQueryBuilder<Database, 'challenges', O> {
  if (filters.categoryId) query = query.where('challenges.category_id', '=', filters.categoryId)
  if (filters.areaId) query = query.where('challenges.area_id', '=', filters.areaId)
  if (filters.department) query = query.where('challenges.department_id', '=', filters.department)
  if (filters.by) query = query.where('challenges.poster_kind', '=', filters.by)
  return query
}
