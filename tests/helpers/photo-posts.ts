import sharp from 'sharp'
import { db, transaction } from '~/db.server'
import { attachDrafts, saveDraftPhoto, type DraftPhoto } from '~/models/photo.server'
import { processPhoto } from '~/services/photo-processing.server'

let processed: Awaited<ReturnType<typeof processOnce>> | undefined

/** One small photo, processed once per test file (sharp is the slow part). */
async function processOnce() {
  const bytes = await sharp({
    create: { width: 640, height: 480, channels: 3, background: '#4a7' },
  })
    .png()
    .toBuffer()
  const result = await processPhoto(bytes)
  if (!result.ok) throw new Error(`test photo refused: ${result.reason}`)
  return result.photo
}

/**
 * Puts photos on a challenge as its author posting them would (a draft each, then attached in
 * order); `hidden` ones are then hidden by a moderator. Returns their keys in order.
 */
export async function photosOnChallenge(
  challengeId: number,
  userId: number,
  photos: Array<{ alt: string; caption?: string | null; hidden?: boolean }>,
): Promise<string[]> {
  processed ??= await processOnce()
  const drafts: DraftPhoto[] = []
  for (const _ of photos) drafts.push(await saveDraftPhoto(userId, processed))
  const ok = await transaction((trx) =>
    attachDrafts(
      trx,
      userId,
      photos.map((p, i) => ({ key: drafts[i]!.key, alt: p.alt, caption: p.caption ?? null })),
      { challengeId },
    ),
  )
  if (!ok) throw new Error('drafts were not attached')
  const hidden = drafts.filter((_, i) => photos[i]!.hidden).map((d) => d.key)
  if (hidden.length) {
    await db
      .updateTable('photos')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'Visar ett ansikte' })
      .where('key', 'in', hidden)
      .execute()
  }
  return drafts.map((d) => d.key)
}

/** A place on a challenge, as the new-challenge form stores it. */
export async function placeOnChallenge(
  challengeId: number,
  place: { text: string | null; lat: number | null; lng: number | null },
) {
  await db
    .updateTable('challenges')
    .set({ place_text: place.text, lat: place.lat, lng: place.lng })
    .where('id', '=', challengeId)
    .execute()
}
