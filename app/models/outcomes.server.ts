import { sql } from 'kysely'
import { db } from '~/db.server'
import { daysBetween as sqlDaysBetween } from '~/models/dialect.server'
import { OUTCOME_GROUPS, type OutcomeGroup } from '~/forms/outcomes'
import { countFixedAnswers } from '~/models/fixed-question.server'
import { fetchPage } from '~/models/paging.server'

export const OUTCOMES_PAGE_SIZE = 20
/** Like the board: deep pages are not offered. */
export const OUTCOMES_MAX_PAGE = 50
const DAY = 86_400_000

/** Whole days between two ISO times, never negative. */
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / DAY))

/**
 * Public outcomes only: hidden and merged challenges never show, and the groups leave out
 * pending, rejected and open ones by their status.
 */
function publicGroup(group: OutcomeGroup) {
  return db
    .selectFrom('challenges')
    .where('challenges.status', '=', group)
    .where('challenges.hidden_at', 'is', null)
    .where('challenges.merged_into_id', 'is', null)
}

/** How many public challenges each group holds, and the median days from posting to solved. */
export async function getOutcomeSummary() {
  const [rows, median] = await Promise.all([
    db
      .selectFrom('challenges')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', [...OUTCOME_GROUPS])
      .where('hidden_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .groupBy('status')
      .execute(),
    // SQLite has no median(): take the middle one (odd count) or the middle two (even count)
    // of the sorted durations and average them (the same query runs on PostgreSQL).
    sql<{ median: number | null }>`
      with solved as (
        select ${sqlDaysBetween(sql.ref('created_at'), sql.ref('solved_at'))} as days
        from challenges
        where status = 'solved' and hidden_at is null and merged_into_id is null
          and solved_at is not null
      )
      select avg(days) as median from (
        select days from solved order by days
        limit (2 - (select count(*) from solved) % 2)
        offset (((select count(*) from solved) - 1) / 2)
      ) as middle`.execute(db),
  ])
  const counts = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<
    OutcomeGroup,
    number
  >
  for (const row of rows) counts[row.status as OutcomeGroup] = Number(row.n)
  const days = median.rows[0]?.median
  return {
    counts,
    medianDaysToSolve: days === null || days === undefined ? null : Math.max(0, Math.round(days)),
  }
}

interface Named {
  organisation_name: string | null
  organisation_slug: string | null
  user_id: number | null
  user_name: string | null
}

/**
 * Who, as the challenge page shows it: an organisation by name and profile link, a resident by
 * their name, and a deleted account as `former: true` (the page says "former member").
 */
export interface OutcomePerson {
  name: string | null
  slug: string | null
  former: boolean
}

function who(rows: Named[]): OutcomePerson[] {
  const seen = new Set<string>()
  const out: OutcomePerson[] = []
  for (const r of rows) {
    const key = r.organisation_slug ? `o:${r.organisation_slug}` : `u:${r.user_id ?? 'former'}`
    if (seen.has(key)) continue
    seen.add(key)
    if (r.organisation_slug)
      out.push({ name: r.organisation_name, slug: r.organisation_slug, former: false })
    else if (r.user_id !== null && r.user_name !== null)
      out.push({ name: r.user_name, slug: null, former: false })
    else out.push({ name: null, slug: null, former: true })
  }
  return out
}

/**
 * One page of one group, newest outcome first (solved: by when it was solved; the others: by
 * their last change), with who solved it or took it on, how long it took, or why it was closed.
 * Only this page's ids are looked up for the details.
 */
export async function listOutcomes(group: OutcomeGroup, page: number, locale: string) {
  const en = locale === 'en'
  let qb = publicGroup(group)
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.closed_reason',
      'challenges.created_at',
      'challenges.updated_at',
      'challenges.solved_at',
      'categories.name_sv as category_sv',
      'categories.name_en as category_en',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
    ])
  qb =
    group === 'solved'
      ? qb.orderBy('challenges.solved_at', 'desc').orderBy('challenges.id', 'desc')
      : qb.orderBy('challenges.updated_at', 'desc').orderBy('challenges.id', 'desc')
  const { items, hasNext } = await fetchPage(qb, {
    page,
    size: OUTCOMES_PAGE_SIZE,
    maxPage: OUTCOMES_MAX_PAGE,
  })
  const ids = items.map((r) => r.id)
  const now = new Date().toISOString()

  // What people answered to "is it fixed?", for the solved group's column.
  const fixed = group === 'solved' ? await countFixedAnswers(ids) : null
  const [solvers, pledges, closings] = ids.length
    ? await Promise.all([
        group === 'solved'
          ? db
              .selectFrom('challenge_solvers')
              .leftJoin('organisations', 'organisations.id', 'challenge_solvers.organisation_id')
              .leftJoin('users', 'users.id', 'challenge_solvers.user_id')
              .select([
                'challenge_solvers.challenge_id',
                'challenge_solvers.user_id',
                'organisations.name as organisation_name',
                'organisations.slug as organisation_slug',
                'users.name as user_name',
              ])
              .where('challenge_solvers.challenge_id', 'in', ids)
              .orderBy('challenge_solvers.id')
              .execute()
          : [],
        group === 'in_progress'
          ? db
              .selectFrom('pledges')
              .leftJoin('organisations', 'organisations.id', 'pledges.organisation_id')
              .leftJoin('users', 'users.id', 'pledges.user_id')
              .select([
                'pledges.challenge_id',
                'pledges.user_id',
                'pledges.created_at',
                'organisations.name as organisation_name',
                'organisations.slug as organisation_slug',
                'users.name as user_name',
              ])
              .where('pledges.challenge_id', 'in', ids)
              .where('pledges.status', '=', 'active')
              .where('pledges.held_at', 'is', null)
              .orderBy('pledges.id')
              .execute()
          : [],
        group === 'closed'
          ? db
              .selectFrom('challenge_status_history')
              .select(['challenge_id', 'message', 'created_at'])
              .where('challenge_id', 'in', ids)
              .where('to_status', '=', 'closed')
              .orderBy('id', 'desc')
              .execute()
          : [],
      ])
    : [[], [], []]

  return {
    hasNext,
    items: items.map((r) => {
      const base = {
        id: r.id,
        title: r.title,
        category: en ? r.category_en : r.category_sv,
        area: en ? r.area_en : r.area_sv,
        created_at: r.created_at,
      }
      if (group === 'solved') {
        const solvedAt = r.solved_at ?? r.updated_at
        return {
          ...base,
          at: solvedAt,
          days: daysBetween(r.created_at, solvedAt),
          people: who(solvers.filter((s) => s.challenge_id === r.id)),
          reason: null,
          fixed: fixed?.get(r.id) ?? { fixed: 0, notFixed: 0 },
        }
      }
      if (group === 'in_progress') {
        const own = pledges.filter((p) => p.challenge_id === r.id)
        // Taken on since the first active pledge (or, without one, since the last change).
        const since = own[0]?.created_at ?? r.updated_at
        return {
          ...base,
          at: since,
          days: daysBetween(since, now),
          people: who(own),
          reason: null,
          fixed: null,
        }
      }
      const closing = closings.find((c) => c.challenge_id === r.id)
      return {
        ...base,
        at: closing?.created_at ?? r.updated_at,
        days: null,
        people: [] as OutcomePerson[],
        // The reason given when it was closed: 'withdrawn' is translated by the page.
        reason: r.closed_reason ?? closing?.message ?? null,
        fixed: null,
      }
    }),
  }
}
