import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Children, isValidElement, type ReactNode } from 'react'
import { useTranslation } from '~/i18n-react'
import type { z } from 'zod'

// A schema's HTML constraints never change; a challenge page renders a dozen forms per request.
const constraints = new WeakMap<z.ZodTypeAny, ReturnType<typeof getZodConstraint>>()
function constraintOf(schema: z.ZodTypeAny) {
  let constraint = constraints.get(schema)
  if (!constraint) constraints.set(schema, (constraint = getZodConstraint(schema)))
  return constraint
}

/**
 * The one way forms are wired: the action's zod schema also checks in the browser. Errors first
 * show on submit (validating on blur moved the button the user was about to click), then are
 * re-checked as the user leaves each corrected field.
 */
export function useSchemaForm<Schema extends z.ZodTypeAny>(options: {
  id: string
  schema: Schema
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Record<string, string>
  /** false: only the server checks (it reports every field at once; see the register form). */
  validateInBrowser?: boolean
}) {
  const { schema, validateInBrowser = true } = options
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    constraint: constraintOf(schema),
    onValidate: validateInBrowser
      ? ({ formData }) => parseWithZod(formData, { schema })
      : undefined,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
}

/** Turns an error key from a schema ("errors.tooLong?max=80") into a sentence. */
export function useErrorText() {
  const { t } = useTranslation()
  return (message: string) => {
    const [key = message, query] = message.split('?')
    const params = Object.fromEntries(new URLSearchParams(query ?? ''))
    return t(key, params)
  }
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const text = useErrorText()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{text(e)}</li>
      ))}
    </ul>
  )
}

function describedBy(...ids: Array<string | false | undefined>) {
  const joined = ids.filter(Boolean).join(' ')
  return joined || undefined
}

/**
 * A control with its label, hint and errors, tied together for assistive technology: the
 * control gets its `aria-*` attributes from `children`'s argument.
 */
function LabelledField({
  field,
  label,
  hint,
  id = field.id,
  errors = field.errors,
  children,
}: {
  field: FieldMetadata<unknown>
  label: string
  hint?: string
  /** The control's id when the page names it itself (several forms of one kind on a page). */
  id?: string
  /** Messages said under the field when more than its own belong there (the form's refusals). */
  errors?: string[]
  children: (aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = id === field.id ? field.errorId : `${id}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy(hintId, invalid && errorId),
      })}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

// Not 'url': a field sends back what was typed, and HTML forbids a url input whose value is not
// an absolute URL, so a page with the user's mistake in it would be invalid. A web address is a
// text field with inputMode="url".
type InputType = 'text' | 'email' | 'password' | 'search' | 'number'

export function TextField({
  field,
  label,
  type = 'text',
  hint,
  autoComplete,
  inputMode,
  pattern,
  required,
  id,
}: {
  field: FieldMetadata<unknown>
  label: string
  type?: InputType
  hint?: string
  autoComplete?: string
  inputMode?: 'numeric' | 'url'
  pattern?: string
  required?: boolean
  /** The control's id when the page names it itself (tests and links reach it by that id). */
  id?: string
}) {
  // A schema's number limits come as min/max/step, which HTML allows on number and date inputs
  // only; a whole number is mostly typed in a text field (inputMode="numeric") and its hint gives
  // the range.
  const { key, min, max, step, ...props } = getInputProps(field, { type, ariaAttributes: false })
  const limits = type === 'number' ? { min, max, step } : {}
  return (
    <LabelledField field={field} label={label} hint={hint} id={id}>
      {(aria) => (
        <input
          key={key}
          {...props}
          {...limits}
          id={id ?? props.id}
          autoComplete={autoComplete}
          inputMode={inputMode}
          pattern={pattern ?? props.pattern}
          required={required}
          {...aria}
        />
      )}
    </LabelledField>
  )
}

export function TextAreaField({
  field,
  label,
  hint,
  maxLength,
  rows = 5,
  lang,
  id,
  errors,
}: {
  field: FieldMetadata<unknown>
  label: string
  hint?: string
  /** By default the schema's own limit. */
  maxLength?: number
  rows?: number
  lang?: string
  id?: string
  errors?: string[]
}) {
  const { key, ...props } = getTextareaProps(field, { ariaAttributes: false })
  return (
    <LabelledField field={field} label={label} hint={hint} id={id} errors={errors}>
      {(aria) => (
        <textarea
          key={key}
          {...props}
          id={id ?? props.id}
          rows={rows}
          lang={lang}
          maxLength={maxLength ?? props.maxLength}
          {...aria}
        />
      )}
    </LabelledField>
  )
}

/**
 * Conform's select props for a single select. A field sent twice comes back as a list, and a
 * single select can show only one of them (two `selected` options are invalid HTML).
 */
export function singleSelectProps(field: FieldMetadata<unknown>) {
  const { defaultValue, ...props } = getSelectProps(field, { ariaAttributes: false })
  return { ...props, defaultValue: Array.isArray(defaultValue) ? defaultValue[0] : defaultValue }
}

export function SelectField({
  field,
  label,
  children,
  hint,
}: {
  field: FieldMetadata<unknown>
  label: string
  children: ReactNode
  hint?: string
}) {
  const { key, required, ...props } = singleSelectProps(field)
  // HTML allows `required` on a select only when its first option is an empty placeholder
  // ("Choose…"). Without one a value is always chosen, so there is nothing to require.
  const first = Children.toArray(children)[0]
  const placeholder =
    isValidElement<{ value?: unknown }>(first) &&
    first.type === 'option' &&
    first.props.value === ''
  return (
    <LabelledField field={field} label={label} hint={hint}>
      {(aria) => (
        <select key={key} {...props} required={placeholder ? required : undefined} {...aria}>
          {children}
        </select>
      )}
    </LabelledField>
  )
}

/** Errors that belong to the whole form, announced when they appear. */
export function FormErrors({ form }: { form: { errorId: string; errors?: string[] } }) {
  const text = useErrorText()
  const errors = form.errors ?? []
  return (
    <div id={form.errorId} role="alert" className={errors.length ? 'form-errors' : undefined}>
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  )
}
