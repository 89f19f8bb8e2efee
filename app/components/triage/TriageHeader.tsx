import { Link } from '@remix-run/react'
import { StatusBadge } from '~/components/StatusBadge'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import type { TriageData } from './shared'

/** Where the moderator is: links back, the title, what was just done, who posted it and its state. */
export function TriageHeader(props: { challenge: TriageData['challenge']; notice: string | null }) {
  const { t, i18n } = useTranslation()
  const { challenge, notice } = props
  return (
    <>
      <p>
        <Link to="/moderation">{t('triage.back')}</Link> ·{' '}
        <Link to={`/challenges/${challenge.id}`}>{t('triage.publicPage')}</Link>
      </p>
      <h1>{challenge.title}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`triage.notice.${notice}`, { defaultValue: t('triage.notice.saved') })}
        </p>
      )}
      <p className="meta">
        <StatusBadge status={challenge.status} /> ·{' '}
        {challenge.author_id ? (
          <Link to={`/moderation/users/${challenge.author_id}`}>
            {t('triage.postedBy', { name: challenge.author_name ?? '–' })}
          </Link>
        ) : (
          t('triage.postedBy', { name: '–' })
        )}{' '}
        · {formatDateTime(challenge.created_at, i18n.language)}
        {challenge.hidden_at && (
          <>
            {' '}
            · {t('triage.hiddenBecause', { reason: t(`hideReasons.${challenge.hidden_reason}`) })}
          </>
        )}
        {challenge.withdrawn_at && (
          <>
            {' '}
            ·{' '}
            {t('triage.withdrawn', {
              date: formatDateTime(challenge.withdrawn_at, i18n.language),
            })}
          </>
        )}
        {challenge.merged_into_id && (
          <>
            {' '}
            ·{' '}
            <Link to={`/moderation/challenges/${challenge.merged_into_id}`}>
              {t('triage.mergedInto', { id: challenge.merged_into_id })}
            </Link>
          </>
        )}
      </p>
      {/* Sanitised when it was written. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: challenge.description_html }} />
    </>
  )
}
