import type { SelectQueryBuilder } from 'kysely'

/**
 * One page of an ordered query, and whether a next one is offered: one row more than a page
 * tells without a COUNT, and no page past `maxPage` is offered (deep OFFSETs get slow). The
 * caller brings `page` within 1..maxPage its own way.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  paging: { page: number; size: number; maxPage: number },
) {
  const { page, size, maxPage } = paging
  const rows = await qb
    .limit(size + 1)
    .offset((page - 1) * size)
    .execute()
  return { items: rows.slice(0, size), hasNext: rows.length > size && page < maxPage }
}
