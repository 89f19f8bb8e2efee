import { hideReason, Photo } from '~/components/Photos'
import { useTranslation } from '~/i18n-react'
import { photoUrl } from '~/utils/photo'
import { VisibilityForm } from './PostsSection'
import type { TriageData } from './shared'

type TriagePhoto = TriageData['photos'][number]

/**
 * Every photo of the challenge and of its solutions and progress updates, each with a
 * thumbnail, its alternative text, its state and its own hide or restore form (issue 13).
 */
export function PhotosSection(props: { photos: TriageData['photos']; flags: TriageData['flags'] }) {
  const { t } = useTranslation()
  const { photos, flags } = props
  if (photos.length === 0) return null
  const openFlagsOn = (photo: TriagePhoto) =>
    flags.filter((f) => f.subject_type === 'photo' && f.subject_id === photo.id && !f.resolved_at)
  return (
    <section aria-labelledby="photos">
      <h2 id="photos">{t('triage.photos.heading', { count: photos.length })}</h2>
      <ul className="plain triage-photos">
        {photos.map((photo) => {
          const open = openFlagsOn(photo)
          return (
            <PhotoRow
              key={photo.id}
              photo={photo}
              flagCount={open.length}
              awaitsDecision={photo.hidden_reason === 'auto_flags' && open.length > 0}
              escalated={open.some((f) => f.escalated_at)}
            />
          )
        })}
      </ul>
    </section>
  )
}

function PhotoRow(props: {
  photo: TriagePhoto
  flagCount: number
  awaitsDecision: boolean
  escalated: boolean
}) {
  const { t } = useTranslation()
  const { photo } = props
  const label = t('triage.photos.label', { id: photo.id })
  const where =
    photo.place.on === 'challenge'
      ? t('triage.photos.onChallenge')
      : photo.place.on === 'solution'
        ? t('triage.photos.onSolution', { id: photo.place.id })
        : t('triage.photos.onUpdate', { id: photo.place.id })
  const hidden = photo.hidden_at !== null
  return (
    <li className="triage-photo">
      {/* The alternative text is written out beside it, so the thumbnail itself is silent. */}
      <Photo
        photo={{ ...photo, alt: '', hidden, hidden_reason: photo.hidden_reason }}
        sizes="10rem"
      />
      <div>
        <p>
          <strong>{label}</strong> {where} ({photo.author_name ?? '–'}) –{' '}
          {hidden
            ? t('triage.photos.hidden', {
                reason: hideReason(t, photo.hidden_reason),
              })
            : props.escalated
              ? t('triage.autoHidden.escalated')
              : t('triage.photos.shown')}
          {props.flagCount > 0 && <> · {t('triage.photos.flags', { count: props.flagCount })}</>}
        </p>
        <p>
          {t('triage.photos.alt')}: <span className="user-text">{photo.alt}</span>
          {photo.caption && (
            <>
              <br />
              {t('triage.photos.caption')}: <span className="user-text">{photo.caption}</span>
            </>
          )}
        </p>
        <p>
          <a href={photoUrl(photo.key, 'full', 'jpeg')}>
            {t('triage.photos.full', { photo: label })}
          </a>
        </p>
        <VisibilityForm
          subjectType="photo"
          subjectId={photo.id}
          hidden={hidden}
          awaitsDecision={props.awaitsDecision}
          label={label}
        />
      </div>
    </li>
  )
}
