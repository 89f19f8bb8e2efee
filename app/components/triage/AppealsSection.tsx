import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
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
  const noteId = `appeal-note-${appeal.id}`
  const invalid = Boolean(fields.note.errors?.length)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="appeal" />
      <input type="hidden" name="appealId" value={appeal.id} />
      <div className="field">
        <label htmlFor={noteId}>{t('triage.appealNote')}</label>
        <p className="hint" id={`${noteId}-hint`}>
          {t('triage.appealNoteHint')}
        </p>
        <textarea
          key={fields.note.key}
          id={noteId}
          name={fields.note.name}
          rows={2}
          maxLength={1000}
          defaultValue={String(fields.note.initialValue ?? '')}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`}
        />
        <FieldErrors id={`${noteId}-error`} errors={fields.note.errors} />
      </div>
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
