import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
import { MergeSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { useTriageForm } from './shared'

/** Merging this challenge into another as a duplicate. */
export function MergeSection() {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm('merge', MergeSchema)
  const invalid = Boolean(fields.intoId.errors?.length)
  return (
    <section aria-labelledby="merge">
      <h2 id="merge">{t('triage.merge.heading')}</h2>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="merge" />
        <div className="field">
          <label htmlFor="intoId">{t('triage.merge.into')}</label>
          <input
            key={fields.intoId.key}
            id="intoId"
            name={fields.intoId.name}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={String(fields.intoId.initialValue ?? '')}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? 'intoId-error' : undefined}
          />
          <FieldErrors id="intoId-error" errors={fields.intoId.errors} />
        </div>
        <button type="submit" className="button secondary">
          {t('triage.merge.submit')}
        </button>
      </Form>
    </section>
  )
}
