import { z } from 'zod'
import { POSTER_KINDS } from '~/models/challenge-constants'
import { townDay } from '~/services/town-time'

/** Longest range a report covers: five years of weekly bars is already more than a page holds. */
export const MAX_RANGE_DAYS = 5 * 366
/** The range a report shows when none is asked for. */
export const DEFAULT_RANGE_DAYS = 182
const EARLIEST = '2000-01-01'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'reports.errors.date')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'reports.errors.date')

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/, 'reports.errors.unknown')

/**
 * The reports' and the CSV export's query string: a date range (inclusive, the town's days) and the
 * same filters as the board, plus the department a challenge is routed to.
 */
export const ReportQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  category: slug.optional(),
  area: slug.optional(),
  department: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'reports.errors.unknown')
    .optional(),
  by: z.enum(POSTER_KINDS, { message: 'reports.errors.unknown' }).optional(),
})

export type ReportQueryValues = Partial<Record<keyof typeof ReportQuerySchema.shape, string>>

export interface ReportFilters {
  /** First day, inclusive, YYYY-MM-DD (the town's calendar). */
  from: string
  /** Last day, inclusive, YYYY-MM-DD (the town's calendar). */
  to: string
  category?: string
  area?: string
  department?: number
  by?: (typeof POSTER_KINDS)[number]
}

export type ReportQueryResult =
  | { ok: true; filters: ReportFilters; values: ReportQueryValues }
  | {
      ok: false
      values: ReportQueryValues
      errors: Partial<Record<keyof ReportQueryValues | 'form', string[]>>
    }

const DAY_MS = 24 * 60 * 60 * 1000

function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/**
 * Reads the query string. Errors are translation keys per field, so the page can show the
 * user's own input with a message next to each field; a repeated parameter is a form error.
 */
export function parseReportQuery(url: URL, now = new Date()): ReportQueryResult {
  const values: ReportQueryValues = {}
  for (const key of Object.keys(ReportQuerySchema.shape) as (keyof ReportQueryValues)[]) {
    const all = url.searchParams.getAll(key).filter((v) => v.trim() !== '')
    if (all.length > 1) return { ok: false, values, errors: { form: ['reports.errors.repeated'] } }
    if (all[0] !== undefined) values[key] = all[0].trim().slice(0, 100)
  }
  const parsed = ReportQuerySchema.safeParse(values)
  if (!parsed.success) {
    const errors: Partial<Record<keyof ReportQueryValues, string[]>> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ReportQueryValues
      errors[key] = [...new Set([...(errors[key] ?? []), issue.message])]
    }
    for (const key of ['from', 'to'] as const) {
      const typed = values[key]
      if (typed === undefined || !errors[key]?.includes('reports.errors.date')) continue
      // A date input cannot show what is not a date (the browser would empty it and the user
      // would not see what was wrong): the message quotes it and the field starts empty.
      errors[key] = [`reports.errors.notADate?${new URLSearchParams({ value: typed })}`]
      delete values[key]
    }
    return { ok: false, values, errors }
  }

  const today = townDay(now)
  const to = parsed.data.to ?? today
  const from = parsed.data.from ?? addDays(to, -DEFAULT_RANGE_DAYS + 1)
  const errors: Partial<Record<keyof ReportQueryValues, string[]>> = {}
  if (from < EARLIEST) errors.from = ['reports.errors.tooEarly']
  if (to > addDays(today, 366)) errors.to = ['reports.errors.tooLate']
  if (from > to) errors.to = ['reports.errors.reversed']
  else if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY_MS)
    errors.to = [`reports.errors.tooLong?max=${MAX_RANGE_DAYS}`]
  if (Object.keys(errors).length) return { ok: false, values, errors }

  const { category, area, department, by } = parsed.data
  return {
    ok: true,
    values,
    filters: {
      from,
      to,
      ...(category ? { category } : {}),
      ...(area ? { area } : {}),
      ...(department ? { department: Number(department) } : {}),
      ...(by ? { by } : {}),
    },
  }
}

/** The filters as a query string, for links (the CSV export, the next range). */
export function reportQueryString(filters: ReportFilters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  return params.toString()
}
