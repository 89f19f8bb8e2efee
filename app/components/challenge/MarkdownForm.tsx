import { getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { FieldErrors, FormErrors, SelectField, useSchemaForm } from '~/components/forms'
import { useTranslation } from '~/i18n-react'

/** A form with one Markdown text area (comment, solution, pledge, progress) and its intent. */
export function MarkdownForm<Schema extends z.ZodTypeAny>(props: {
  id: string
  intent: string
  schema: Schema
  lastResult?: SubmissionResult<string[]> | null
  field: 'body' | 'plan'
  label: string
  hint?: string
  submit: string
  hidden?: Record<string, string | number>
  organisations?: Array<{ id: number; name: string }>
  action?: string
  rows?: number
  defaultValue?: string
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const [form, fields] = useSchemaForm({
    id: props.id,
    schema: props.schema,
    lastResult: props.lastResult,
    defaultValue:
      props.defaultValue === undefined ? undefined : { [props.field]: props.defaultValue },
  })
  const field = (fields as Record<string, (typeof fields)[keyof typeof fields]>)[props.field]!
  const organisationField = (fields as Record<string, (typeof fields)[keyof typeof fields]>)
    .organisationId
  const invalid = Boolean(field.errors?.length)
  const hintId = props.hint ? `${field.id}-hint` : undefined
  return (
    <Form
      method="post"
      action={props.action}
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
      className="markdown-form"
    >
      <FormErrors form={form} />
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor={field.id}>{props.label}</label>
        {props.hint && (
          <p id={hintId} className="hint">
            {props.hint}
          </p>
        )}
        <textarea
          {...getTextareaProps(field, { ariaAttributes: false })}
          key={field.key}
          rows={props.rows ?? 4}
          aria-invalid={invalid || undefined}
          aria-describedby={
            [hintId, invalid ? field.errorId : undefined].filter(Boolean).join(' ') || undefined
          }
        />
        <FieldErrors id={field.errorId} errors={field.errors} />
      </div>
      {props.organisations && props.organisations.length > 0 && organisationField && (
        <SelectField field={organisationField} label={t('post.onBehalf')}>
          <option value="">{t('post.myself')}</option>
          {props.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      {props.children}
      <button type="submit" className="button">
        {props.submit}
      </button>
    </Form>
  )
}
