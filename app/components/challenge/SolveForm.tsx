import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors } from '~/components/forms'

export interface SolveCandidate {
  key: string
  name: string
  pledged: boolean
  worked: boolean
  done: boolean
  accepted: boolean
  preselected: boolean
}

/** The submitted choice, as the action sent it back with a refusal (one value or several). */
function submittedKeys(lastResult: SubmissionResult<string[]> | undefined): Set<string> | null {
  const value = lastResult?.initialValue?.solvers
  if (value === undefined) return lastResult?.initialValue ? new Set() : null
  return new Set((Array.isArray(value) ? value : [value]).map(String))
}

/**
 * "Mark as solved" with who solved it: plain checkboxes in a real form, so it works without
 * JavaScript. Those who reported progress, marked their pledge done or had a solution accepted
 * are ticked; after a refusal the owner's own ticks come back as they sent them.
 */
export function SolveForm(props: {
  action: string
  candidates: SolveCandidate[]
  lastResult?: SubmissionResult<string[]>
}) {
  const { t } = useTranslation()
  const { candidates, lastResult } = props
  const submitted = submittedKeys(lastResult)
  const errors = lastResult?.error?.solvers ?? undefined
  const errorId = 'solve-solvers-error'
  const done = candidates.filter((c) => c.done)
  const reasons = (c: SolveCandidate) =>
    [
      c.done
        ? t('challenge.solve.reasons.done')
        : c.worked
          ? t('challenge.solve.reasons.progress')
          : c.pledged
            ? t('challenge.solve.reasons.pledged')
            : null,
      c.accepted ? t('challenge.solve.reasons.accepted') : null,
    ]
      .filter(Boolean)
      .join(', ')
  return (
    <Form method="post" action={props.action} className="solve" id="solve">
      <input type="hidden" name="intent" value="solve" />
      <input type="hidden" name="chosen" value="1" />
      {done.length > 0 && (
        <p className="notice">
          {t('challenge.solve.donePrompt', {
            count: done.length,
            names: done.map((c) => c.name).join(', '),
          })}
        </p>
      )}
      {candidates.length > 0 ? (
        <fieldset
          aria-invalid={errors ? true : undefined}
          aria-describedby={['solve-hint', errors && errorId].filter(Boolean).join(' ')}
        >
          <legend>{t('challenge.solve.legend')}</legend>
          <p className="hint" id="solve-hint">
            {t('challenge.solve.hint')}
          </p>
          {candidates.map((c) => {
            const id = `solver-${c.key.replace(':', '-')}`
            return (
              <div className="choice" key={c.key}>
                <input
                  type="checkbox"
                  id={id}
                  name="solvers"
                  value={c.key}
                  defaultChecked={submitted ? submitted.has(c.key) : c.preselected}
                />
                <label htmlFor={id}>
                  {c.name || t('challenge.formerMember')} ({reasons(c)})
                </label>
              </div>
            )
          })}
          <FieldErrors id={errorId} errors={errors} />
        </fieldset>
      ) : (
        <p className="hint" id="solve-hint">
          {t('challenge.solve.hintNobody')}
        </p>
      )}
      <button type="submit" className="button" aria-describedby="solve-hint">
        {t('challenge.markSolved')}
      </button>
    </Form>
  )
}

/** The pledger's "our work is done": completes the pledge and asks the owner to confirm solved. */
export function PledgeDoneForm(props: { action: string; pledgeId: number }) {
  const { t } = useTranslation()
  const hintId = `pledge-done-hint-${props.pledgeId}`
  return (
    <Form method="post" action={props.action} className="pledge-done">
      <input type="hidden" name="intent" value="pledge-done" />
      <input type="hidden" name="targetId" value={props.pledgeId} />
      <p className="hint" id={hintId}>
        {t('challenge.solve.pledgeDoneHint')}
      </p>
      <button type="submit" className="button secondary" aria-describedby={hintId}>
        {t('challenge.solve.pledgeDone')}
      </button>
    </Form>
  )
}
