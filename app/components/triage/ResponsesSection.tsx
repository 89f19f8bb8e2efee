import { Form } from '@remix-run/react'
import { FormErrors, TextAreaField } from '~/components/forms'
import { OfficialResponseSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { useTriageForm, type TriageData } from './shared'

/** The official responses so far, and the moderator's own. */
export function ResponsesSection({ responses }: { responses: TriageData['responses'] }) {
  const { t, i18n } = useTranslation()
  const [form, fields] = useTriageForm('respond', OfficialResponseSchema)
  return (
    <section aria-labelledby="responses">
      <h2 id="responses">{t('triage.responses')}</h2>
      {responses.map((r) => (
        <div key={r.id} className="official">
          <p className="meta">
            {r.author_name} · {formatDateTime(r.created_at, i18n.language)}
          </p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: r.body_html }} />
        </div>
      ))}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="respond" />
        <TextAreaField
          field={fields.body}
          id="response-body"
          label={t('triage.responseLabel')}
          rows={3}
        />
        <button type="submit" className="button secondary">
          {t('triage.respond')}
        </button>
      </Form>
    </section>
  )
}
