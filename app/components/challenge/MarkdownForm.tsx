import type { SubmissionResult } from '@conform-to/react'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import type { z } from 'zod'
import { FormErrors, SelectField, TextAreaField, useSchemaForm } from '~/components/forms'
import { useTranslation } from '~/i18n-react'
import { PhotoField } from '~/components/PhotoField'
import type { PhotoReply } from '~/utils/intent-reply'

const NO_PHOTO_ERRORS = { photos: [], alt: {}, caption: {} }

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
  /** The form takes photos: what the server sent back about them, if anything. */
  photos?: { reply: PhotoReply | undefined }
}) {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)
  useEmptiedAfterSaving(formRef)
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
  return (
    <Form
      ref={formRef}
      method="post"
      action={props.action}
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
      className="markdown-form"
      encType={props.photos ? 'multipart/form-data' : undefined}
    >
      <FormErrors form={form} />
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField field={field} label={props.label} hint={props.hint} rows={props.rows ?? 4} />
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
      {props.photos && (
        <PhotoField
          id={`${props.id}-photos`}
          photos={props.photos.reply?.photos ?? []}
          errors={props.photos.reply?.photoErrors ?? NO_PHOTO_ERRORS}
          usePlace={false}
          askPlace={false}
          round={props.photos.reply?.round ?? 'first'}
        />
      )}
      <button type="submit" className="button">
        {props.submit}
      </button>
    </Form>
  )
}

/**
 * With JavaScript the page stays mounted after the redirect back, so the text typed and the
 * open <details> around the form would stay too, as if nothing had been sent. Once this form's
 * own submission has come back without errors (a redirect leaves no action data), it is emptied
 * and closed; the page's confirmation (PostedNotice) says it was saved.
 */
function useEmptiedAfterSaving(ref: RefObject<HTMLFormElement>) {
  const navigation = useNavigation()
  const actionData = useActionData()
  const sent = useRef(false)
  useEffect(() => {
    const form = ref.current
    if (navigation.state === 'submitting') {
      sent.current = Boolean(form && navigation.formData && sameEntries(form, navigation.formData))
    } else if (navigation.state === 'idle' && sent.current) {
      sent.current = false
      if (!actionData && form) {
        form.reset()
        form.closest('details')?.removeAttribute('open')
      }
    }
  }, [navigation.state, navigation.formData, actionData, ref])
}

/** Whether a submission carries exactly this form's fields (several forms share one intent). */
function sameEntries(form: HTMLFormElement, sent: FormData) {
  const mine = [...new FormData(form).entries()].map(([k, v]) => `${k}=${String(v)}`).sort()
  const theirs = [...sent.entries()].map(([k, v]) => `${k}=${String(v)}`).sort()
  return mine.join('\n') === theirs.join('\n')
}
