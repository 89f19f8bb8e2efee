import { randomBytes } from 'node:crypto'
import type { ExpressionBuilder, JoinBuilder } from 'kysely'
import type { Database, PhotoFormat, PhotoSize } from '#db/schema'
import { db, transaction, type Executor } from '~/db.server'
import { isOnPublicBoard } from '~/models/challenge-constants'
import { photoStore } from '~/models/photo-store.server'
import type { ProcessedPhoto } from '~/services/photo-processing.server'
import { maySeeChallenge, maySeeHidden, type Actor } from '~/utils/policy'

/** A photo as a page, the API and the feed show it (never its GPS, never its uploader's id). */
export interface ShownPhoto {
  /** Names the photo in a flag or an appeal (never its uploader). */
  id: number
  key: string
  alt: string
  caption: string | null
  width: number
  height: number
  /**
   * The page size as stored: its edge has changed since (PHOTO_SIZES), and a photo keeps the
   * files it was stored with, so a srcset must say their real width.
   */
  pageSize: { width: number; height: number } | null
  /** Set only for the photo's own author (and staff): it is hidden from everyone else. */
  hidden_reason: string | null
  hidden: boolean
  /** The viewer uploaded it: they may appeal its hiding, and do not flag it. */
  own: boolean
}

/** A draft: uploaded with a form that was not posted yet, shown back to its uploader. */
export interface DraftPhoto {
  key: string
  width: number
  height: number
  /** Whether the upload said where it was taken (the place itself stays on the server). */
  hasPlace: boolean
}

/** A draft as a post takes it: its key and the texts its author gave it. */
export interface AttachedPhoto {
  key: string
  alt: string
  caption: string | null
}

/** A photo draft went away between reading the form and posting (purged, or posted twice). */
export class PhotosGone extends Error {}

export type PhotoTarget =
  { challengeId: number } | { solutionId: number } | { pledgeUpdateId: number }

/** Drafts not posted within a day are deleted by the hourly housekeeping. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000

const newKey = () => randomBytes(16).toString('base64url')

/** Keeps a processed upload as a draft of its uploader's, with its image variants. */
export async function saveDraftPhoto(
  userId: number,
  processed: ProcessedPhoto,
): Promise<DraftPhoto> {
  const key = newKey()
  await transaction(async (trx) => {
    const { id } = await trx
      .insertInto('photos')
      .values({
        key,
        user_id: userId,
        width: processed.width,
        height: processed.height,
        gps_lat: processed.gps?.lat ?? null,
        gps_lng: processed.gps?.lng ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await photoStore.put(trx, id, processed.variants)
  })
  return { key, width: processed.width, height: processed.height, hasPlace: processed.gps !== null }
}

const isDraft = (eb: ExpressionBuilder<Database, 'photos'>) =>
  eb.and([
    eb('photos.challenge_id', 'is', null),
    eb('photos.solution_id', 'is', null),
    eb('photos.pledge_update_id', 'is', null),
  ])

/** The uploader's drafts among `keys`, in the order of `keys`; unknown keys are left out. */
export async function findDrafts(userId: number, keys: readonly string[]): Promise<DraftPhoto[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('photos')
    .select(['key', 'width', 'height', 'gps_lat'])
    .where('user_id', '=', userId)
    .where('key', 'in', keys)
    .where(isDraft)
    .execute()
  const byKey = new Map(rows.map((r) => [r.key, r]))
  return keys.flatMap((key) => {
    const row = byKey.get(key)
    return row
      ? [{ key, width: row.width, height: row.height, hasPlace: row.gps_lat !== null }]
      : []
  })
}

/** Where the first of these drafts that knows it was taken (in their order). */
export async function draftPlace(
  userId: number,
  keys: readonly string[],
): Promise<{ lat: number; lng: number } | null> {
  if (!keys.length) return null
  const rows = await db
    .selectFrom('photos')
    .select(['key', 'gps_lat', 'gps_lng'])
    .where('user_id', '=', userId)
    .where('key', 'in', keys)
    .where(isDraft)
    .where('gps_lat', 'is not', null)
    .execute()
  for (const key of keys) {
    const row = rows.find((r) => r.key === key)
    if (row && row.gps_lat !== null && row.gps_lng !== null) {
      return { lat: row.gps_lat, lng: row.gps_lng }
    }
  }
  return null
}

/**
 * Puts the uploader's drafts on a post, in the given order, with their texts, inside the post's
 * own transaction; their GPS position is forgotten. False when one of them is gone (posted
 * elsewhere or purged): the caller rolls the post back.
 */
export async function attachDrafts(
  trx: Executor,
  userId: number,
  photos: readonly AttachedPhoto[],
  target: PhotoTarget,
): Promise<boolean> {
  const now = new Date().toISOString()
  for (const [position, photo] of photos.entries()) {
    const result = await trx
      .updateTable('photos')
      .set({
        challenge_id: 'challengeId' in target ? target.challengeId : null,
        solution_id: 'solutionId' in target ? target.solutionId : null,
        pledge_update_id: 'pledgeUpdateId' in target ? target.pledgeUpdateId : null,
        position,
        alt_text: photo.alt,
        caption: photo.caption,
        gps_lat: null,
        gps_lng: null,
        attached_at: now,
      })
      .where('key', '=', photo.key)
      .where('user_id', '=', userId)
      .where(isDraft)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
  }
  return true
}

/** Drafts the uploader removed from the form before posting. */
export async function discardDrafts(userId: number, keys: readonly string[]): Promise<void> {
  if (!keys.length) return
  await transaction(async (trx) => {
    const ids = await trx
      .selectFrom('photos')
      .select('id')
      .where('user_id', '=', userId)
      .where('key', 'in', keys)
      .where(isDraft)
      .execute()
    await deletePhotos(
      trx,
      ids.map((r) => r.id),
    )
  })
}

/**
 * Every draft of this uploader's (account deletion): a draft belongs to no post and may still
 * hold where it was taken, so it never outlives its uploader. Returns how many went.
 */
export async function deleteDraftsOf(trx: Executor, userId: number): Promise<number> {
  const ids = await trx
    .selectFrom('photos')
    .select('id')
    .where('user_id', '=', userId)
    .where(isDraft)
    .execute()
  await deletePhotos(
    trx,
    ids.map((r) => r.id),
  )
  return ids.length
}

async function deletePhotos(trx: Executor, ids: readonly number[]) {
  if (!ids.length) return
  await photoStore.remove(trx, ids)
  await trx.deleteFrom('photos').where('id', 'in', ids).execute()
}

/** Housekeeping: drafts never posted, and with them their GPS position. */
export async function purgeOldDrafts(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DRAFT_LIFETIME_MS).toISOString()
  return transaction(async (trx) => {
    const ids = await trx
      .selectFrom('photos')
      .select('id')
      .where(isDraft)
      .where('created_at', '<', before)
      .execute()
    await deletePhotos(
      trx,
      ids.map((r) => r.id),
    )
    return ids.length
  })
}

/** A photo as pages show it. */
const shownPhotoColumns = [
  'photos.id',
  'photos.key',
  'photos.alt_text',
  'photos.caption',
  'photos.width',
  'photos.height',
  'photos.hidden_at',
  'photos.hidden_reason',
  'photos.user_id',
  'photos.challenge_id',
  'photos.solution_id',
  'photos.pledge_update_id',
] as const

/**
 * With the stored page size's dimensions (photos stored before issue 13's 768 px are 1024); the
 * triage page adds its author's name.
 */
export const shownColumnsWithPageSize = [
  ...shownPhotoColumns,
  'page_variant.width as page_width',
  'page_variant.height as page_height',
] as const

/**
 * The stored page size's dimensions, found by the variants' primary key (one row each): join it
 * as `page_variant` and select shownColumnsWithPageSize.
 */
export const joinPageVariant = (
  join: JoinBuilder<
    Database & { page_variant: Database['photo_variants'] },
    'photos' | 'page_variant'
  >,
) =>
  join
    .onRef('page_variant.photo_id', '=', 'photos.id')
    .on('page_variant.size', '=', 'page')
    .on('page_variant.format', '=', 'webp')

type ShownRow = {
  id: number
  key: string
  alt_text: string
  caption: string | null
  width: number
  height: number
  hidden_at: string | null
  hidden_reason: string | null
  user_id: number | null
  page_width: number | null
  page_height: number | null
}

/** The stored page size of a row selected with shownColumnsWithPageSize, when it has one. */
export function pageSizeOf(row: { page_width: number | null; page_height: number | null }) {
  return row.page_width !== null && row.page_height !== null
    ? { width: row.page_width, height: row.page_height }
    : null
}

/** A hidden photo reaches only its author and staff, with the reason. */
function shown(row: ShownRow, viewer: Actor | null): ShownPhoto | null {
  const hidden = row.hidden_at !== null
  const own = viewer !== null && row.user_id === viewer.id
  if (hidden && !(maySeeHidden(viewer) || own)) return null
  return {
    id: row.id,
    key: row.key,
    alt: row.alt_text,
    caption: row.caption,
    width: row.width,
    height: row.height,
    pageSize: pageSizeOf(row),
    hidden,
    hidden_reason: hidden ? row.hidden_reason : null,
    own,
  }
}

/** Solutions' and progress updates' photos, by post id, as the viewer may see them. */
function byPost(
  rows: Array<ShownRow & { solution_id: number | null; pledge_update_id: number | null }>,
  viewer: Actor | null,
) {
  return {
    bySolution: group(
      rows.filter((r) => r.solution_id !== null),
      viewer,
      (r) => r.solution_id!,
    ),
    byUpdate: group(
      rows.filter((r) => r.pledge_update_id !== null),
      viewer,
      (r) => r.pledge_update_id!,
    ),
  }
}

function group<R extends ShownRow, K>(rows: R[], viewer: Actor | null, by: (r: R) => K) {
  const map = new Map<K, ShownPhoto[]>()
  for (const row of rows) {
    const photo = shown(row, viewer)
    if (!photo) continue
    const key = by(row)
    map.set(key, [...(map.get(key) ?? []), photo])
  }
  return map
}

/**
 * The photos of a challenge and of these solutions and progress updates, each post's in order,
 * with the stored page size; hidden ones only with `hiddenToo` (pages decide per viewer).
 */
function photoRowsOf(
  posts: { challengeId?: number; solutionIds: readonly number[]; updateIds: readonly number[] },
  { hiddenToo }: { hiddenToo: boolean },
) {
  const { challengeId, solutionIds, updateIds } = posts
  return db
    .selectFrom('photos')
    .leftJoin('photo_variants as page_variant', joinPageVariant)
    .select(shownColumnsWithPageSize)
    .where((eb) =>
      eb.or([
        ...(challengeId !== undefined ? [eb('photos.challenge_id', '=', challengeId)] : []),
        ...(solutionIds.length ? [eb('photos.solution_id', 'in', solutionIds)] : []),
        ...(updateIds.length ? [eb('photos.pledge_update_id', 'in', updateIds)] : []),
      ]),
    )
    .$if(!hiddenToo, (q) => q.where('photos.hidden_at', 'is', null))
    .orderBy('photos.position')
    .orderBy('photos.id')
    .execute()
}

/**
 * The photos of a challenge page's posts as the viewer may see them (the caller has already
 * decided the viewer may see each post).
 */
export async function photosOfPage(
  challengeId: number,
  solutionIds: readonly number[],
  updateIds: readonly number[],
  viewer: Actor | null,
) {
  const rows = await photoRowsOf({ challengeId, solutionIds, updateIds }, { hiddenToo: true })
  return {
    challenge: rows
      .filter((r) => r.challenge_id === challengeId)
      .map((r) => shown(r, viewer))
      .filter((p): p is ShownPhoto => p !== null),
    ...byPost(rows, viewer),
  }
}

/** The public photos of these challenges (not hidden), in order: cards, the API, feed, dump. */
export async function publicPhotosOf(challengeIds: readonly number[]) {
  const map = new Map<number, ShownPhoto[]>()
  if (!challengeIds.length) return map
  const rows = await db
    .selectFrom('photos')
    .leftJoin('photo_variants as page_variant', joinPageVariant)
    .select(shownColumnsWithPageSize)
    .where('photos.challenge_id', 'in', challengeIds)
    .where('photos.hidden_at', 'is', null)
    .orderBy('photos.position')
    .orderBy('photos.id')
    .execute()
  for (const row of rows) {
    const photo = shown(row, null)!
    const id = row.challenge_id as number
    map.set(id, [...(map.get(id) ?? []), photo])
  }
  return map
}

/**
 * The public photos (not hidden) of these solutions and progress updates, each post's in order:
 * the API's detail. One query for them all; the caller has already left out the posts the
 * public may not see (hidden or held solutions, held or withdrawn pledges' updates).
 */
export async function publicPhotosOfPosts(
  solutionIds: readonly number[],
  updateIds: readonly number[],
) {
  const rows =
    solutionIds.length || updateIds.length
      ? await photoRowsOf({ solutionIds, updateIds }, { hiddenToo: false })
      : []
  return byPost(rows, null)
}

/** The size in bytes of one stored image of each of these photos, by key (the feed's length). */
export async function photoByteLengths(
  keys: readonly string[],
  size: PhotoSize,
  format: PhotoFormat,
): Promise<Map<string, number>> {
  if (!keys.length) return new Map()
  const rows = await db
    .selectFrom('photos')
    .innerJoin('photo_variants', 'photo_variants.photo_id', 'photos.id')
    .select(['photos.key', 'photo_variants.byte_length'])
    .where('photos.key', 'in', keys)
    .where('photo_variants.size', '=', size)
    .where('photo_variants.format', '=', format)
    .execute()
  return new Map(rows.map((r) => [r.key, r.byte_length]))
}

/**
 * A photo's bytes for the viewer, or undefined when the viewer may not see it: a draft is its
 * uploader's alone; a hidden photo, or one on a hidden or held post, only its author's and
 * staff's; and the challenge it belongs to must be one the viewer may see. `public` says
 * whether anyone at all may see it (and so whether shared caches may keep it).
 */
export async function photoToServe(
  key: string,
  size: PhotoSize,
  format: PhotoFormat,
  viewer: Actor | null,
): Promise<{ bytes: Buffer; public: boolean } | undefined> {
  const row = await db
    .selectFrom('photos')
    .leftJoin('solutions', 'solutions.id', 'photos.solution_id')
    .leftJoin('pledge_updates', 'pledge_updates.id', 'photos.pledge_update_id')
    .leftJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id')
    .leftJoin('challenges', (join) =>
      join.on((eb) =>
        eb(
          'challenges.id',
          '=',
          eb.fn.coalesce('photos.challenge_id', 'solutions.challenge_id', 'pledges.challenge_id'),
        ),
      ),
    )
    .select([
      'photos.id',
      'photos.user_id',
      'photos.hidden_at',
      'challenges.id as challenge_id',
      'challenges.author_id as challenge_author_id',
      'challenges.hidden_at as challenge_hidden_at',
      'challenges.status as challenge_status',
      'solutions.hidden_at as solution_hidden_at',
      'solutions.held_at as solution_held_at',
      'pledges.held_at as pledge_held_at',
      'pledges.status as pledge_status',
    ])
    .where('photos.key', '=', key)
    .executeTakeFirst()
  if (!row) return undefined
  const own = viewer !== null && row.user_id === viewer.id
  const staff = maySeeHidden(viewer)
  if (row.challenge_id === null || row.challenge_status === null) {
    // A draft, or a photo whose post is gone.
    if (!own) return undefined
  } else {
    const challenge = {
      author_id: row.challenge_author_id,
      hidden_at: row.challenge_hidden_at,
      status: row.challenge_status,
    }
    if (!maySeeChallenge(viewer, challenge)) return undefined
    const concealed =
      row.hidden_at !== null ||
      row.solution_hidden_at !== null ||
      row.solution_held_at !== null ||
      row.pledge_held_at !== null ||
      row.pledge_status === 'withdrawn'
    if (concealed && !own && !staff) return undefined
  }
  const isPublic =
    row.challenge_id !== null &&
    row.hidden_at === null &&
    row.solution_hidden_at === null &&
    row.solution_held_at === null &&
    row.pledge_held_at === null &&
    row.pledge_status !== 'withdrawn' &&
    isOnPublicBoard({ status: row.challenge_status!, hidden_at: row.challenge_hidden_at })
  const bytes = await photoStore.get(row.id, size, format)
  return bytes ? { bytes, public: isPublic } : undefined
}
