import { Form } from '@remix-run/react'
import { TextAreaField } from '~/components/forms'
import { DECISION_MAX, DisputeDecisionSchema } from '~/forms/dispute'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { triageFormKey } from '~/utils/triage-keys'
import { useTriageForm, type TriageData } from './shared'

type Dispute = TriageData['disputes'][number]

/** Residents who say "solved" is not so: upheld (reopened) or rejected, with a note. */
export function DisputesSection(props: { disputes: TriageData['disputes']; version: number }) {
  const { t, i18n } = useTranslation()
  if (props.disputes.length === 0) return null
  return (
    <section aria-labelledby="disputes">
      <h2 id="disputes">{t('triage.disputes.heading')}</h2>
      <p className="hint">{t('triage.disputes.hint')}</p>
      <ul className="plain">
        {props.disputes.map((d) => (
          <li key={d.id} className="dispute">
            <p>
              <strong>{d.user_name ?? t('challenge.formerMember')}</strong> ·{' '}
              {formatDateTime(d.created_at, i18n.language)} · {t(`triage.appealStatus.${d.status}`)}
            </p>
            <blockquote>{d.body}</blockquote>
            {d.status !== 'open' && d.decision_note && (
              <p className="meta">
                {t('triage.disputes.decidedBy', {
                  name: d.decider_name ?? '–',
                  date: d.decided_at ? formatDateTime(d.decided_at, i18n.language) : '',
                })}
                : {d.decision_note}
              </p>
            )}
            {d.status === 'open' && <DisputeForm dispute={d} version={props.version} />}
          </li>
        ))}
      </ul>
    </section>
  )
}

function DisputeForm({ dispute, version }: { dispute: Dispute; version: number }) {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm(triageFormKey('dispute', dispute.id), DisputeDecisionSchema)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="dispute" />
      <input type="hidden" name="disputeId" value={dispute.id} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        field={fields.note}
        id={`dispute-note-${dispute.id}`}
        // The decision's refusals (already decided, changed meanwhile) are said under the note too.
        errors={[...(form.errors ?? []), ...(fields.note.errors ?? [])]}
        label={t('triage.disputes.note')}
        hint={t('triage.disputes.noteHint')}
        rows={2}
        maxLength={DECISION_MAX}
      />
      <div className="inline-actions">
        <button type="submit" name="decision" value="uphold" className="button secondary">
          {t('triage.disputes.uphold')}
        </button>
        <button type="submit" name="decision" value="reject" className="button secondary">
          {t('triage.disputes.reject')}
        </button>
      </div>
    </Form>
  )
}
