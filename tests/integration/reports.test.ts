import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { resolveReportFilters } from '~/models/report-filters.server'
import { getReport, mondayOf, weeksBetween } from '~/models/reports.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'

const DAY = 86_400_000
const at = (iso: string, plusDays: number) =>
  new Date(Date.parse(iso) + plusDays * DAY).toISOString()

async function place(
  id: number,
  values: Partial<{
    created_at: string
    status: 'pending' | 'open' | 'in_progress' | 'solved' | 'closed' | 'rejected'
    department_id: number | null
    first_response_at: string | null
    solved_at: string | null
    vote_count: number
    hidden_at: string | null
  }>,
) {
  await db
    .updateTable('challenges')
    .set(values as never)
    .where('id', '=', id)
    .execute()
}

describe('weeks', () => {
  it('start on Monday', () => {
    expect(mondayOf('2026-03-01')).toBe('2026-02-23') // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02')
    expect(weeksBetween('2026-03-01', '2026-03-10')).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ])
  })
})

describe('getReport', () => {
  it('counts, medians and 90th percentiles match known data', async () => {
    const taxonomy = await createTaxonomy()
    const author = await createUser()
    const department = await createOrganisation({ kind: 'municipality', name: 'Gatukontoret' })
    const solver = await createOrganisation({ name: 'Cykelfixarna AB' })
    const base = '2026-01-05T10:00:00.000Z' // a Monday
    // Ten routed challenges responded to after 1…10 days; three of them solved after 10, 20, 30.
    const routed: number[] = []
    for (let i = 1; i <= 10; i++) {
      const id = await createChallengeFor(author.id, {
        categoryId: taxonomy.categoryId,
        areaId: taxonomy.areaId,
      })
      routed.push(id)
      await place(id, {
        created_at: base,
        department_id: department.id,
        first_response_at: at(base, i),
        status: i <= 3 ? 'solved' : 'open',
        solved_at: i <= 3 ? at(base, i * 10) : null,
        vote_count: i,
      })
    }
    // Two not routed, a week later, never answered; one hidden (not counted).
    const unrouted = []
    for (let i = 0; i < 3; i++) {
      const id = await createChallengeFor(author.id, {
        categoryId: taxonomy.categoryId,
        areaId: taxonomy.areaId,
      })
      unrouted.push(id)
      await place(id, {
        created_at: at(base, 7),
        status: 'in_progress',
        hidden_at: i === 2 ? base : null,
      })
    }
    await db
      .insertInto('challenge_solvers')
      .values(
        routed.slice(0, 3).map((id) => ({
          challenge_id: id,
          organisation_id: solver.id,
          solution_id: null,
          user_id: null,
        })),
      )
      .execute()

    const filters = await resolveReportFilters({
      from: '2026-01-01',
      to: '2026-01-31',
      category: taxonomy.categorySlug,
    })
    const report = await getReport(filters, new Date('2026-02-10T10:00:00.000Z'))

    expect(report.total).toBe(12)
    const weekOf = (w: string) => report.weeks.find((x) => x.week === w)!
    expect(report.weeks[0]!.week).toBe('2025-12-29')
    expect(weekOf('2026-01-05').counts).toMatchObject({ solved: 3, open: 7 })
    expect(weekOf('2026-01-12').counts.in_progress).toBe(2)
    expect(report.categories).toEqual([
      expect.objectContaining({ slug: taxonomy.categorySlug, count: 12 }),
    ])
    expect(report.areas[0]!.count).toBe(12)

    const routedRow = report.departments.find((d) => d.id === department.id)!
    expect(routedRow).toMatchObject({ name: 'Gatukontoret', count: 10, responded: 10, solved: 3 })
    // Nearest rank: median of 1…10 is the 5th value, p90 the 9th; of 10, 20, 30: 20 and 30.
    expect(routedRow.responseMedian).toBeCloseTo(5, 6)
    expect(routedRow.responseP90).toBeCloseTo(9, 6)
    expect(routedRow.solveMedian).toBeCloseTo(20, 6)
    expect(routedRow.solveP90).toBeCloseTo(30, 6)
    const notRouted = report.departments.find((d) => d.id === null)!
    expect(notRouted).toMatchObject({ count: 2, responded: 0, responseMedian: null })
    expect(report.departments.at(-1)!.id).toBeNull()

    // Backlog on 10 Feb: 7 open from 5 Jan (36 days: 1–3 months), 2 in progress from 12 Jan (29 days).
    expect(Object.fromEntries(report.backlog.map((b) => [b.bucket, b.count]))).toEqual({
      week: 0,
      month: 2,
      quarter: 7,
      year: 0,
      older: 0,
    })
    expect(report.solved).toBe(3)
    expect(report.solvers).toEqual([expect.objectContaining({ id: solver.id, count: 3 })])
    expect(report.topOpen.map((c) => c.votes).slice(0, 3)).toEqual([10, 9, 8])
    expect(report.topOpen.every((c) => c.status === 'open' || c.status === 'in_progress')).toBe(
      true,
    )
  })

  it('counts per area the challenges with coordinates and without, within the filters', async () => {
    const north = await createTaxonomy()
    const south = await createTaxonomy()
    const author = await createUser()
    const base = '2026-05-05T10:00:00.000Z'
    const make = async (
      areaId: number,
      values: {
        lat?: number
        lng?: number
        place_text?: string
        hidden?: boolean
        before?: boolean
      },
    ) => {
      const id = await createChallengeFor(author.id, { categoryId: north.categoryId, areaId })
      await place(id, {
        created_at: values.before ? '2026-04-01T10:00:00.000Z' : base,
        hidden_at: values.hidden ? base : null,
      })
      await db
        .updateTable('challenges')
        .set({
          lat: values.lat ?? null,
          lng: values.lng ?? null,
          place_text: values.place_text ?? null,
        })
        .where('id', '=', id)
        .execute()
    }
    // North: two with coordinates, one with words only, one bare; a hidden one and one posted
    // before the range have coordinates but are not counted.
    await make(north.areaId, { lat: 59.33, lng: 18.06 })
    await make(north.areaId, { lat: 59.3301, lng: 18.0601, place_text: 'Torget' })
    await make(north.areaId, { place_text: 'Bakom skolan' })
    await make(north.areaId, {})
    await make(north.areaId, { lat: 59.34, lng: 18.07, hidden: true })
    await make(north.areaId, { lat: 59.34, lng: 18.07, before: true })
    // South: none with coordinates.
    await make(south.areaId, {})

    const filters = await resolveReportFilters({
      from: '2026-05-01',
      to: '2026-05-31',
      category: north.categorySlug,
    })
    const report = await getReport(filters)
    expect(report.total).toBe(5)
    const bySlug = Object.fromEntries(report.places.map((p) => [p.slug, p]))
    expect(bySlug[north.areaSlug]).toMatchObject({ located: 2, unlocated: 2 })
    expect(bySlug[south.areaSlug]).toMatchObject({ located: 0, unlocated: 1 })
    // The same areas as "by area", in its order.
    expect(report.places.map((p) => p.id)).toEqual(report.areas.map((a) => a.id))

    const onlySouth = await getReport(
      await resolveReportFilters({
        from: '2026-05-01',
        to: '2026-05-31',
        category: north.categorySlug,
        area: south.areaSlug,
      }),
    )
    expect(onlySouth.places).toEqual([expect.objectContaining({ located: 0, unlocated: 1 })])
    const empty = await getReport(
      await resolveReportFilters({
        from: '2026-06-01',
        to: '2026-06-02',
        category: north.categorySlug,
      }),
    )
    expect(empty.places).toEqual([])
  })

  it('counts engagement by the activity date, on challenges matching the filters', async () => {
    const taxonomy = await createTaxonomy()
    const author = await createUser()
    const voters = [await createUser(), await createUser(), await createUser()]
    // Posted long before the range: its activity in the range still counts.
    const id = await createChallengeFor(author.id, {
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
    await place(id, { created_at: '2025-06-01T10:00:00.000Z' })
    await db
      .insertInto('challenge_votes')
      .values([
        { challenge_id: id, user_id: voters[0]!.id, created_at: '2026-04-07T09:00:00.000Z' },
        { challenge_id: id, user_id: voters[1]!.id, created_at: '2026-04-08T09:00:00.000Z' },
        { challenge_id: id, user_id: voters[2]!.id, created_at: '2026-04-15T09:00:00.000Z' },
      ] as never)
      .execute()
    await db
      .insertInto('comments')
      .values({
        challenge_id: id,
        solution_id: null,
        parent_id: null,
        author_id: voters[0]!.id,
        body_md: 'Håller med',
        body_html: '<p>Håller med</p>',
        deleted_at: null,
        hidden_at: null,
        hidden_reason: null,
        edited_at: null,
        created_at: '2026-04-09T09:00:00.000Z',
      } as never)
      .execute()
    const filters = await resolveReportFilters({
      from: '2026-04-06',
      to: '2026-04-19',
      category: taxonomy.categorySlug,
    })
    const report = await getReport(filters)
    expect(report.total).toBe(0)
    expect(report.engagement).toEqual([
      { week: '2026-04-06', activeUsers: 2, votes: 2, comments: 1 },
      { week: '2026-04-13', activeUsers: 1, votes: 1, comments: 0 },
    ])
  })

  it("counts the town's days and weeks: 23:30 UTC on Sunday is already Monday in Stockholm", async () => {
    const author = await createUser()
    const sundayEvening = await createChallengeFor(author.id)
    const mondayNight = await createChallengeFor(author.id)
    // Sunday 8 March 2026, 22:30 in Stockholm (UTC+1), and Monday 9 March, 00:30 in Stockholm.
    await place(sundayEvening, { created_at: '2026-03-08T21:30:00.000Z', status: 'open' })
    await place(mondayNight, { created_at: '2026-03-08T23:30:00.000Z', status: 'open' })
    const week = await getReport(
      await resolveReportFilters({ from: '2026-03-02', to: '2026-03-15' }),
    )
    const counts = Object.fromEntries(week.weeks.map((w) => [w.week, w.total]))
    expect(counts['2026-03-02']).toBe(1)
    expect(counts['2026-03-09']).toBe(1)
    // A range of Monday 9 March alone holds the challenge posted at 00:30 on that day.
    const day = await getReport(
      await resolveReportFilters({ from: '2026-03-09', to: '2026-03-09' }),
    )
    expect(day.total).toBe(1)
  })
})
