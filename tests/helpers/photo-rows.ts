// Photos written through the models, for tests that need one on a post without posting a form
// (kept apart from ./photos.ts, which browser tests import without a database).
import { db, transaction } from '~/db.server'
import { attachDrafts, saveDraftPhoto, type PhotoTarget } from '~/models/photo.server'
import { processPhoto, type ProcessedPhoto } from '~/services/photo-processing.server'
import { smallPng } from './photos'

let processedPng: Promise<ProcessedPhoto> | null = null

/**
 * A photo of the user's on a post, written through the models as posting it would (a small
 * PNG, processed once per test file): its key and id.
 */
export async function addPhoto(input: {
  userId: number
  target: PhotoTarget
  alt: string
  caption?: string | null
}): Promise<{ id: number; key: string }> {
  processedPng ??= smallPng(320, 240).then(async (bytes) => {
    const result = await processPhoto(bytes)
    if (!result.ok) throw new Error(`the test photo was refused: ${result.reason}`)
    return result.photo
  })
  const draft = await saveDraftPhoto(input.userId, await processedPng)
  const attached = await transaction((trx) =>
    attachDrafts(
      trx,
      input.userId,
      [{ key: draft.key, alt: input.alt, caption: input.caption ?? null }],
      input.target,
    ),
  )
  if (!attached) throw new Error('the test photo was not attached')
  const row = await db
    .selectFrom('photos')
    .select('id')
    .where('key', '=', draft.key)
    .executeTakeFirstOrThrow()
  return { id: row.id, key: draft.key }
}
