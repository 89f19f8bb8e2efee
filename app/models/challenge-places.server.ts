import { sql } from 'kysely'
import { boardBase, orderBoard, type BoardQuery } from '~/models/challenge.server'

/**
 * The board's map shows at most this many challenges: enough for a town's open challenges, few
 * enough that the page (markers and the list beside them) stays light. More are told, not shown.
 */
export const MAP_POINTS_MAX = 500

/**
 * The challenges on the board's map for a filter, in the board's order: those with coordinates
 * (up to MAP_POINTS_MAX, and whether there were more), and how many match but have none.
 */
export async function listChallengePlaces(query: Omit<BoardQuery, 'page'>) {
  const base = boardBase({ ...query, trending: query.sort === 'trending' })
  if (!base) return { points: [], more: false, withoutPlace: 0 }
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
    counted
      .where((eb) => eb.or([eb('challenges.lat', 'is', null), eb('challenges.lng', 'is', null)]))
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
    withoutPlace: Number(missing.n),
  }
}
