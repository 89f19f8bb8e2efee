import { Link } from '@remix-run/react'
import { AppealForm } from '~/components/challenge/AppealForm'
import { HeldNotice, PendingEditNotice } from '~/components/challenge/HeldNotice'
import { StatusBadge } from '~/components/StatusBadge'
import { useTranslation } from '~/i18n-react'
import { formatDate } from '~/utils/format'
import type { ChallengeData } from './types'

/**
 * Status, title and who posted it, with every notice about the challenge's state: hidden (and
 * the appeal), withdrawn, waiting for a moderator, just flagged or appealed, closed, solved by.
 */
export function ChallengeHeader(props: {
  action: string
  challenge: ChallengeData['challenge']
  solvers: ChallengeData['solvers']
  appeals: ChallengeData['appeals']
  /** The viewer's own id, when signed in. */
  meId: number | null
  pendingEditSince: ChallengeData['pendingEditSince']
  appealed: boolean
  flagged: ChallengeData['flagged']
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const en = locale === 'en'
  const { challenge, solvers } = props
  return (
    <header>
      <p className="meta">
        <StatusBadge status={challenge.status} />{' '}
        {en ? challenge.category_en : challenge.category_sv} ·{' '}
        {en ? challenge.area_en : challenge.area_sv}
      </p>
      <h1 id="challenge-title">{challenge.title}</h1>
      <p className="meta">
        {t('challenge.postedBy', {
          name: challenge.organisation_name ?? challenge.author_name ?? t('challenge.formerMember'),
        })}{' '}
        {challenge.organisation_slug && (
          <>
            (
            <Link to={`/organisations/${challenge.organisation_slug}`}>
              {t(`kinds.${challenge.organisation_kind}`)}
            </Link>
            ){' '}
          </>
        )}
        · <time dateTime={challenge.created_at}>{formatDate(challenge.created_at, locale)}</time>
        {challenge.edited_at && <> · {t('challenge.edited')}</>}
      </p>
      {challenge.department_slug && (
        <p className="meta responsible">
          {t('challenge.responsible')}{' '}
          <Link to={`/organisations/${challenge.department_slug}`}>
            {challenge.department_name}
          </Link>
        </p>
      )}
      {challenge.hidden_at && (
        <div className="notice-neutral" role="status">
          <p>
            {t('challenge.hiddenNotice', { reason: t(`hideReasons.${challenge.hidden_reason}`) })}
          </p>
          <AppealForm
            action={props.action}
            subjectType="challenge"
            subjectId={challenge.id}
            appeals={props.appeals}
          />
        </div>
      )}
      {challenge.withdrawn_at ? (
        <p className="notice-neutral" role="status">
          {t('challenge.withdrawnNotice', {
            date: formatDate(challenge.withdrawn_at, locale),
          })}
        </p>
      ) : (
        challenge.status === 'pending' &&
        props.meId === challenge.author_id && <HeldNotice kind="challenge" />
      )}
      {props.pendingEditSince && (
        <PendingEditNotice kind="challenge" since={props.pendingEditSince} />
      )}
      {props.appealed && (
        <p className="notice" role="status">
          {t('challenge.appealed')}
        </p>
      )}
      {props.flagged && (
        <p className="notice" role="status">
          {t(props.flagged === 'hidden' ? 'challenge.flaggedHidden' : 'challenge.flagged')}
        </p>
      )}
      {challenge.status === 'closed' && challenge.closed_reason && (
        <p className="notice-neutral">
          {t('challenge.closedBecause', {
            reason:
              challenge.closed_reason === 'withdrawn'
                ? t('challenge.withdrawnReason')
                : challenge.closed_reason,
          })}
        </p>
      )}
      {challenge.status === 'solved' && solvers.length > 0 && (
        <p className="notice">
          {t('challenge.solvedBy')}{' '}
          {solvers.map((s, i) => (
            <span key={i}>
              {i > 0 && ', '}
              {s.organisation_slug ? (
                <Link to={`/organisations/${s.organisation_slug}`}>{s.organisation_name}</Link>
              ) : (
                s.user_name
              )}
            </span>
          ))}
        </p>
      )}
    </header>
  )
}
