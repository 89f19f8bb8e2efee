import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors, useSchemaForm } from '~/components/forms'
import { FlagSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import { FLAG_REASONS, type FLAG_SUBJECTS } from '~/models/flag-reasons'

export { flagIntentKey } from '~/models/flag-reasons'

export type FlagSubjectType = (typeof FLAG_SUBJECTS)[number]

/**
 * "Report to a moderator" for one post: a `<details>` with its own small form, so it works
 * without JavaScript and every field's id and label is unique on the page.
 */
export function FlagControl(props: {
  action: string
  subjectType: FlagSubjectType
  subjectId: number
  /** Names the post for screen readers, e.g. "the comment by Anna". */
  label: string
  lastResult?: SubmissionResult<string[]>
}) {
  const { t } = useTranslation()
  const base =
    props.subjectType === 'challenge' ? 'flag' : `flag-${props.subjectType}-${props.subjectId}`
  const [form, fields] = useSchemaForm({
    id: base,
    schema: FlagSchema,
    lastResult: props.lastResult,
  })
  const reasonError = `${base}-reason-error`
  const noteError = `${base}-note-error`
  const noteInvalid = Boolean(fields.note.errors?.length)
  return (
    <details className="flag" open={Boolean(props.lastResult)}>
      <summary>
        {t('challenge.flag')}
        {props.subjectType !== 'challenge' && (
          <span className="visually-hidden"> – {props.label}</span>
        )}
      </summary>
      <Form method="post" action={props.action} id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="flag" />
        <input type="hidden" name="subjectType" value={props.subjectType} />
        <input type="hidden" name="subjectId" value={props.subjectId} />
        <fieldset aria-describedby={fields.reason.errors ? reasonError : undefined}>
          <legend>{t('challenge.flagReason')}</legend>
          {FLAG_REASONS.map((reason) => (
            <div className="choice" key={reason}>
              <input
                type="radio"
                id={`${base}-${reason}`}
                name={fields.reason.name}
                value={reason}
              />
              <label htmlFor={`${base}-${reason}`}>{t(`flagReasons.${reason}`)}</label>
            </div>
          ))}
          {fields.reason.errors && (
            <p className="field-errors" id={reasonError}>
              {t('errors.choose')}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${base}-note`}>{t('challenge.flagNote')}</label>
          <input
            id={`${base}-note`}
            name="note"
            type="text"
            maxLength={500}
            aria-invalid={noteInvalid || undefined}
            aria-describedby={noteInvalid ? noteError : undefined}
          />
          <FieldErrors id={noteError} errors={fields.note.errors} />
        </div>
        <button type="submit" className="button secondary">
          {t('challenge.flagSubmit')}
        </button>
      </Form>
    </details>
  )
}
