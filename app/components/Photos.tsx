import { useTranslation } from '~/i18n-react'
import { photoUrl, sizeOf } from '~/utils/photo'
import type { PhotoSize } from '#db/schema'

/** A photo as the pages get it (models/photo.server.ts, ShownPhoto). */
export interface PagePhoto {
  key: string
  alt: string
  caption: string | null
  width: number
  height: number
  hidden: boolean
  hidden_reason: string | null
}

const SIZES: PhotoSize[] = ['card', 'page', 'full']

function srcSet(photo: PagePhoto, format: 'webp' | 'jpeg') {
  return SIZES.map((size) => `${photoUrl(photo.key, size, format)} ${sizeOf(photo, size).width}w`)
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
  const { width, height } = sizeOf(photo, 'page')
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

/** A post's photos, each with its caption and a link to the full size. */
export function PhotoGallery({ photos, label }: { photos: PagePhoto[]; label: string }) {
  const { t } = useTranslation()
  if (!photos.length) return null
  return (
    <ul className="photo-gallery" aria-label={label}>
      {photos.map((photo, i) => (
        <li key={photo.key}>
          <figure>
            <a href={photoUrl(photo.key, 'full', 'jpeg')}>
              <Photo photo={photo} eager={i === 0} sizes={GALLERY_SIZES} />
            </a>
            {(photo.caption || photo.hidden) && (
              <figcaption>
                {photo.caption}
                {photo.hidden && (
                  <span className="notice">
                    {t('photos.hiddenNotice', { reason: photo.hidden_reason ?? '' })}
                  </span>
                )}
              </figcaption>
            )}
          </figure>
        </li>
      ))}
    </ul>
  )
}
