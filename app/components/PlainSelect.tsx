import { FieldErrors } from '~/components/forms'

/**
 * A labelled <select> for plain forms (GET filters, bulk actions) that Conform does not manage.
 * `empty` adds a first option with the value "" ("any", "none"). With `errors` (translation
 * keys) it is marked invalid, shows them under it, and starts on the empty option.
 */
export function PlainSelect(props: {
  id: string
  name?: string
  label: string
  defaultValue?: string | number
  empty?: string
  options: ReadonlyArray<{ value: string | number; label: string }>
  errors?: string[]
}) {
  const invalid = Boolean(props.errors?.length)
  const errorId = `${props.id}-error`
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name ?? props.id}
        defaultValue={invalid ? '' : (props.defaultValue ?? '')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={props.errors} />
    </div>
  )
}
