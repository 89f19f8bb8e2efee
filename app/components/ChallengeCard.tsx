import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'
import { formatDate, formatNumber } from '~/utils/format'
import { photoUrl } from '~/utils/photo'

export interface ChallengeCardData {
  id: number
  title: string
  titleParts?: Array<{ text: string; hit: boolean }> | null
  summary: string
  status: string
  poster_kind: string
  vote_count: number
  solution_count: number
  pledge_count: number
  comment_count: number
  created_at: string
  category: string
  area: string
  organisation_name: string | null
  /** The first public photo, at card size (models/challenge-card.server.ts, cardPhotos). */
  photo?: { key: string; alt: string; width: number; height: number }
}

export function ChallengeCard({ challenge }: { challenge: ChallengeCardData }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <article
      className={challenge.photo ? 'card with-photo' : 'card'}
      aria-labelledby={`challenge-${challenge.id}`}
    >
      {challenge.photo && <CardPhoto photo={challenge.photo} />}
      <h3 id={`challenge-${challenge.id}`}>
        <Link to={`/challenges/${challenge.id}`}>
          {challenge.titleParts
            ? challenge.titleParts.map((part, i) =>
                part.hit ? <mark key={i}>{part.text}</mark> : part.text,
              )
            : challenge.title}
        </Link>
      </h3>
      <p className="meta">
        <StatusBadge status={challenge.status} /> {challenge.category} · {challenge.area} ·{' '}
        {challenge.organisation_name ?? t(`posterKinds.${challenge.poster_kind}`)} ·{' '}
        <time dateTime={challenge.created_at}>
          {formatDate(challenge.created_at, locale, 'short')}
        </time>
      </p>
      <p>{challenge.summary}</p>
      <ul className="counts" aria-label={t('board.counts')}>
        <li>
          {t('board.votes', {
            count: challenge.vote_count,
            formatted: formatNumber(challenge.vote_count, locale),
          })}
        </li>
        <li>{t('board.solutions', { count: challenge.solution_count })}</li>
        <li>{t('board.pledges', { count: challenge.pledge_count })}</li>
        <li>{t('board.comments', { count: challenge.comment_count })}</li>
      </ul>
    </article>
  )
}

/** One small image: the card size only, WebP with a JPEG fallback, lazy (cards run long). */
function CardPhoto({ photo }: { photo: NonNullable<ChallengeCardData['photo']> }) {
  return (
    <picture className="card-photo">
      <source type="image/webp" srcSet={photoUrl(photo.key, 'card', 'webp')} />
      <img
        src={photoUrl(photo.key, 'card', 'jpeg')}
        width={photo.width}
        height={photo.height}
        alt={photo.alt}
        loading="lazy"
        decoding="async"
      />
    </picture>
  )
}
