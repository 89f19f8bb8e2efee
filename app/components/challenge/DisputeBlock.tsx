import type { SubmissionResult } from '@conform-to/react'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { DisputeSchema } from '~/forms/dispute'
import { useTranslation } from '~/i18n-react'
import { formatDate } from '~/utils/format'
import type { ChallengeData } from './types'

/**
 * A signed-in resident may dispute "solved" once; afterwards they see their dispute's state and,
 * once decided, the moderator's note.
 */
export function DisputeBlock(props: {
  dispute: ChallengeData['dispute']
  canDispute: boolean
  canManage: boolean
  lastResult?: SubmissionResult<string[]>
}) {
  const { t, i18n } = useTranslation()
  const { dispute } = props
  if (dispute) {
    const created = formatDate(dispute.created_at, i18n.language)
    const decided = dispute.decided_at ? formatDate(dispute.decided_at, i18n.language) : ''
    return (
      <div id="dispute" className="notice-neutral">
        <p>
          {dispute.status === 'open'
            ? t('disputes.waiting', { date: created })
            : t(`disputes.${dispute.status}`, { date: created, decided })}
        </p>
        {dispute.status !== 'open' && dispute.decision_note && (
          <p>{t('disputes.note', { note: dispute.decision_note })}</p>
        )}
      </div>
    )
  }
  // Whoever manages the challenge reopens it rather than disputing it (the server agrees).
  if (!props.canDispute || props.canManage) return null
  return (
    <details id="dispute" className="dispute" open={Boolean(props.lastResult)}>
      <summary>{t('disputes.summary')}</summary>
      <MarkdownForm
        id="dispute-form"
        intent="dispute"
        schema={DisputeSchema}
        lastResult={props.lastResult}
        field="body"
        label={t('disputes.label')}
        hint={t('disputes.hint')}
        submit={t('disputes.submit')}
        rows={3}
      />
    </details>
  )
}
