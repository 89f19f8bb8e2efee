import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'

/**
 * Tells the author of a post that waits for a moderator (a held comment, proposal or pledge, or
 * a pending challenge) plainly what happens next. Only its author and moderators ever see it.
 * `reviewed`: held because every post is reviewed (pre-moderation), not because the account is
 * new (quarantine).
 */
export function HeldNotice({
  kind,
  reviewed = false,
}: {
  kind: 'challenge' | 'comment' | 'solution' | 'pledge'
  reviewed?: boolean
}) {
  const { t } = useTranslation()
  const next =
    kind === 'challenge'
      ? 'challenge.held.nextChallenge'
      : kind === 'pledge'
        ? 'challenge.held.nextPledge'
        : reviewed
          ? 'challenge.held.nextReviewed'
          : 'challenge.held.next'
  return (
    <div className="notice-neutral" role="status">
      <p>
        <strong>{t('challenge.held.title')}</strong>{' '}
        {t(
          reviewed && kind !== 'challenge'
            ? `challenge.held.reviewed.${kind}`
            : `challenge.held.${kind}`,
        )}
      </p>
      <p>{t(next)}</p>
    </div>
  )
}

/**
 * An edit of a published post that waits for a moderator, told to whoever may edit it: the
 * approved text below stays what everyone reads until then.
 */
export function PendingEditNotice({
  since,
  kind,
}: {
  since: string
  kind: 'challenge' | 'solution'
}) {
  const { t, i18n } = useTranslation()
  return (
    <p className="notice-neutral" role="status">
      <strong>{t('challenge.held.editTitle')}</strong>{' '}
      {t(`challenge.held.edit.${kind}`, { date: formatDateTime(since, i18n.language) })}
    </p>
  )
}

/**
 * On an edit page: an edit that waits for a moderator (this person's own, which the form goes on
 * from, or someone else's), or that this person's edits will wait for one.
 */
export function EditReviewNotice(props: {
  pendingSince: string | null
  ownDraft: boolean
  review: boolean
}) {
  const { t, i18n } = useTranslation()
  if (props.pendingSince) {
    return (
      <p className="notice-neutral" role="status">
        {t(props.ownDraft ? 'edit.pendingOwn' : 'edit.pendingOther', {
          date: formatDateTime(props.pendingSince, i18n.language),
        })}
      </p>
    )
  }
  return props.review ? <p className="hint">{t('edit.reviewed')}</p> : null
}
