import { createHash } from 'node:crypto'
import type { OrganisationKind, PhotoSize, PosterKind } from '#db/schema'
import { db } from '~/db.server'
import { absoluteUrl, publicUrl } from '~/env.server'
import type { BoardParams } from '~/forms/board'
import { boardFilters } from '~/models/board.server'
import {
  boardBase,
  countChallenges,
  orderBoard,
  type BoardQuery,
  type Sort,
} from '~/models/challenge.server'
import { selectCard } from '~/models/challenge-card.server'
import type { PUBLIC_STATUSES } from '~/models/challenge-constants'
import {
  photoByteLengths,
  publicPhotosOf,
  publicPhotosOfPosts,
  type ShownPhoto,
} from '~/models/photo.server'
import { progressUpdatesOf } from '~/models/pledge.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { photoUrl, storedSizeOf } from '~/utils/photo'

// The public face of the board for machines: the open data API (/api/v1/challenges) and the
// Atom feed (/feed.xml). Only the fields listed in DESIGN.md leave through here: no emails, no
// user ids, no names of residents. Categories and areas are objects { slug, name_sv, name_en }
// so a consumer needs no second request to label them; `slug` is what the filters take.

export const PER_PAGE_DEFAULT = 20
export const PER_PAGE_MAX = 100
export const FEED_SIZE = 50

type Status = (typeof PUBLIC_STATUSES)[number]
type Filters = Omit<BoardQuery, 'sort' | 'page'>

export interface Taxon {
  slug: string
  name_sv: string
  name_en: string
}

export interface PublicOrganisation {
  slug: string
  name: string
  kind: OrganisationKind
}

/** One stored size of a photo: its pixels and its two files. */
export interface PublicPhotoSize {
  width: number
  height: number
  webp: string
  jpeg: string
}

/**
 * A public photo of a challenge, a solution or a progress update (hidden ones never appear):
 * every size, its texts.
 */
export interface PublicPhoto {
  alt: string
  caption: string | null
  sizes: Record<PhotoSize, PublicPhotoSize>
}

/** Where a challenge is: words, coordinates (rounded to 4 decimals), or both. */
export interface PublicPlace {
  text: string | null
  lat: number | null
  lng: number | null
}

export interface PublicChallenge {
  id: number
  title: string
  summary: string
  status: Status
  category: Taxon
  area: Taxon
  poster_kind: PosterKind
  organisation: PublicOrganisation | null
  votes: number
  solutions: number
  pledges: number
  created_at: string
  updated_at: string
  url: string
  place: PublicPlace | null
  photos: PublicPhoto[]
}

export interface PublicChallengeDetail extends Omit<PublicChallenge, 'solutions' | 'pledges'> {
  description_html: string
  status_history: Array<{ from: string | null; to: string; at: string; message: string | null }>
  solutions: Array<{
    id: number
    body_html: string
    organisation: PublicOrganisation | null
    votes: number
    accepted: boolean
    created_at: string
    photos: PublicPhoto[]
  }>
  pledges: Array<{
    organisation: PublicOrganisation | null
    plan: string
    status: string
    created_at: string
    updates: PublicProgressUpdate[]
  }>
}

/** A progress update on a pledge, as the challenge page shows it to everyone. */
export interface PublicProgressUpdate {
  body_html: string
  created_at: string
  photos: PublicPhoto[]
}

/** Stored dates are ISO 8601 UTC already; this also repairs a zone-less SQLite timestamp. */
export function isoUtc(value: string): string {
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

export function challengeUrl(id: number): string {
  return absoluteUrl(`/challenges/${id}`)
}

function organisationOf(row: {
  organisation_slug: string | null
  organisation_name: string | null
  organisation_kind: OrganisationKind | null
}): PublicOrganisation | null {
  return row.organisation_slug && row.organisation_name && row.organisation_kind
    ? { slug: row.organisation_slug, name: row.organisation_name, kind: row.organisation_kind }
    : null
}

/**
 * Category and area slugs of a parsed board query as ids; an unknown slug throws UnknownFilter.
 * A list is read only when a slug of it is asked for.
 */
export async function resolveFilters(params: BoardParams): Promise<Filters> {
  const [categories, areas] = await Promise.all([
    params.category ? listCategories() : [],
    params.area ? listAreas() : [],
  ])
  return boardFilters(params, categories, areas)
}

/**
 * "unsolved" is a sort that is also a filter (open only, oldest first). Folding it into the
 * filters keeps the list and its total in agreement; null when nothing can match.
 */
function withSort(filters: Filters, sort: Sort): Filters | null {
  // Likewise "trending" leaves out what cannot trend (closed, so also merged duplicates).
  if (sort === 'trending') return { ...filters, trending: true }
  if (sort !== 'unsolved') return filters
  if (filters.status && filters.status !== 'open') return null
  return { ...filters, status: 'open' }
}

/** The board's own filters, on a query that pages by any size; null when nothing can match. */
export function publicBase(filters: Filters) {
  const qb = boardBase(filters)
  if (!qb) return null
  return selectCard(qb).select(['challenges.place_text', 'challenges.lat', 'challenges.lng'])
}

export type PublicChallengeRow = Awaited<
  ReturnType<NonNullable<ReturnType<typeof publicBase>>['execute']>
>[number]

const PHOTO_SIZE_NAMES: PhotoSize[] = ['card', 'page', 'full']

/** A shown photo with absolute URLs for every size and format. */
export function publicPhoto(photo: ShownPhoto): PublicPhoto {
  const sizes = Object.fromEntries(
    PHOTO_SIZE_NAMES.map((size) => [
      size,
      {
        ...storedSizeOf(photo, size),
        webp: absoluteUrl(photoUrl(photo.key, size, 'webp')),
        jpeg: absoluteUrl(photoUrl(photo.key, size, 'jpeg')),
      },
    ]),
  ) as Record<PhotoSize, PublicPhotoSize>
  return { alt: photo.alt, caption: photo.caption, sizes }
}

function placeOf(row: {
  place_text: string | null
  lat: number | null
  lng: number | null
}): PublicPlace | null {
  // Coordinates come as a pair or not at all.
  const located = row.lat !== null && row.lng !== null
  if (!row.place_text && !located) return null
  return {
    text: row.place_text || null,
    lat: located ? row.lat : null,
    lng: located ? row.lng : null,
  }
}

/**
 * A row of publicBase as the API's object: the one place the public fields are named.
 * `photos` are the challenge's public photos (publicPhotosOf, one query for a page of rows).
 */
export function serialise(row: PublicChallengeRow, photos: readonly ShownPhoto[]): PublicChallenge {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status as Status,
    category: { slug: row.category_slug, name_sv: row.category_sv, name_en: row.category_en },
    area: { slug: row.area_slug, name_sv: row.area_sv, name_en: row.area_en },
    poster_kind: row.poster_kind,
    organisation: organisationOf(row),
    votes: row.vote_count,
    solutions: row.solution_count,
    pledges: row.pledge_count,
    created_at: isoUtc(row.created_at),
    updated_at: isoUtc(row.updated_at),
    url: challengeUrl(row.id),
    place: placeOf(row),
    photos: photos.map(publicPhoto),
  }
}

async function pageOfPublic(filters: Filters | null, sort: Sort, page: number, perPage: number) {
  const base = filters ? publicBase(filters) : null
  if (!base) return { rows: [], photos: new Map<number, ShownPhoto[]>() }
  const qb = orderBoard(base, sort)
  const rows = await qb
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute()
  return { rows, photos: await publicPhotosOf(rows.map((r) => r.id)) }
}

async function listPublic(filters: Filters | null, sort: Sort, page: number, perPage: number) {
  const { rows, photos } = await pageOfPublic(filters, sort, page, perPage)
  return rows.map((row) => serialise(row, photos.get(row.id) ?? []))
}

/** One page of the API's list, with the total for the same filter (countChallenges). */
export async function listOpenChallenges(params: BoardParams, perPage: number) {
  const sort = params.sort ?? 'new'
  const page = params.page ?? 1
  const filters = withSort(await resolveFilters(params), sort)
  const [data, total] = await Promise.all([
    listPublic(filters, sort, page, perPage),
    filters ? countChallenges(filters) : 0,
  ])
  return { data, total, page, per_page: perPage }
}

/** A feed entry's image: the first photo's page-size JPEG, with its length in bytes. */
export interface Enclosure {
  href: string
  length: number
  title: string
}

export type FeedEntry = PublicChallenge & { enclosure: Enclosure | null }

/** The feed's entries: the newest public challenges matching the board's filters. */
export async function listFeedChallenges(params: BoardParams): Promise<FeedEntry[]> {
  const { rows, photos } = await pageOfPublic(await resolveFilters(params), 'new', 1, FEED_SIZE)
  const firsts = rows.flatMap((row) => photos.get(row.id)?.slice(0, 1) ?? [])
  const lengths = await photoByteLengths(
    firsts.map((p) => p.key),
    'page',
    'jpeg',
  )
  return rows.map((row) => {
    const shown = photos.get(row.id) ?? []
    const first = shown[0]
    const length = first ? lengths.get(first.key) : undefined
    return {
      ...serialise(row, shown),
      enclosure:
        first && length !== undefined
          ? {
              href: absoluteUrl(photoUrl(first.key, 'page', 'jpeg')),
              length,
              title: first.alt,
            }
          : null,
    }
  })
}

/**
 * When the board's public content last changed: the newest `updated_at` of a public challenge
 * (read backwards along its index), or null on a board with none. Hidden, pending and merged
 * challenges do not count, so their changes are not told through a feed's date.
 */
export async function latestPublicChange(): Promise<string | null> {
  const row = await boardBase({})
    ?.select('challenges.updated_at')
    .orderBy('challenges.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? isoUtc(row.updated_at) : null
}

/** The challenge a visible duplicate was merged into, or null: its old API URL points there. */
export async function findMergedTarget(id: number): Promise<number | null> {
  const row = await db
    .selectFrom('challenges')
    .select('merged_into_id')
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .executeTakeFirst()
  return row?.merged_into_id ?? null
}

/**
 * One public challenge with its history, visible solutions and pledges (with the progress
 * updates the challenge page shows everyone) and the public photos of all of them; undefined
 * otherwise. A fixed number of queries, however many posts it has.
 */
export async function getOpenChallenge(id: number): Promise<PublicChallengeDetail | undefined> {
  const base = publicBase({})
  const row = await base
    ?.select('challenges.description_html')
    .where('challenges.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined

  const [history, solutions, pledges, allUpdates, photos] = await Promise.all([
    db
      .selectFrom('challenge_status_history')
      .select(['from_status', 'to_status', 'message', 'created_at'])
      .where('challenge_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('solutions')
      .leftJoin('organisations', 'organisations.id', 'solutions.organisation_id')
      .select([
        'solutions.id',
        'solutions.body_html',
        'solutions.vote_count',
        'solutions.accepted_at',
        'solutions.created_at',
        'organisations.slug as organisation_slug',
        'organisations.name as organisation_name',
        'organisations.kind as organisation_kind',
      ])
      .where('solutions.challenge_id', '=', id)
      .where('solutions.hidden_at', 'is', null)
      .where('solutions.held_at', 'is', null)
      .orderBy('solutions.id')
      .execute(),
    db
      .selectFrom('pledges')
      .leftJoin('organisations', 'organisations.id', 'pledges.organisation_id')
      .select([
        'pledges.id',
        'pledges.plan',
        'pledges.status',
        'pledges.created_at',
        'organisations.slug as organisation_slug',
        'organisations.name as organisation_name',
        'organisations.kind as organisation_kind',
      ])
      .where('pledges.challenge_id', '=', id)
      .where('pledges.status', '!=', 'withdrawn')
      .where('pledges.held_at', 'is', null)
      .orderBy('pledges.id')
      .execute(),
    progressUpdatesOf(id).execute(),
    publicPhotosOf([id]),
  ])
  // The updates of the pledges above only, as the page shows them.
  const shownPledges = new Set(pledges.map((p) => p.id))
  const updates = allUpdates.filter((u) => shownPledges.has(u.pledge_id))
  // Only the posts chosen above: a hidden or held one's photos are never asked for.
  const postPhotos = await publicPhotosOfPosts(
    solutions.map((s) => s.id),
    updates.map((u) => u.id),
  )

  // The same fields as the list, in the same order; the counts become the lists themselves.
  const fields = serialise(row, photos.get(id) ?? [])
  return {
    ...fields,
    solutions: solutions.map((s) => ({
      id: s.id,
      body_html: s.body_html,
      organisation: organisationOf(s),
      votes: s.vote_count,
      accepted: s.accepted_at !== null,
      created_at: isoUtc(s.created_at),
      photos: (postPhotos.bySolution.get(s.id) ?? []).map(publicPhoto),
    })),
    pledges: pledges.map((p) => ({
      organisation: organisationOf(p),
      plan: p.plan,
      status: p.status,
      created_at: isoUtc(p.created_at),
      updates: updates
        .filter((u) => u.pledge_id === p.id)
        .map((u) => ({
          body_html: u.body_html,
          created_at: isoUtc(u.created_at),
          photos: (postPhotos.byUpdate.get(u.id) ?? []).map(publicPhoto),
        })),
    })),
    description_html: row.description_html,
    status_history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      at: isoUtc(h.created_at),
      // "withdrawn" is the owner's own closing, not a message from anyone.
      message: h.message === 'withdrawn' ? null : h.message,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Answers. Shared by the API and feed routes so both cache and allow cross-origin reads alike.

const JSON_TYPE = 'application/json; charset=utf-8'

function publicHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
    'Cache-Control': 'public, max-age=60',
    ...extra,
  }
}

/** A weak ETag: equal bodies give equal tags (the JSON and XML are built deterministically). */
export function weakEtag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ is ignored, `*` matches any. */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/** 200 with the body and its ETag, or 304 without a body when the client has that version. */
export function cachedAnswer(
  request: Request,
  body: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const etag = weakEtag(body)
  const headers = publicHeaders({ ETag: etag, ...extraHeaders })
  if (etagMatches(request.headers.get('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } })
}

export function jsonAnswer(request: Request, value: unknown): Response {
  return cachedAnswer(request, JSON.stringify(value), JSON_TYPE)
}

/** The API's error shape: { "error": { "status", "message" } }. */
export function apiError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: publicHeaders({ 'Content-Type': JSON_TYPE }),
  })
}

/** 301 to where a resource now lives (a merged duplicate's challenge), readable cross-origin. */
export function apiMoved(location: string): Response {
  return new Response(null, { status: 301, headers: publicHeaders({ Location: location }) })
}

/** per_page: absent or empty means the default; otherwise exactly one integer 1–100, or null. */
export function parsePerPage(url: URL): number | null {
  const values = url.searchParams.getAll('per_page').filter((v) => v !== '')
  if (values.length === 0) return PER_PAGE_DEFAULT
  if (values.length > 1 || !/^[1-9][0-9]{0,2}$/.test(values[0]!)) return null
  const n = Number(values[0])
  return n <= PER_PAGE_MAX ? n : null
}

// ---------------------------------------------------------------------------------------------
// Atom (RFC 4287).

// Characters XML 1.0 cannot carry at all, even escaped: most controls, lone surrogates, FFFE/FFFF.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text for XML content and attribute values: every markup character escaped. */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      default:
        return '&apos;'
    }
  })
}

/** The board filters of a parsed query as a canonical query string ("" or "?a=b…"). */
export function filterQueryString(params: BoardParams): string {
  const search = new URLSearchParams()
  for (const key of ['q', 'category', 'area', 'status', 'by'] as const) {
    const value = params[key]
    if (value) search.set(key, value)
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export function renderAtomFeed(input: {
  params: BoardParams
  entries: Array<PublicChallenge & { enclosure?: Enclosure | null }>
  locale: 'sv' | 'en'
  title: string
  subtitle: string
  author: string
  /**
   * The board's newest public change (`latestPublicChange`): the feed's date when no entry
   * matches (RFC 4287 requires one), the last moment its public content is known to have changed.
   */
  latestPublicChange?: string | null
}): string {
  const origin = publicUrl().origin
  const query = filterQueryString(input.params)
  const selfUrl = `${origin}/feed.xml${query}`
  const en = input.locale === 'en'
  // The newest change among the entries, stable between changes (so is the ETag); a board with
  // no public challenge at all has no better date than now.
  const updated =
    input.entries.reduce<string | null>(
      (latest, e) => (latest === null || e.updated_at > latest ? e.updated_at : latest),
      null,
    ) ??
    input.latestPublicChange ??
    new Date().toISOString()
  const x = xmlEscape
  const entries = input.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${x(e.url)}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `    <published>${x(e.created_at)}</published>`,
      `    <updated>${x(e.updated_at)}</updated>`,
      `    <summary type="text">${x(e.summary)}</summary>`,
      `    <category term="${x(e.category.slug)}" scheme="${x(`${origin}/challenges?category=`)}" label="${x(en ? e.category.name_en : e.category.name_sv)}"/>`,
      ...(e.enclosure
        ? [
            `    <link rel="enclosure" type="image/jpeg" href="${x(e.enclosure.href)}" length="${e.enclosure.length}" title="${x(e.enclosure.title)}"/>`,
          ]
        : []),
      '  </entry>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(input.locale)}">`,
    `  <id>${x(selfUrl)}</id>`,
    `  <title type="text">${x(input.title)}</title>`,
    `  <subtitle type="text">${x(input.subtitle)}</subtitle>`,
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${origin}/challenges${query}`)}"/>`,
    `  <author><name>${x(input.author)}</name></author>`,
    '  <generator>Utmana</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
