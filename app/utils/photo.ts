import type { PhotoFormat, PhotoSize } from '#db/schema'
import { PHOTO_SIZES } from '~/models/photo-constants'

/** The width and height of one stored size, as sharp made it (fit inside, never enlarged). */
export function sizeOf(photo: { width: number; height: number }, size: PhotoSize) {
  const edge = PHOTO_SIZES[size]
  const scale = Math.min(1, edge / photo.width, edge / photo.height)
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) }
}

/**
 * The width and height of one stored size as its files have them: the page size's edge was
 * 1024 px until it became 768 (issue 13, Lighthouse), and photos stored before keep their
 * files, so the page size comes from the stored variant when the photo carries it.
 */
export function storedSizeOf(
  photo: {
    width: number
    height: number
    pageSize?: { width: number; height: number } | null
  },
  size: PhotoSize,
) {
  return size === 'page' && photo.pageSize ? photo.pageSize : sizeOf(photo, size)
}

/** The URL of one stored image. */
export function photoUrl(key: string, size: PhotoSize, format: PhotoFormat): string {
  return `/photos/${key}/${size}.${format === 'jpeg' ? 'jpg' : 'webp'}`
}
