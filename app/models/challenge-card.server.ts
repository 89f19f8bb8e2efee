import type { SelectQueryBuilder } from 'kysely'
import type { Database } from '#db/schema'
import { publicPhotosOf, type ShownPhoto } from '~/models/photo.server'
import { sizeOf } from '~/utils/photo'

/**
 * The columns a challenge card is made of, with the joins that name its category, area and
 * organisation: one projection for the board and the home page (`listChallenges`), the open-data
 * API and feed (`publicBase`) and the open-data dump. Each caller then shapes what it sends
 * (`toCard`, `serialise`) and names only the fields it may show; a column one of them does not
 * use costs a few bytes of a row read anyway.
 */
export function selectCard<O>(qb: SelectQueryBuilder<Database, 'challenges', O>) {
  return qb
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .leftJoin('organisations', 'organisations.id', 'challenges.organisation_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.summary',
      'challenges.status',
      'challenges.poster_kind',
      'challenges.vote_count',
      'challenges.solution_count',
      'challenges.pledge_count',
      'challenges.comment_count',
      'challenges.hot',
      'challenges.created_at',
      'challenges.updated_at',
      'categories.slug as category_slug',
      'categories.name_sv as category_sv',
      'categories.name_en as category_en',
      'areas.slug as area_slug',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
      'organisations.slug as organisation_slug',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
    ])
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCard>['execute']>>[number]

/** A card's photo: the card-size image's key, its size and its alternative text, no more. */
export interface CardPhoto {
  key: string
  alt: string
  width: number
  height: number
}

/** The first public photo of each of a list's challenges, in one query for the whole list. */
export async function cardPhotos(ids: readonly number[]): Promise<Map<number, CardPhoto>> {
  const photos = await publicPhotosOf(ids)
  const firsts = new Map<number, CardPhoto>()
  for (const [id, [first]] of photos) if (first) firsts.set(id, cardPhoto(first))
  return firsts
}

function cardPhoto(photo: ShownPhoto): CardPhoto {
  return { key: photo.key, alt: photo.alt, ...sizeOf(photo, 'card') }
}

/** What a card shows, in one language: the board and the home page ship only this. */
export function toCard(item: CardRow, locale: string, photo?: CardPhoto) {
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
    // Absent rather than null on cards without one: not a byte more for them.
    ...(photo ? { photo } : {}),
  }
}
