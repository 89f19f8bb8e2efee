import type { PhotoFormat, PhotoSize } from '#db/schema'
import { PHOTO_SIZES } from '~/models/photo-constants'

/** The width and height of one stored size, as sharp made it (fit inside, never enlarged). */
export function sizeOf(photo: { width: number; height: number }, size: PhotoSize) {
  const edge = PHOTO_SIZES[size]
  const scale = Math.min(1, edge / photo.width, edge / photo.height)
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) }
}

/** The URL of one stored image. */
export function photoUrl(key: string, size: PhotoSize, format: PhotoFormat): string {
  return `/photos/${key}/${size}.${format === 'jpeg' ? 'jpg' : 'webp'}`
}
