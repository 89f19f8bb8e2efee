import { Form } from '@remix-run/react'
import { FormErrors, TextAreaField } from '~/components/forms'
import { NoteSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { useTriageForm, type TriageData } from './shared'

/** Notes moderators leave each other (never shown to the public), and a new one. */
export function NotesSection({ notes }: { notes: TriageData['notes'] }) {
  const { t, i18n } = useTranslation()
  const [form, fields] = useTriageForm('note', NoteSchema)
  return (
    <section aria-labelledby="notes">
      <h2 id="notes">{t('triage.notes')}</h2>
      <p className="hint">{t('triage.notesHint')}</p>
      <ul className="plain">
        {notes.map((n) => (
          <li key={n.id}>
            <strong>{n.author_name}</strong> · {formatDateTime(n.created_at, i18n.language)}:{' '}
            {n.body}
          </li>
        ))}
      </ul>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="note" />
        <TextAreaField field={fields.body} id="note-body" label={t('triage.noteLabel')} rows={2} />
        <button type="submit" className="button secondary">
          {t('triage.addNote')}
        </button>
      </Form>
    </section>
  )
}
