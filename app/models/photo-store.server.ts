import type { PhotoFormat, PhotoSize } from '#db/schema'
import { db, type Executor } from '~/db.server'

export interface StoredVariant {
  size: PhotoSize
  format: PhotoFormat
  width: number
  height: number
  bytes: Buffer
}

/**
 * Where a photo's image bytes live, apart from its row. The database is the default (backups,
 * db:copy and several processes need nothing more); an S3-compatible store can implement the
 * same three calls later without touching the rest.
 */
export interface PhotoStore {
  put(executor: Executor, photoId: number, variants: readonly StoredVariant[]): Promise<void>
  get(photoId: number, size: PhotoSize, format: PhotoFormat): Promise<Buffer | undefined>
  /** Rows removed by the photo's own deletion (cascade) need no call; other stores do. */
  remove(executor: Executor, photoIds: readonly number[]): Promise<void>
}

export const databasePhotoStore: PhotoStore = {
  async put(executor, photoId, variants) {
    await executor
      .insertInto('photo_variants')
      .values(
        variants.map((v) => ({
          photo_id: photoId,
          size: v.size,
          format: v.format,
          width: v.width,
          height: v.height,
          byte_length: v.bytes.length,
          bytes: v.bytes,
        })),
      )
      .execute()
  },
  async get(photoId, size, format) {
    const row = await db
      .selectFrom('photo_variants')
      .select('bytes')
      .where('photo_id', '=', photoId)
      .where('size', '=', size)
      .where('format', '=', format)
      .executeTakeFirst()
    return row ? Buffer.from(row.bytes) : undefined
  },
  async remove(executor, photoIds) {
    if (!photoIds.length) return
    await executor.deleteFrom('photo_variants').where('photo_id', 'in', photoIds).execute()
  },
}

export const photoStore: PhotoStore = databasePhotoStore
