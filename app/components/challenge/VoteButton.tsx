import { useFetcher } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

/**
 * A real form (works without JavaScript); with JavaScript the count changes at once and the
 * server's answer confirms it.
 */
export function VoteButton(props: {
  action: string
  voted: boolean
  count: number
  canVote: boolean
  intentPrefix?: '' | 'solution'
  targetId?: number
  label: string
}) {
  const { t } = useTranslation()
  const fetcher = useFetcher()
  const [on, off] =
    props.intentPrefix === 'solution' ? ['vote-solution', 'unvote-solution'] : ['vote', 'unvote']
  const pending = fetcher.formData?.get('intent')
  const voted = pending ? pending === on : props.voted
  const count = props.count + (voted === props.voted ? 0 : voted ? 1 : -1)
  if (!props.canVote) {
    return (
      <p className="vote-count">
        <strong>{count}</strong> {t('challenge.votesLabel', { count })}
      </p>
    )
  }
  return (
    <fetcher.Form method="post" action={props.action} className="vote">
      <input type="hidden" name="intent" value={voted ? off : on} />
      {props.targetId !== undefined && (
        <input type="hidden" name="targetId" value={props.targetId} />
      )}
      <button
        type="submit"
        className={voted ? 'button' : 'button secondary'}
        aria-pressed={voted}
        aria-label={`${voted ? t('challenge.unvote') : t('challenge.vote')}: ${props.label}`}
      >
        {voted ? t('challenge.voted') : t('challenge.vote')}
      </button>{' '}
      <span className="vote-count" aria-live="polite">
        <strong>{count}</strong> {t('challenge.votesLabel', { count })}
      </span>
    </fetcher.Form>
  )
}
