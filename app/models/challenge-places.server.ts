import { sql } from 'kysely'
import { db } from '~/db.server'
import { boardBase, orderBoard, type BoardQuery } from '~/models/challenge.server'

/**
 * The board's map shows at most this many challenges: enough for a town's open challenges, few
 * enough that the page (markers and the list beside them) stays light. More are told, not shown.
 */
export const MAP_POINTS_MAX = 500

/**
 * Those without a place are counted up to this many: an exact count reads every matching row
 * (75–100 ms at 100,000 challenges), a bounded one stops early (7–25 ms); "more than 10,000"
 * says as much.
 */
export const WITHOUT_PLACE_COUNT_MAX = 10_000

/**
 * The challenges on the board's map for a filter, in the board's order: those with coordinates
 * (up to MAP_POINTS_MAX, and whether there were more), and how many match but have none (up to
 * WITHOUT_PLACE_COUNT_MAX, and whether there were more).
 */
export async function listChallengePlaces(query: Omit<BoardQuery, 'page'>) {
  const base = boardBase({ ...query, trending: query.sort === 'trending' })
  if (!base) return { points: [], more: false, withoutPlace: 0, withoutPlaceMore: false }
  // The "unsolved" sort narrows to open challenges (orderBoard); the count must narrow alike.
  const counted = query.sort === 'unsolved' ? base.where('challenges.status', '=', 'open') : base
  const [rows, missing] = await Promise.all([
    orderBoard(
      base
        .innerJoin('areas', 'areas.id', 'challenges.area_id')
        .where('challenges.lat', 'is not', null)
        .where('challenges.lng', 'is not', null)
        .select([
          'challenges.id',
          'challenges.title',
          'challenges.status',
          'challenges.lat',
          'challenges.lng',
          'challenges.place_text',
          'areas.name_sv as area_sv',
          'areas.name_en as area_en',
        ]),
      query.sort,
    )
      .limit(MAP_POINTS_MAX + 1)
      .execute(),
    db
      .selectFrom(
        counted
          .where((eb) =>
            eb.or([eb('challenges.lat', 'is', null), eb('challenges.lng', 'is', null)]),
          )
          .select('challenges.id')
          .limit(WITHOUT_PLACE_COUNT_MAX + 1)
          .as('missing'),
      )
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    points: rows.slice(0, MAP_POINTS_MAX).map((row) => ({
      ...row,
      // Both are non-null here (filtered above); the type does not know it.
      lat: row.lat as number,
      lng: row.lng as number,
    })),
    more: rows.length > MAP_POINTS_MAX,
    withoutPlace: Math.min(Number(missing.n), WITHOUT_PLACE_COUNT_MAX),
    withoutPlaceMore: Number(missing.n) > WITHOUT_PLACE_COUNT_MAX,
  }
}
