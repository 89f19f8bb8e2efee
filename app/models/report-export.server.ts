import { db } from '~/db.server'
import type { ReportFilters } from '~/forms/report-filters'
import type { TFunction } from '~/i18n-react'
import type { Locale } from '~/i18n'
import { recordAudit } from '~/models/audit.server'
import { challengeUrl, isoUtc } from '~/models/open-data.server'
import { reportChallenges, type ResolvedReportFilters } from '~/models/report-filters.server'
import type { CsvCell } from '~/services/csv.server'

// The moderators' CSV (/reports/export.csv): one row per challenge the report counts, oldest
// first. Read in keyset pages of BATCH rows by (created_at, id), which the challenges_created
// index serves: each page is its own short query, so the one SQLite connection is free for
// other requests between pages however slowly the file is downloaded. (Kysely's .stream() on
// better-sqlite3 would hold the connection's mutex until the last row was read.)

export const EXPORT_BATCH = 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** Column keys, in file order; headers are `exports.columns.<key>`. */
export const EXPORT_COLUMNS = [
  'id',
  'title',
  'status',
  'category',
  'area',
  'posterKind',
  'organisation',
  'department',
  'votes',
  'solutions',
  'pledges',
  'comments',
  'createdAt',
  'firstResponseAt',
  'solvedAt',
  'daysToFirstResponse',
  'daysToSolve',
  'url',
] as const

export function exportHeader(t: TFunction): string[] {
  return EXPORT_COLUMNS.map((key) => t(`exports.columns.${key}`))
}

function page(filters: ResolvedReportFilters, after: { created_at: string; id: number } | null) {
  let query = reportChallenges(filters)
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .leftJoin('organisations as poster_org', 'poster_org.id', 'challenges.organisation_id')
    .leftJoin('organisations as department', 'department.id', 'challenges.department_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.status',
      'challenges.poster_kind',
      'challenges.vote_count',
      'challenges.solution_count',
      'challenges.pledge_count',
      'challenges.comment_count',
      'challenges.created_at',
      'challenges.first_response_at',
      'challenges.solved_at',
      'categories.name_sv as category_sv',
      'categories.name_en as category_en',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
      'poster_org.name as organisation_name',
      'department.name as department_name',
    ])
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('challenges.created_at', 'challenges.id'),
        '>',
        eb.tuple(after.created_at, after.id),
      ),
    )
  }
  return query
    .orderBy('challenges.created_at')
    .orderBy('challenges.id')
    .limit(EXPORT_BATCH)
    .execute()
}

type Row = Awaited<ReturnType<typeof page>>[number]

/** ISO 8601 UTC to the second: Excel and LibreOffice read it; the header says UTC. */
function stamp(value: string | null): string {
  return value ? isoUtc(value).replace(/\.\d{3}Z$/, 'Z') : ''
}

/** Whole days and tenths between two timestamps; null when either is missing. */
function daysBetween(from: string, to: string | null): number | null {
  if (!to) return null
  const ms = Date.parse(isoUtc(to)) - Date.parse(isoUtc(from))
  return Number.isFinite(ms) ? Math.round((ms / DAY_MS) * 10) / 10 : null
}

function cells(row: Row, locale: Locale, t: TFunction): CsvCell[] {
  return [
    row.id,
    row.title,
    t(`status.${row.status}`),
    locale === 'en' ? row.category_en : row.category_sv,
    locale === 'en' ? row.area_en : row.area_sv,
    t(`posterKinds.${row.poster_kind}`),
    row.organisation_name,
    row.department_name,
    row.vote_count,
    row.solution_count,
    row.pledge_count,
    row.comment_count,
    stamp(row.created_at),
    stamp(row.first_response_at),
    stamp(row.solved_at),
    daysBetween(row.created_at, row.first_response_at),
    daysBetween(row.created_at, row.solved_at),
    challengeUrl(row.id),
  ]
}

/**
 * The export's rows as CSV cells in the user's language, oldest first, read lazily a page at
 * a time (see the note at the top of this file).
 */
export async function* reportExportRows(
  filters: ResolvedReportFilters,
  locale: Locale,
  t: TFunction,
): AsyncGenerator<CsvCell[]> {
  let after: { created_at: string; id: number } | null = null
  for (;;) {
    const rows = await page(filters, after)
    for (const row of rows) yield cells(row, locale, t)
    if (rows.length < EXPORT_BATCH) return
    const last = rows[rows.length - 1]!
    after = { created_at: last.created_at, id: last.id }
  }
}

/** The audit trail of an export: who took which filters, and how many rows left. */
export function recordReportExport(input: {
  userId: number
  filters: ReportFilters
  rows: number
  complete: boolean
  ip: string | null
}) {
  return recordAudit(db, {
    actorId: input.userId,
    action: 'report_exported',
    subjectType: 'report',
    after: { filters: input.filters, rows: input.rows, complete: input.complete },
    ip: input.ip,
  })
}
