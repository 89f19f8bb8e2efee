/**
 * A labelled <select> for plain forms (GET filters, bulk actions) that Conform does not manage.
 * `empty` adds a first option with the value "" ("any", "none").
 */
export function PlainSelect(props: {
  id: string
  name?: string
  label: string
  defaultValue?: string | number
  empty?: string
  options: ReadonlyArray<{ value: string | number; label: string }>
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name ?? props.id} defaultValue={props.defaultValue ?? ''}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
