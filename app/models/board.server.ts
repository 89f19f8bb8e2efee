import type { BoardParams } from '~/forms/board'
import { listChallenges } from '~/models/challenge.server'
import { cardPhotos, toCard } from '~/models/challenge-card.server'
import { highlightTitles, matchAll } from '~/models/search.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'

export class UnknownFilter extends Error {}

/** One page of the board for a parsed query: cards with their titles' search hits marked. */
export async function getBoardPage(params: BoardParams, locale: string) {
  const [categories, areas] = await Promise.all([listCategories(), listAreas()])
  const category = params.category ? categories.find((c) => c.slug === params.category) : undefined
  const area = params.area ? areas.find((a) => a.slug === params.area) : undefined
  if ((params.category && !category) || (params.area && !area)) throw new UnknownFilter()

  const page = params.page ?? 1
  const result = await listChallenges({
    q: params.q,
    categoryId: category?.id,
    areaId: area?.id,
    status: params.status,
    by: params.by,
    sort: params.sort ?? 'new',
    page,
  })
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
