import { sql } from 'kysely'
import type { ChallengeStatus } from '#db/schema'
import { db } from '~/db.server'
import { daysBetween, greatest, unindexed, utcHourText } from '~/models/dialect.server'
import { ACTIVE_STATUSES } from '~/models/challenge-constants'
import { firstShiftingUtcHour, townDayOfUtcHour, townMidnight } from '~/services/town-time'
import {
  BACKLOG_BUCKETS,
  REPORT_STATUSES,
  TOP_LIMIT,
  type BacklogBucket,
  type DepartmentTimes,
  type EngagementWeek,
  type PlaceCount,
  type ReportData,
  type StatusWeek,
  type TaxonomyCount,
} from '~/models/report-constants'
import {
  isNarrowed,
  narrowToFilters,
  reportChallenges,
  type ResolvedReportFilters,
} from '~/models/report-filters.server'

const DAY_MS = 86_400_000

/** The Monday of the ISO week holding `day` (YYYY-MM-DD, a calendar date). */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const back = (date.getUTCDay() + 6) % 7
  return new Date(date.getTime() - back * DAY_MS).toISOString().slice(0, 10)
}

/** Every week's Monday from the week holding `from` to the week holding `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = []
  const end = Date.parse(`${mondayOf(to)}T00:00:00Z`)
  for (let t = Date.parse(`${mondayOf(from)}T00:00:00Z`); t <= end; t += 7 * DAY_MS)
    weeks.push(new Date(t).toISOString().slice(0, 10))
  return weeks
}

interface Counted {
  weeks: StatusWeek[]
  categories: Map<number, number>
  areas: Map<number, number>
}

/**
 * The counted challenges per day (late hours apart) and status, and per category and area: two
 * passes over the report index. Grouping by text is far cheaper than computing each row's week
 * in SQL (date() per row); the groups are folded into the town's days and weeks here.
 */
async function countChallenges(filters: ResolvedReportFilters): Promise<Counted> {
  const late = String(firstShiftingUtcHour()).padStart(2, '0')
  const hour = utcHourText(sql.ref('challenges.created_at'))
  const [bySlot, byPlace] = await Promise.all([
    reportChallenges(filters)
      .select([
        // The day, with the UTC hour only for the late hours that may be the town's next day:
        // a few thousand groups at most instead of one per hour.
        sql<string>`substr(${hour}, 1, 10) || case
          when substr(${hour}, 12, 2) >= ${late} then 'T' || substr(${hour}, 12, 2)
          else '' end`.as('slot'),
        'challenges.status',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['slot', 'challenges.status'])
      .execute(),
    reportChallenges(filters)
      .select([
        // Unindexed: keeps SQLite from reading the category index instead of the report index.
        unindexed<number>('challenges.category_id').as('category'),
        unindexed<number>('challenges.area_id').as('area'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['category', 'area'])
      .execute(),
  ])
  const byWeek = new Map<string, StatusWeek>()
  for (const week of weeksBetween(filters.from, filters.to)) {
    byWeek.set(week, {
      week,
      total: 0,
      counts: Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<
        ChallengeStatus,
        number
      >,
    })
  }
  const dayOf = townDayOfUtcHour()
  for (const row of bySlot) {
    const day = row.slot.length > 10 ? dayOf(row.slot) : row.slot
    const entry = byWeek.get(mondayOf(day))
    if (!entry) continue
    entry.counts[row.status] += row.n
    entry.total += row.n
  }
  const categories = new Map<number, number>()
  const areas = new Map<number, number>()
  for (const row of byPlace) {
    categories.set(row.category, (categories.get(row.category) ?? 0) + row.n)
    areas.set(row.area, (areas.get(row.area) ?? 0) + row.n)
  }
  return { weeks: [...byWeek.values()], categories, areas }
}

async function named(
  table: 'categories' | 'areas',
  counts: Map<number, number>,
): Promise<TaxonomyCount[]> {
  if (!counts.size) return []
  const names = await db
    .selectFrom(table)
    .select(['id', 'slug', 'name_sv', 'name_en'])
    .where('id', 'in', [...counts.keys()])
    .execute()
  return names
    .map((n) => ({ ...n, count: counts.get(n.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name_sv.localeCompare(b.name_sv, 'sv'))
}

/**
 * The areas' counts split by whether the challenge has coordinates. Only the located ones are
 * counted here (the area totals come from the report index already); reading `lat` looks each
 * counted row up, so this is the one pass that leaves the index.
 */
async function places(
  filters: ResolvedReportFilters,
  areas: TaxonomyCount[],
): Promise<PlaceCount[]> {
  const rows = await reportChallenges(filters)
    .select([
      unindexed<number>('challenges.area_id').as('area'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('challenges.lat', 'is not', null)
    .where('challenges.lng', 'is not', null)
    .groupBy('area')
    .execute()
  const located = new Map(rows.map((r) => [r.area, Number(r.n)]))
  return areas.map((a) => {
    const n = Math.min(located.get(a.id) ?? 0, a.count)
    return {
      id: a.id,
      slug: a.slug,
      name_sv: a.name_sv,
      name_en: a.name_en,
      located: n,
      unlocated: a.count - n,
    }
  })
}

interface PercentileRow {
  dep: number | null
  n: number
  median: number | null
  p90: number | null
}

/**
 * Median and 90th percentile (nearest rank: the value at position ⌈p·n⌉ in ascending order) of
 * a duration in days, per department, computed in SQL with window functions.
 */
async function durationPercentiles(
  filters: ResolvedReportFilters,
  end: 'first_response_at' | 'solved_at',
): Promise<PercentileRow[]> {
  const durations = reportChallenges(filters)
    .select([
      'challenges.department_id as dep',
      greatest(
        sql`0`,
        daysBetween(sql.ref('challenges.created_at'), sql.ref(`challenges.${end}`)),
      ).as('dur'),
    ])
    .where(`challenges.${end}`, 'is not', null)
  const { rows } = await sql<PercentileRow>`
    select dep, n,
      min(case when rn = (n + 1) / 2 then dur end) as median,
      min(case when rn = (9 * n + 9) / 10 then dur end) as p90
    from (
      select dep, dur,
        row_number() over (partition by dep order by dur) as rn,
        count(*) over (partition by dep) as n
      from (${durations}) as d
    ) as ranked
    group by dep, n`.execute(db)
  return rows
}

async function departmentTimes(filters: ResolvedReportFilters): Promise<DepartmentTimes[]> {
  const [counts, response, solve] = await Promise.all([
    reportChallenges(filters)
      .select(['challenges.department_id as dep', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('challenges.department_id')
      .execute(),
    durationPercentiles(filters, 'first_response_at'),
    durationPercentiles(filters, 'solved_at'),
  ])
  if (!counts.length) return []
  const ids = counts.map((c) => c.dep).filter((id): id is number => id !== null)
  const names = ids.length
    ? await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()
    : []
  const nameOf = new Map(names.map((n) => [n.id, n.name]))
  const responseOf = new Map(response.map((r) => [r.dep, r]))
  const solveOf = new Map(solve.map((r) => [r.dep, r]))
  return counts
    .map((c) => {
      const r = responseOf.get(c.dep)
      const s = solveOf.get(c.dep)
      return {
        id: c.dep,
        name: c.dep === null ? null : (nameOf.get(c.dep) ?? String(c.dep)),
        count: c.n,
        responded: r?.n ?? 0,
        responseMedian: r?.median ?? null,
        responseP90: r?.p90 ?? null,
        solved: s?.n ?? 0,
        solveMedian: s?.median ?? null,
        solveP90: s?.p90 ?? null,
      }
    })
    .sort((a, b) =>
      a.id === null ? 1 : b.id === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'sv'),
    )
}

async function backlog(filters: ResolvedReportFilters, now: Date) {
  // "Younger than 7 days" is "posted after now minus 7 days": compare the ISO text with these
  // instants instead of computing every row's age.
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()
  const [d7, d30, d91, d365] = [since(7), since(30), since(91), since(365)]
  const at = sql.ref('challenges.created_at')
  const row = await reportChallenges(filters)
    .select([
      sql<number>`count(*) filter (where ${at} > ${d7})`.as('week'),
      sql<number>`count(*) filter (where ${at} <= ${d7} and ${at} > ${d30})`.as('month'),
      sql<number>`count(*) filter (where ${at} <= ${d30} and ${at} > ${d91})`.as('quarter'),
      sql<number>`count(*) filter (where ${at} <= ${d91} and ${at} > ${d365})`.as('year'),
      sql<number>`count(*) filter (where ${at} <= ${d365})`.as('older'),
    ])
    // Count from the report index rather than look rows up through the status index.
    .where(unindexed('challenges.status'), 'in', ['pending', ...ACTIVE_STATUSES])
    .executeTakeFirstOrThrow()
  return BACKLOG_BUCKETS.map((bucket: BacklogBucket) => ({ bucket, count: row[bucket] }))
}

async function solvers(filters: ResolvedReportFilters) {
  const counted = reportChallenges(filters).select('challenges.id')
  return db
    .selectFrom('challenge_solvers')
    .innerJoin('organisations', 'organisations.id', 'challenge_solvers.organisation_id')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.slug',
      sql<number>`count(distinct challenge_solvers.challenge_id)`.as('count'),
    ])
    .where('challenge_solvers.challenge_id', 'in', counted)
    .groupBy('organisations.id')
    .orderBy('count', 'desc')
    .orderBy('organisations.name')
    .limit(TOP_LIMIT)
    .execute()
}

/** What people answered to "is it fixed?" about the counted challenges. */
async function fixedAnswers(filters: ResolvedReportFilters) {
  const counted = reportChallenges(filters).select('challenges.id')
  const row = await db
    .selectFrom('fixed_answers')
    .select([
      sql<number>`count(*) filter (where fixed)`.as('fixed'),
      sql<number>`count(*) filter (where not fixed)`.as('not_fixed'),
    ])
    .where('fixed_answers.challenge_id', 'in', counted)
    .executeTakeFirstOrThrow()
  return { fixed: Number(row.fixed), notFixed: Number(row.not_fixed) }
}

async function topOpen(filters: ResolvedReportFilters) {
  // Rank on the report index alone (it holds vote_count), then read the ten rows' titles:
  // selecting the title in the ranking would look up every counted row.
  const top = reportChallenges(filters)
    .select('challenges.id')
    .where(unindexed('challenges.status'), 'in', [...ACTIVE_STATUSES])
    .orderBy('challenges.vote_count', 'desc')
    .orderBy('challenges.id', 'desc')
    .limit(TOP_LIMIT)
  return db
    .selectFrom('challenges')
    .select(['id', 'title', 'status', 'vote_count as votes'])
    .where('id', 'in', top)
    .orderBy('vote_count', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/**
 * Engagement per week: votes, comments and active users (distinct people who posted a
 * challenge, a solution or a comment, or voted), counting activity dated within the range (not
 * the challenge's date) on challenges matching the other filters. Activity on challenges hidden
 * or merged later still happened, so it counts. One query per week: a range count on the
 * (created_at, …) indexes is far cheaper than grouping a million rows by a computed week.
 */
async function engagement(filters: ResolvedReportFilters): Promise<EngagementWeek[]> {
  const narrowed = isNarrowed(filters)
  const scope = narrowToFilters(db.selectFrom('challenges').select('challenges.id'), filters)
  const onScope = narrowed ? sql`and challenge_id in (${scope})` : sql``
  const posted = (from: string, to: string) =>
    narrowToFilters(
      db
        .selectFrom('challenges')
        .select('challenges.author_id')
        .where('challenges.created_at', '>=', from)
        .where('challenges.created_at', '<', to)
        .where('challenges.author_id', 'is not', null),
      filters,
    )

  const all = weeksBetween(filters.from, filters.to)
  // Whole weeks on the unfiltered board: the people come from the weekly_active_users rollup
  // (kept by triggers) instead of a distinct count over every vote of the week.
  const rollup = new Map<string, number>()
  if (!narrowed) {
    const counted = await db
      .selectFrom('weekly_active_users')
      .select(['week', (eb) => eb.fn.countAll<number>().as('n')])
      .where('week', '>=', all[0]!)
      .where('week', '<=', all[all.length - 1]!)
      .groupBy('week')
      .execute()
    for (const row of counted) rollup.set(row.week, row.n)
  }

  const weeks: EngagementWeek[] = []
  for (const week of all) {
    const monday = townMidnight(week)
    const next = townMidnight(
      new Date(Date.parse(`${week}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10),
    )
    const from = monday < filters.fromTs ? filters.fromTs : monday
    const to = next > filters.toTs ? filters.toTs : next
    const fromRollup = !narrowed && from === monday && to === next
    const people = fromRollup
      ? sql`${sql.lit(rollup.get(week) ?? 0)}`
      : sql`(select count(distinct user_id) from (
          select user_id from challenge_votes
            where created_at >= ${from} and created_at < ${to} ${onScope}
          union all
          select author_id from comments
            where created_at >= ${from} and created_at < ${to} and author_id is not null ${onScope}
          union all
          select author_id from solutions
            where created_at >= ${from} and created_at < ${to} and author_id is not null ${onScope}
          union all
          select author_id from (${posted(from, to)}) as posted
        ) as active)`
    const { rows } = await sql<{ votes: number; comments: number; users: number }>`
      select
        (select count(*) from challenge_votes
          where created_at >= ${from} and created_at < ${to} ${onScope}) as votes,
        (select count(*) from comments
          where created_at >= ${from} and created_at < ${to} ${onScope}) as comments,
        ${people} as users`.execute(db)
    const row = rows[0]!
    weeks.push({ week, activeUsers: row.users, votes: row.votes, comments: row.comments })
  }
  return weeks
}

/** Everything /reports shows, for the resolved filters. `now` dates the backlog's ages. */
export async function getReport(
  filters: ResolvedReportFilters,
  now = new Date(),
): Promise<ReportData> {
  // One SQLite connection: the queries run one after another whatever we do.
  const counted = await countChallenges(filters)
  const { weeks } = counted
  const total = weeks.reduce((sum, w) => sum + w.total, 0)
  const activity = await engagement(filters)
  if (total === 0) {
    return {
      total,
      weeks,
      categories: [],
      areas: [],
      places: [],
      departments: [],
      backlog: BACKLOG_BUCKETS.map((bucket) => ({ bucket, count: 0 })),
      solved: 0,
      solvers: [],
      fixedAnswers: { fixed: 0, notFixed: 0 },
      topOpen: [],
      engagement: activity,
    }
  }
  const areas = await named('areas', counted.areas)
  return {
    total,
    weeks,
    categories: await named('categories', counted.categories),
    areas,
    places: await places(filters, areas),
    departments: await departmentTimes(filters),
    backlog: await backlog(filters, now),
    solved: weeks.reduce((sum, w) => sum + w.counts.solved, 0),
    solvers: await solvers(filters),
    fixedAnswers: await fixedAnswers(filters),
    topOpen: await topOpen(filters),
    engagement: activity,
  }
}

const CACHE_MS = 60_000
const CACHE_SIZE = 50
const cache = new Map<string, { at: number; report: Promise<ReportData> }>()

/**
 * getReport, remembered for a minute per query: a dashboard is read again (printed, refreshed,
 * shared among moderators) far more often than its numbers change, and every computation holds
 * the one database connection for ~0.1 s (six months of 100,000 challenges) to ~0.5 s (five
 * years). The page says when its figures were computed.
 */
export async function getCachedReport(
  filters: ResolvedReportFilters,
): Promise<{ report: ReportData; computedAt: string }> {
  const key = JSON.stringify(filters)
  const now = Date.now()
  let entry = cache.get(key)
  if (!entry || now - entry.at > CACHE_MS) {
    entry = { at: now, report: getReport(filters, new Date(now)) }
    cache.delete(key)
    cache.set(key, entry)
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
    entry.report.catch(() => cache.delete(key))
  }
  return { report: await entry.report, computedAt: new Date(entry.at).toISOString() }
}
