import { Form } from '@remix-run/react'
import { FormErrors, TextAreaField } from '~/components/forms'
import { AppealDecisionSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { triageFormKey } from '~/utils/triage-keys'
import { useTriageForm, type TriageData } from './shared'

type Appeal = TriageData['appeals'][number]

/** Appeals against hiding, each decided with an optional note to its author. */
export function AppealsSection({ appeals }: { appeals: TriageData['appeals'] }) {
  const { t } = useTranslation()
  if (appeals.length === 0) return null
  return (
    <section aria-labelledby="appeals">
      <h2 id="appeals">{t('triage.appeals')}</h2>
      <ul className="plain">
        {appeals.map((a) => (
          <li key={a.id}>
            <p>
              {t(`moderation.subject.${a.subject_type}`)} #{a.subject_id} · {a.user_name}: {a.body}{' '}
              ({t(`triage.appealStatus.${a.status}`)})
            </p>
            {a.status === 'open' && <AppealForm appeal={a} />}
          </li>
        ))}
      </ul>
    </section>
  )
}

function AppealForm({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm(triageFormKey('appeal', appeal.id), AppealDecisionSchema)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="appeal" />
      <input type="hidden" name="appealId" value={appeal.id} />
      <TextAreaField
        field={fields.note}
        id={`appeal-note-${appeal.id}`}
        label={t('triage.appealNote')}
        hint={t('triage.appealNoteHint')}
        rows={2}
      />
      <div className="inline-actions">
        <button type="submit" name="restore" value="yes" className="button secondary">
          {t('triage.uphold')}
        </button>
        <button type="submit" name="restore" value="no" className="button secondary">
          {t('triage.rejectAppeal')}
        </button>
      </div>
    </Form>
  )
}
