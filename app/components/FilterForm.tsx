import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A list's filters: a GET form (so every filtered view has its own address) with a free-text
 * search first, the other filters (`children`) after it, and the button that applies them.
 */
export function FilterForm({
  label,
  search,
  apply,
  children,
}: {
  /** Names the form for assistive technology. */
  label: string
  search: { label: string; defaultValue?: string; maxLength: number }
  apply: string
  children?: ReactNode
}) {
  return (
    <search>
      <Form method="get" className="filters" aria-label={label}>
        <div className="field search-field">
          <label htmlFor="q">{search.label}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={search.defaultValue ?? ''}
            maxLength={search.maxLength}
          />
        </div>
        {children}
        <button type="submit" className="button">
          {apply}
        </button>
      </Form>
    </search>
  )
}
