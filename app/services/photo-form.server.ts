import {
  ALT_TEXT_MAX,
  PHOTO_FIELDS,
  CAPTION_MAX,
  PHOTO_MAX_BYTES,
  PHOTOS_PER_POST,
  POST_PHOTOS_MAX_BYTES,
} from '~/models/photo-constants'
import { discardDrafts, draftPlace, findDrafts, saveDraftPhoto } from '~/models/photo.server'
import { processPhoto } from '~/services/photo-processing.server'
import { consume, withRateLimits } from '~/services/rate-limit.server'
import { readUpload, UploadRefused } from '~/services/uploads.server'

/** A photo in the form: already uploaded (a draft), with the texts its author typed. */
export interface PhotoEntry {
  key: string
  width: number
  height: number
  hasPlace: boolean
  alt: string
  caption: string
}

/** Message keys (with "?name=…" parameters), as schema errors are (see useErrorText). */
export interface PhotoErrors {
  /** Under the file input: files refused, too many, too large. */
  photos: string[]
  /** Under one photo's alternative text or caption, by its key. */
  alt: Record<string, string[]>
  caption: Record<string, string[]>
}

export interface PhotoForm {
  /** The form's text fields (the files taken out). */
  fields: FormData
  photos: PhotoEntry[]
  errors: PhotoErrors
  /** 413 when a file or the files together were over their limit, 400 for other errors. */
  status: 200 | 400 | 413
  /** "Use where the photo was taken", when asked and a photo knows it; never otherwise. */
  photoPlace: { lat: number; lng: number } | null
}

const text = (value: FormDataEntryValue | undefined) =>
  typeof value === 'string' ? value.trim() : ''

function refusalKey(reason: string) {
  return `photos.errors.${reason}`
}

/**
 * Reads a form that takes photos: new files are checked and processed into drafts (kept on the
 * server, so an error elsewhere in the form never makes anyone choose them again); drafts the
 * author removed are deleted; every photo's texts are checked. `final` (posting, not previewing
 * or uploading): each photo needs its alternative text. Throws a 400 Response for a body that is
 * not a form.
 */
export async function readPhotoForm(
  request: Request,
  userId: number,
  options: {
    final: (fields: FormData) => boolean
    /** Whether this submission takes photos at all (a form's intent); files are dropped if not. */
    accepts?: (fields: FormData) => boolean
  },
): Promise<PhotoForm> {
  let upload
  try {
    upload = await readUpload(request, {
      fileField: PHOTO_FIELDS.files,
      maxFiles: PHOTOS_PER_POST,
      maxFileBytes: PHOTO_MAX_BYTES,
      maxTotalBytes: POST_PHOTOS_MAX_BYTES,
    })
  } catch (error) {
    if (error instanceof UploadRefused) throw new Response('Bad Request', { status: 400 })
    throw error
  }
  const { fields } = upload
  if (options.accepts && !options.accepts(fields)) {
    return { fields, photos: [], errors: noPhotoErrors, status: 200, photoPlace: null }
  }
  const errors: PhotoErrors = { photos: [], alt: {}, caption: {} }
  let status: 200 | 400 | 413 = 200
  const refuse = (message: string, code: 400 | 413) => {
    errors.photos.push(message)
    if (status !== 413) status = code
  }
  const megabytes = (bytes: number) => String(Math.round(bytes / 1024 / 1024))
  if (upload.tooMany) refuse(`photos.errors.tooMany?max=${PHOTOS_PER_POST}`, 400)
  if (upload.overTotal) {
    refuse(`photos.errors.overTotal?max=${megabytes(POST_PHOTOS_MAX_BYTES)}`, 413)
  }

  // The drafts already in the form, minus those removed.
  const keys = fields.getAll(PHOTO_FIELDS.key).map(text)
  const alts = fields.getAll(PHOTO_FIELDS.alt).map(text)
  const captions = fields.getAll(PHOTO_FIELDS.caption).map(text)
  const removed = new Set(fields.getAll(PHOTO_FIELDS.remove).map(text))
  const typed = new Map(
    keys.map((key, i) => [key, { alt: alts[i] ?? '', caption: captions[i] ?? '' }]),
  )
  await discardDrafts(userId, [...removed])
  const kept = await findDrafts(
    userId,
    keys.filter((k) => k && !removed.has(k)),
  )
  const photos: PhotoEntry[] = kept.map((d) => ({ ...d, ...typed.get(d.key)! }))

  // New files, one at a time (their memory is held one by one, not all at once).
  const newAlts = fields.getAll(PHOTO_FIELDS.newAlt).map(text)
  const newCaptions = fields.getAll(PHOTO_FIELDS.newCaption).map(text)
  for (const [i, file] of upload.files.entries()) {
    const name = encodeURIComponent(file.name || '?')
    if (!file.bytes) {
      refuse(`photos.errors.tooLarge?name=${name}&max=${megabytes(PHOTO_MAX_BYTES)}`, 413)
      continue
    }
    await withRateLimits({ action: 'photo', userId }, () => consume('photo', String(userId)))
    const result = await processPhoto(file.bytes)
    if (!result.ok) {
      refuse(`${refusalKey(result.reason)}?name=${name}`, 400)
      continue
    }
    const draft = await saveDraftPhoto(userId, result.photo)
    photos.push({ ...draft, alt: newAlts[i] ?? '', caption: newCaptions[i] ?? '' })
  }

  if (photos.length > PHOTOS_PER_POST) refuse(`photos.errors.tooMany?max=${PHOTOS_PER_POST}`, 400)
  const final = options.final(fields)
  for (const photo of photos) {
    const alt = final && !photo.alt ? ['photos.errors.altRequired'] : []
    if (photo.alt.length > ALT_TEXT_MAX) alt.push(`errors.tooLong?max=${ALT_TEXT_MAX}`)
    if (alt.length) errors.alt[photo.key] = alt
    if (photo.caption.length > CAPTION_MAX) {
      errors.caption[photo.key] = [`errors.tooLong?max=${CAPTION_MAX}`]
    }
  }
  if (status === 200 && (Object.keys(errors.alt).length || Object.keys(errors.caption).length)) {
    status = 400
  }

  const usePlace = fields.get(PHOTO_FIELDS.usePlace) === 'on'
  const photoPlace = usePlace
    ? await draftPlace(
        userId,
        photos.map((p) => p.key),
      )
    : null
  return { fields, photos, errors, status, photoPlace }
}

/** The "Upload photos" button (forms without JavaScript): keep the photos, post nothing yet. */
export function onlyUploading(fields: FormData) {
  return fields.get(PHOTO_FIELDS.upload) === 'upload'
}

/** Whether the form has any photo error to show. */
export function hasPhotoErrors(errors: PhotoErrors) {
  return (
    errors.photos.length > 0 ||
    Object.keys(errors.alt).length > 0 ||
    Object.keys(errors.caption).length > 0
  )
}

export const noPhotoErrors: PhotoErrors = { photos: [], alt: {}, caption: {} }

/** What a form gets back about its photos (see PhotoReply in utils/intent-reply). */
export function photoReply(form: PhotoForm, errors: PhotoErrors = form.errors) {
  return {
    photos: form.photos,
    photoErrors: errors,
    usePlace: form.fields.get(PHOTO_FIELDS.usePlace) === 'on',
    round: crypto.randomUUID(),
  }
}
