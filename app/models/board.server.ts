import type { BoardParams } from '~/forms/board'
import { listChallenges, type BoardQuery } from '~/models/challenge.server'
import { cardPhotos, toCard } from '~/models/challenge-card.server'
import { listChallengePlaces } from '~/models/challenge-places.server'
import { highlightTitles, matchAll } from '~/models/search.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { sharedReads } from '~/services/shared-reads.server'

export class UnknownFilter extends Error {}

type Named = { id: number; slug: string }

/**
 * The board's filters with the category and area slugs as ids, found in the lists given; an
 * unknown slug is refused. The board, its map, the API and the feed all filter through it.
 */
export function boardFilters(
  params: BoardParams,
  categories: readonly Named[],
  areas: readonly Named[],
): Omit<BoardQuery, 'sort' | 'page'> {
  const category = params.category ? categories.find((c) => c.slug === params.category) : undefined
  const area = params.area ? areas.find((a) => a.slug === params.area) : undefined
  if ((params.category && !category) || (params.area && !area)) throw new UnknownFilter()
  return {
    q: params.q,
    categoryId: category?.id,
    areaId: area?.id,
    status: params.status,
    by: params.by,
  }
}

/**
 * The board's query for the parsed params, the page aside, with the categories and areas its
 * filters offer. The list and the map both read it, so they always show the same challenges.
 */
async function resolveFilters(params: BoardParams) {
  const [categories, areas] = await Promise.all([listCategories(), listAreas()])
  const query = { ...boardFilters(params, categories, areas), sort: params.sort ?? 'new' }
  return { categories, areas, query }
}

/**
 * One page of the board for a parsed query: cards with their titles' search hits marked. The
 * same for every reader, so kept until the next write (shared-reads.server.ts).
 */
export function getBoardPage(params: BoardParams, locale: string) {
  return sharedReads.read(JSON.stringify(['board', params, locale]), () =>
    loadBoardPage(params, locale),
  )
}

async function loadBoardPage(params: BoardParams, locale: string) {
  const { categories, areas, query } = await resolveFilters(params)

  const page = params.page ?? 1
  const result = await listChallenges({ ...query, page })
  const match = params.q ? matchAll(params.q) : null
  const ids = result.items.map((i) => i.id)
  const highlights = match ? await highlightTitles(match, ids) : new Map()
  const photos = await cardPhotos(ids)
  return {
    page,
    hasNext: result.hasNext,
    items: result.items.map((item) => ({
      ...toCard(item, locale, photos.get(item.id)),
      titleParts: highlights.get(item.id) ?? null,
    })),
    categories,
    areas,
  }
}

/**
 * The board's map view for a parsed query (the page number does not apply): the matching
 * challenges that have coordinates, and how many match without them.
 */
export function getBoardMap(params: BoardParams, locale: string) {
  return sharedReads.read(JSON.stringify(['map', params, locale]), () =>
    loadBoardMap(params, locale),
  )
}

async function loadBoardMap(params: BoardParams, locale: string) {
  const { categories, areas, query } = await resolveFilters(params)
  const places = await listChallengePlaces(query)
  const en = locale === 'en'
  return {
    points: places.points.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      lat: p.lat,
      lng: p.lng,
      place: p.place_text,
      area: en ? p.area_en : p.area_sv,
    })),
    more: places.more,
    withoutPlace: places.withoutPlace,
    withoutPlaceMore: places.withoutPlaceMore,
    categories,
    areas,
  }
}
