import { Form } from '@remix-run/react'
import { ButtonSchema } from '~/forms/fields'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { ReplyErrors, useTriageForm, type TriageData } from './shared'

/** Every flag on the challenge and its posts, and one button to dismiss the open ones. */
export function FlagsSection({ flags }: { flags: TriageData['flags'] }) {
  const { t, i18n } = useTranslation()
  const [form] = useTriageForm('dismiss', ButtonSchema)
  return (
    <section aria-labelledby="flags">
      <h2 id="flags">{t('triage.flags', { count: flags.length })}</h2>
      {flags.some((f) => !f.resolved_at) && (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <ReplyErrors form={form} />
          <button type="submit" name="intent" value="dismiss" className="button secondary">
            {t('triage.dismiss')}
          </button>
        </Form>
      )}
      <ul className="plain">
        {flags.map((f) => (
          <li key={f.id}>
            {t(`moderation.subject.${f.subject_type}`)} #{f.subject_id}:{' '}
            {t(`flagReasons.${f.reason}`)}
            {f.note && <> – “{f.note}”</>} ({f.user_name ?? '–'},{' '}
            {formatDateTime(f.created_at, i18n.language)})
            {f.resolved_at && <> · {t('triage.resolved')}</>}
          </li>
        ))}
      </ul>
    </section>
  )
}
