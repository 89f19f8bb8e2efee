import { Form } from '@remix-run/react'
import { FormErrors, TextField } from '~/components/forms'
import { MergeSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { useTriageForm } from './shared'

/** Merging this challenge into another as a duplicate. */
export function MergeSection() {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm('merge', MergeSchema)
  return (
    <section aria-labelledby="merge">
      <h2 id="merge">{t('triage.merge.heading')}</h2>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="merge" />
        <TextField
          id="intoId"
          field={fields.intoId}
          label={t('triage.merge.into')}
          inputMode="numeric"
          pattern="[0-9]*"
        />
        <button type="submit" className="button secondary">
          {t('triage.merge.submit')}
        </button>
      </Form>
    </section>
  )
}
