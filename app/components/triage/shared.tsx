import { useActionData } from '@remix-run/react'
import type { z } from 'zod'
import { useErrorText, useSchemaForm } from '~/components/forms'
import type { TriageData } from '~/loaders/triage.server'
import { resultFor } from '~/utils/intent-reply'

export type { TriageData }

/**
 * One triage form wired through Conform with its schema from `app/forms/`: `key` is the intent,
 * or the row's own key when one intent has a form per row (see app/utils/triage-keys.ts).
 */
export function useTriageForm<Schema extends z.ZodTypeAny>(
  key: string,
  schema: Schema,
  defaultValue?: Record<string, string>,
) {
  const actionData = useActionData()
  // The element id differs from the key: headings on the page already use ids like "merge".
  return useSchemaForm({
    id: `${key}-form`,
    schema,
    lastResult: resultFor(actionData, key),
    defaultValue,
  })
}

/**
 * Every message of a form whose fields are hidden or few (a button, a select): the form's own
 * and each field's, announced together above it.
 */
export function ReplyErrors({ form }: { form: { allErrors: Record<string, string[]> } }) {
  const text = useErrorText()
  const errors = [...new Set(Object.values(form.allErrors).flat())]
  if (!errors.length) return null
  return (
    <div className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  )
}
