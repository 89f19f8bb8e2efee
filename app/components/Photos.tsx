import { AppealForm } from '~/components/challenge/AppealForm'
import { FlagControl, flagIntentKey } from '~/components/challenge/FlagControl'
import type { Appeals } from '~/components/challenge/types'
import { useTranslation, type TFunction } from '~/i18n-react'
import { resultFor } from '~/utils/intent-reply'
import { photoUrl, storedSizeOf } from '~/utils/photo'
import type { PhotoSize } from '#db/schema'

/** A photo as the pages get it (models/photo.server.ts, ShownPhoto). */
export interface PagePhoto {
  /** Present where the photo can be flagged or appealed (the challenge page). */
  id?: number
  key: string
  alt: string
  caption: string | null
  width: number
  height: number
  /** The page size's stored dimensions (see storedSizeOf), when known. */
  pageSize?: { width: number; height: number } | null
  hidden: boolean
  hidden_reason: string | null
  /** The viewer uploaded it. */
  own?: boolean
}

/** A hiding reason's words: a code from the moderators' list, or text written before it. */
export const hideReason = (t: TFunction, reason: string | null) =>
  t(`hideReasons.${reason ?? 'other'}`, { defaultValue: reason ?? '' })

/** What a gallery needs to offer flagging, and an appeal of a hidden photo to its author. */
export interface PhotoControls {
  /** Where the page's forms post. */
  action: string
  /** Signed in and on the public board: may flag others' photos. */
  takesPart: boolean
  appeals: Appeals
  actionData: unknown
}

const SIZES: PhotoSize[] = ['card', 'page', 'full']

function srcSet(photo: PagePhoto, format: 'webp' | 'jpeg') {
  return SIZES.map(
    (size) => `${photoUrl(photo.key, size, format)} ${storedSizeOf(photo, size).width}w`,
  )
    .filter((entry, i, all) => all.findIndex((e) => e.split(' ')[1] === entry.split(' ')[1]) === i)
    .join(', ')
}

/**
 * One photo in WebP with a JPEG fallback, at the size the layout needs (`sizes`), with its
 * width and height so nothing moves when it arrives; lazy unless it is the first thing seen.
 */
export function Photo({
  photo,
  sizes,
  eager = false,
}: {
  photo: PagePhoto
  sizes: string
  eager?: boolean
}) {
  const { width, height } = storedSizeOf(photo, 'page')
  // The first photo seen is usually the page's largest paint: fetched ahead of the others.
  // (React 18 knows no fetchPriority prop; the lowercase attribute passes through as written.)
  const priority = eager ? { fetchpriority: 'high' } : {}
  return (
    <picture>
      <source type="image/webp" srcSet={srcSet(photo, 'webp')} sizes={sizes} />
      <img
        src={photoUrl(photo.key, 'page', 'jpeg')}
        srcSet={srcSet(photo, 'jpeg')}
        sizes={sizes}
        width={width}
        height={height}
        alt={photo.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        {...priority}
      />
    </picture>
  )
}

/**
 * How wide a gallery photo is shown, for the browser to choose a file before layout: the
 * gallery's grid in app.css (columns of at least 15rem, 0.75rem apart, in main's 64rem less
 * 1rem padding each side) gives one column below 32.75rem, two up to 48.5rem, then three of at
 * most 20.2rem. Saying "512px" on wide screens made a 1× screen fetch the 1024-px file for a
 * 323-px photo (Lighthouse, issue 13); now it takes the 480-px one.
 */
export const GALLERY_SIZES =
  '(min-width: 48.5rem) 20.25rem, (min-width: 32.75rem) calc(50vw - 1.4rem), calc(100vw - 2rem)'

/**
 * The photos after the first on a phone: two to a row under the first, which keeps the width
 * (app.css, `.photo-gallery`), so a phone fetches their 480-px files while the first, the
 * page's largest paint, loads (Lighthouse on a phone, issue 13). Wider screens as above.
 */
export const GALLERY_REST_SIZES = '(min-width: 48.5rem) 20.25rem, calc(50vw - 1.4rem)'

/**
 * A post's photos, each with its caption and a link to the full size; with `controls`, a flag
 * form under each of others' photos and, under the viewer's own hidden photo, the reason and
 * the appeal.
 */
export function PhotoGallery({
  photos,
  label,
  controls,
}: {
  photos: PagePhoto[]
  label: string
  controls?: PhotoControls
}) {
  const { t } = useTranslation()
  if (!photos.length) return null
  return (
    <ul className="photo-gallery" aria-label={label}>
      {photos.map((photo, i) => (
        <li key={photo.key}>
          <figure>
            <a href={photoUrl(photo.key, 'full', 'jpeg')}>
              <Photo
                photo={photo}
                eager={i === 0}
                sizes={i === 0 ? GALLERY_SIZES : GALLERY_REST_SIZES}
              />
            </a>
            {(photo.caption || photo.hidden) && (
              <figcaption>
                {photo.caption}
                {photo.hidden && (
                  <span className="notice">
                    {t('photos.hiddenNotice', {
                      reason: hideReason(t, photo.hidden_reason),
                    })}
                  </span>
                )}
              </figcaption>
            )}
          </figure>
          {controls && photo.id !== undefined && (
            <PhotoActions photo={{ ...photo, id: photo.id }} n={i + 1} controls={controls} />
          )}
        </li>
      ))}
    </ul>
  )
}

function PhotoActions(props: {
  photo: PagePhoto & { id: number }
  n: number
  controls: PhotoControls
}) {
  const { t } = useTranslation()
  const { photo, controls } = props
  if (photo.own && photo.hidden)
    return (
      <AppealForm
        action={controls.action}
        subjectType="photo"
        subjectId={photo.id}
        appeals={controls.appeals}
      />
    )
  if (photo.own || photo.hidden || !controls.takesPart) return null
  return (
    <FlagControl
      action={controls.action}
      subjectType="photo"
      subjectId={photo.id}
      label={t('photos.flagLabel', { n: props.n, alt: photo.alt })}
      lastResult={resultFor(controls.actionData, flagIntentKey('photo', photo.id))}
    />
  )
}
