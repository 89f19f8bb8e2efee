// Photo limits, shared by the forms (their hints and checks in the browser) and the server.

/** Photos on one post. */
export const PHOTOS_PER_POST = 6
/** One photo file, as uploaded. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
/** Every file of one submitted form together. */
export const POST_PHOTOS_MAX_BYTES = 40 * 1024 * 1024
/**
 * Pixels a photo may have (a 48-megapixel phone photo passes); a larger one is refused from its
 * header, before anything is decoded, so a decompression bomb costs nothing.
 */
export const PHOTO_MAX_PIXELS = 50_000_000
/**
 * The longest side of each stored size, in pixels. `page` is what phones and tablets take in
 * a gallery: 768 covers a 412-px phone at 1.75 device pixels per CSS pixel (Lighthouse's
 * mobile, the photo 380 px wide: 665), a 2× phone up to 416 px wide and a 2× tablet's two
 * columns (at most 366 px: 731), at ~55% of the bytes of the 1024 it was (issue 13). Photos
 * stored before keep their files: pages read the stored width (utils/photo.ts, storedSizeOf).
 */
export const PHOTO_SIZES = { card: 480, page: 768, full: 2048 } as const
export const ALT_TEXT_MAX = 300
export const CAPTION_MAX = 300
/** What the file input offers; the server reads the type from the bytes regardless. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif'

/** The names the photo fields have in every form that takes photos (components/PhotoField). */
export const PHOTO_FIELDS = {
  files: 'photos',
  key: 'photoKey',
  alt: 'photoAlt',
  caption: 'photoCaption',
  remove: 'photoRemove',
  newAlt: 'newPhotoAlt',
  newCaption: 'newPhotoCaption',
  usePlace: 'usePhotoPlace',
  /** The upload button's name (its value: 'upload'); the form's own intent stays as it is. */
  upload: 'photoAction',
} as const
