import type { BoardParams } from '~/forms/board'
import { listChallenges } from '~/models/challenge.server'
import { highlightTitles, matchAll } from '~/models/search.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'

export class UnknownFilter extends Error {}

type ListItem = Awaited<ReturnType<typeof listChallenges>>['items'][number]

/** What a card shows, in one language: the page ships only this to the browser. */
export function toCard(item: ListItem, locale: string) {
  const en = locale === 'en'
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    status: item.status,
    poster_kind: item.poster_kind,
    vote_count: item.vote_count,
    solution_count: item.solution_count,
    pledge_count: item.pledge_count,
    comment_count: item.comment_count,
    created_at: item.created_at,
    category: en ? item.category_en : item.category_sv,
    area: en ? item.area_en : item.area_sv,
    organisation_name: item.organisation_name,
  }
}

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
  const highlights = match
    ? await highlightTitles(
        match,
        result.items.map((i) => i.id),
      )
    : new Map()
  return {
    page,
    hasNext: result.hasNext,
    items: result.items.map((item) => ({
      ...toCard(item, locale),
      titleParts: highlights.get(item.id) ?? null,
    })),
    categories,
    areas,
  }
}
