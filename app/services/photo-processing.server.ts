import exifReader from 'exif-reader'
import type sharpModule from 'sharp'
import type { Metadata } from 'sharp'
import type { PhotoFormat, PhotoSize } from '../../db/schema'
import { PHOTO_MAX_PIXELS, PHOTO_SIZES } from '~/models/photo-constants'

let loadingSharp: Promise<typeof sharpModule> | undefined

/**
 * sharp, loaded when the first photo comes rather than at start: libvips adds about 24 MB to
 * the resident memory of a server that may never see a photo (issue 11's idle target).
 */
function loadSharp() {
  loadingSharp ??= import('sharp').then(({ default: sharp }) => {
    // libvips keeps decoded images for reuse; uploads are each seen once, so a small cache keeps
    // the server's memory flat under a run of photos.
    sharp.cache({ memory: 16, items: 20, files: 0 })
    return sharp
  })
  return loadingSharp
}

/** Formats taken in, read from the bytes (never from the name or the browser's type). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif'])

export type PhotoRefusal = 'notAnImage' | 'unsupportedType' | 'tooManyPixels' | 'damaged'

export interface ProcessedVariant {
  size: PhotoSize
  format: PhotoFormat
  width: number
  height: number
  bytes: Buffer
}

export interface ProcessedPhoto {
  width: number
  height: number
  /** Where the photo says it was taken, if it says so; the variants never carry it. */
  gps: { lat: number; lng: number } | null
  variants: ProcessedVariant[]
}

export type ProcessResult =
  { ok: true; photo: ProcessedPhoto } | { ok: false; reason: PhotoRefusal }

/**
 * Turns uploaded bytes into the stored variants: the type is read from the bytes, the size
 * is checked from the header before any pixel is decoded (a decompression bomb never reaches
 * the decoder), the EXIF orientation is applied, and the outputs carry no metadata at all (no
 * GPS, camera or time: sharp writes none unless asked to). The GPS position is read first, to
 * be offered to the author.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessResult> {
  const sharp = await loadSharp()
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, reason: 'notAnImage' }
  }
  if (!metadata.format || !ACCEPTED.has(metadata.format)) {
    return { ok: false, reason: 'unsupportedType' }
  }
  // HEIF here decodes AVIF only (see NOTES.md); an HEVC-coded HEIC is refused by its type.
  if (metadata.format === 'heif' && metadata.compression !== 'av1') {
    return { ok: false, reason: 'unsupportedType' }
  }
  const { width = 0, height = 0 } = metadata
  if (width * height > PHOTO_MAX_PIXELS || (metadata.pages ?? 1) > 1) {
    return {
      ok: false,
      reason: width * height > PHOTO_MAX_PIXELS ? 'tooManyPixels' : 'unsupportedType',
    }
  }

  try {
    // Decoded once: rotated upright and shrunk to the largest size, kept as raw pixels, then
    // each variant is encoded from that.
    const largest = PHOTO_SIZES.full
    const { data, info } = await sharp(bytes, {
      limitInputPixels: PHOTO_MAX_PIXELS,
      failOn: 'warning',
    })
      .rotate()
      .resize({ width: largest, height: largest, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
    const variants: ProcessedVariant[] = []
    for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
      const edge = PHOTO_SIZES[size]
      for (const format of ['webp', 'jpeg'] as const) {
        const pipeline = sharp(data, raw).resize({
          width: edge,
          height: edge,
          fit: 'inside',
          withoutEnlargement: true,
        })
        const encoded =
          format === 'webp'
            ? pipeline.webp({ quality: 78, effort: 4 })
            : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true })
        const out = await encoded.toBuffer({ resolveWithObject: true })
        variants.push({
          size,
          format,
          width: out.info.width,
          height: out.info.height,
          bytes: out.data,
        })
      }
    }
    return {
      ok: true,
      photo: { width: info.width, height: info.height, gps: gpsOf(metadata.exif), variants },
    }
  } catch {
    return { ok: false, reason: 'damaged' }
  }
}

/** The decimal position in an EXIF block's GPS tags, or null when it has none or it is odd. */
export function gpsOf(exif: Buffer | undefined): { lat: number; lng: number } | null {
  if (!exif) return null
  try {
    const gps = exifReader(exif).GPSInfo
    if (!gps?.GPSLatitude || !gps.GPSLongitude) return null
    const decimal = ([d = 0, m = 0, s = 0]: number[]) => d + m / 60 + s / 3600
    const lat = decimal(gps.GPSLatitude) * (gps.GPSLatitudeRef === 'S' ? -1 : 1)
    const lng = decimal(gps.GPSLongitude) * (gps.GPSLongitudeRef === 'W' ? -1 : 1)
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null
    return { lat, lng }
  } catch {
    return null
  }
}
