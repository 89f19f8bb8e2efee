import { db } from '~/db.server'
import { joinPageVariant, pageSizeOf, shownColumnsWithPageSize } from '~/models/photo.server'
import { photosWithChallenge } from '~/models/post-kinds.server'

// Moderating single photos (issue 13, item 4): hiding, restoring, flags and appeals go through
// the post machinery (post-kinds, moderation-visibility, flag, appeals) with the kind 'photo';
// this module holds the two reads that are the photo's own.

/** Where a photo on the triage page sits: on the challenge, a solution or a progress update. */
export type PhotoPlace =
  { on: 'challenge' } | { on: 'solution'; id: number } | { on: 'update'; id: number }

/**
 * Every photo of the challenge and of its solutions and progress updates, hidden ones too, for
 * the triage page: the moderator sees each with its alternative text, state and uploader.
 */
export async function photosForTriage(challengeId: number) {
  const rows = await photosWithChallenge(db)
    .leftJoin('users', 'users.id', 'photos.user_id')
    // The page size as stored: a photo stored when it was 1024 px keeps those files.
    .leftJoin('photo_variants as page_variant', joinPageVariant)
    .select([...shownColumnsWithPageSize, 'users.name as author_name'])
    .where('challenges.id', '=', challengeId)
    .orderBy('photos.solution_id')
    .orderBy('photos.pledge_update_id')
    .orderBy('photos.position')
    .orderBy('photos.id')
    .execute()
  // Challenge photos first, then each solution's and each update's (nulls sort differently on
  // the two databases, so the order is settled here).
  const rank = (r: (typeof rows)[number]) => (r.challenge_id !== null ? 0 : r.solution_id ? 1 : 2)
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => ({
      id: r.id,
      key: r.key,
      alt: r.alt_text,
      caption: r.caption,
      width: r.width,
      height: r.height,
      pageSize: pageSizeOf(r),
      hidden_at: r.hidden_at,
      hidden_reason: r.hidden_reason,
      author_name: r.author_name,
      place: (r.challenge_id !== null
        ? { on: 'challenge' }
        : r.solution_id !== null
          ? { on: 'solution', id: r.solution_id }
          : { on: 'update', id: r.pledge_update_id! }) as PhotoPlace,
    }))
}

/**
 * The challenge a photo shows on to everyone, or undefined: a photo someone may flag is on a
 * post the public sees (not hidden or held, nor its solution or its pledge), and is not hidden
 * itself. Whether the challenge is public is the caller's question.
 */
export async function publicPhotoChallenge(photoId: number): Promise<number | undefined> {
  const row = await photosWithChallenge(db)
    .select([
      'challenges.id as challenge_id',
      'photos.hidden_at',
      'solutions.hidden_at as solution_hidden_at',
      'solutions.held_at as solution_held_at',
      'pledges.held_at as pledge_held_at',
      'pledges.status as pledge_status',
    ])
    .where('photos.id', '=', photoId)
    .executeTakeFirst()
  if (
    !row ||
    row.hidden_at !== null ||
    row.solution_hidden_at !== null ||
    row.solution_held_at !== null ||
    row.pledge_held_at !== null ||
    row.pledge_status === 'withdrawn'
  )
    return undefined
  return row.challenge_id
}
