import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors } from '~/components/forms'
import {
  ALT_TEXT_MAX,
  CAPTION_MAX,
  PHOTO_ACCEPT,
  PHOTO_FIELDS,
  PHOTO_MAX_BYTES,
  PHOTOS_PER_POST,
} from '~/models/photo-constants'
import type { PhotoEntry, PhotoErrors } from '~/services/photo-form.server'
import { photoUrl, sizeOf } from '~/utils/photo'
import { useHydrated } from '~/utils/use-hydrated'

const MB = Math.round(PHOTO_MAX_BYTES / 1024 / 1024)

/**
 * The photos of a form that takes them. Without JavaScript: a plain file input and an "Upload"
 * button; uploaded photos come back as drafts, each with its alternative text, caption and a
 * "remove" box, so nothing is chosen twice. With JavaScript, chosen files show at once with
 * their own text fields, and can be reordered or removed before posting.
 */
export function PhotoField({
  id,
  photos,
  errors,
  usePlace,
  round,
  askPlace = true,
}: {
  id: string
  photos: PhotoEntry[]
  errors: PhotoErrors
  usePlace: boolean
  /** Offer "use where the photo was taken" (a challenge's place; not on proposals). */
  askPlace?: boolean
  /** Changes with each answer from the server: the files sent are drafts now, the input empties. */
  round: string
}) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const fileErrorId = `${id}-files-error`
  const hasFileErrors = errors.photos.length > 0
  const room = PHOTOS_PER_POST - photos.length
  return (
    <fieldset className="photo-field" id={id}>
      <legend>{t('photos.legend')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('photos.hint', { max: PHOTOS_PER_POST, mb: MB })}
      </p>
      <p className="hint" id={`${id}-alt-help`}>
        {t('photos.altHelp')}
      </p>
      {photos.length > 0 && (
        <ol className="photo-drafts">
          {photos.map((photo, i) => (
            <DraftPhoto
              key={photo.key}
              photo={photo}
              index={i}
              errors={errors}
              helpId={`${id}-alt-help`}
            />
          ))}
        </ol>
      )}
      {room > 0 ? (
        <NewPhotos
          key={round}
          id={id}
          room={room}
          offset={photos.length}
          describedBy={`${id}-hint${hasFileErrors ? ` ${fileErrorId}` : ''}`}
          invalid={hasFileErrors}
          hydrated={hydrated}
        />
      ) : (
        <p className="hint">{t('photos.full', { max: PHOTOS_PER_POST })}</p>
      )}
      <FieldErrors id={fileErrorId} errors={errors.photos} />
      {!hydrated && room > 0 && (
        <button
          type="submit"
          name={PHOTO_FIELDS.upload}
          value="upload"
          className="button secondary"
        >
          {t('photos.upload')}
        </button>
      )}
      {askPlace && (
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-use-place`}
            name={PHOTO_FIELDS.usePlace}
            defaultChecked={usePlace}
            aria-describedby={`${id}-use-place-hint`}
          />
          <label htmlFor={`${id}-use-place`}>{t('photos.usePlace')}</label>
          <p className="hint" id={`${id}-use-place-hint`}>
            {t('photos.usePlaceHint')}
          </p>
        </div>
      )}
    </fieldset>
  )
}

function DraftPhoto({
  photo,
  index,
  errors,
  helpId,
}: {
  photo: PhotoEntry
  index: number
  errors: PhotoErrors
  helpId: string
}) {
  const { t } = useTranslation()
  const base = `photo-${photo.key}`
  const altErrors = errors.alt[photo.key]
  const captionErrors = errors.caption[photo.key]
  const { width, height } = sizeOf(photo, 'card')
  return (
    <li className="photo-draft">
      <img
        src={photoUrl(photo.key, 'card', 'webp')}
        width={width}
        height={height}
        alt={t('photos.draftAlt', { n: index + 1 })}
      />
      <div>
        <input type="hidden" name={PHOTO_FIELDS.key} value={photo.key} />
        {photo.hasPlace && <p className="hint">{t('photos.hasPlace')}</p>}
        <div className="field">
          <label htmlFor={`${base}-alt`}>{t('photos.alt', { n: index + 1 })}</label>
          <input
            id={`${base}-alt`}
            type="text"
            name={PHOTO_FIELDS.alt}
            defaultValue={photo.alt}
            maxLength={ALT_TEXT_MAX}
            aria-invalid={altErrors ? true : undefined}
            aria-describedby={altErrors ? `${helpId} ${base}-alt-error` : helpId}
          />
          <FieldErrors id={`${base}-alt-error`} errors={altErrors} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-caption`}>{t('photos.caption', { n: index + 1 })}</label>
          <input
            id={`${base}-caption`}
            type="text"
            name={PHOTO_FIELDS.caption}
            defaultValue={photo.caption}
            maxLength={CAPTION_MAX}
            aria-invalid={captionErrors ? true : undefined}
            aria-describedby={captionErrors ? `${base}-caption-error` : undefined}
          />
          <FieldErrors id={`${base}-caption-error`} errors={captionErrors} />
        </div>
        <div className="choice">
          <input
            type="checkbox"
            id={`${base}-remove`}
            name={PHOTO_FIELDS.remove}
            value={photo.key}
          />
          <label htmlFor={`${base}-remove`}>{t('photos.remove', { n: index + 1 })}</label>
        </div>
      </div>
    </li>
  )
}

interface Chosen {
  file: File
  url: string
  id: number
}

/**
 * The file input. With JavaScript, each chosen file is listed with a preview and its own text
 * fields (sent in the files' order), and moving or removing one rewrites the input's file list.
 */
function NewPhotos({
  id,
  room,
  offset,
  describedBy,
  invalid,
  hydrated,
}: {
  id: string
  room: number
  offset: number
  describedBy: string
  invalid: boolean
  hydrated: boolean
}) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [chosen, setChosen] = useState<Chosen[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const next = useRef(0)

  useEffect(() => () => chosen.forEach((c) => URL.revokeObjectURL(c.url)), [chosen])

  const sync = (list: Chosen[]) => {
    const transfer = new DataTransfer()
    for (const c of list) transfer.items.add(c.file)
    if (input.current) input.current.files = transfer.files
    setChosen(list)
  }
  const onChange = () => {
    const files = [...(input.current?.files ?? [])]
    const tooBig = files.filter((f) => f.size > PHOTO_MAX_BYTES)
    const kept = files.filter((f) => f.size <= PHOTO_MAX_BYTES).slice(0, room)
    setProblem(
      tooBig.length
        ? t('photos.errors.tooLarge', { name: tooBig.map((f) => f.name).join(', '), max: MB })
        : files.length > room
          ? t('photos.errors.tooMany', { max: PHOTOS_PER_POST })
          : null,
    )
    sync(kept.map((file) => ({ file, url: URL.createObjectURL(file), id: next.current++ })))
  }
  const move = (from: number, to: number) => {
    const list = [...chosen]
    const [item] = list.splice(from, 1)
    list.splice(to, 0, item!)
    sync(list)
  }
  const remove = (at: number) => sync(chosen.filter((_, i) => i !== at))

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('photos.choose')}</label>
        <input
          ref={input}
          type="file"
          id={`${id}-files`}
          name={PHOTO_FIELDS.files}
          accept={PHOTO_ACCEPT}
          multiple
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={hydrated ? onChange : undefined}
        />
      </div>
      {problem && (
        <p className="field-errors" role="alert">
          {problem}
        </p>
      )}
      {chosen.length > 0 && (
        <ol className="photo-drafts" aria-label={t('photos.chosen')}>
          {chosen.map((c, i) => (
            <li key={c.id} className="photo-draft">
              <img src={c.url} alt={t('photos.draftAlt', { n: offset + i + 1 })} />
              <div>
                <div className="field">
                  <label htmlFor={`${id}-new-${c.id}-alt`}>
                    {t('photos.alt', { n: offset + i + 1 })}
                  </label>
                  <input
                    id={`${id}-new-${c.id}-alt`}
                    type="text"
                    name={PHOTO_FIELDS.newAlt}
                    maxLength={ALT_TEXT_MAX}
                    aria-describedby={`${id}-alt-help`}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-new-${c.id}-caption`}>
                    {t('photos.caption', { n: offset + i + 1 })}
                  </label>
                  <input
                    id={`${id}-new-${c.id}-caption`}
                    type="text"
                    name={PHOTO_FIELDS.newCaption}
                    maxLength={CAPTION_MAX}
                  />
                </div>
                <div className="actions">
                  {i > 0 && (
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => move(i, i - 1)}
                    >
                      {t('photos.moveUp', { n: offset + i + 1 })}
                    </button>
                  )}
                  {i < chosen.length - 1 && (
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => move(i, i + 1)}
                    >
                      {t('photos.moveDown', { n: offset + i + 1 })}
                    </button>
                  )}
                  <button type="button" className="button secondary" onClick={() => remove(i)}>
                    {t('photos.removeChosen', { n: offset + i + 1 })}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
