import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors } from '~/components/forms'
import type { FixedAnswer } from '~/forms/solve'
import { formatDate } from '~/utils/format'

export interface FixedSection {
  counts: { fixed: number; notFixed: number }
  own: { answer: FixedAnswer; at: string } | null
  /** Signed in, and the challenge still takes answers. */
  canAnswer: boolean
  author: boolean
}

/** The public tally: how many said fixed and not fixed. */
export function FixedCounts({ counts }: { counts: FixedSection['counts'] }) {
  const { t } = useTranslation()
  if (!counts.fixed && !counts.notFixed) return <p>{t('fixed.noAnswers')}</p>
  return (
    <p>
      {t('fixed.countFixed', { count: counts.fixed })} ·{' '}
      {t('fixed.countNotFixed', { count: counts.notFixed })}
    </p>
  )
}

/**
 * One answer, two radio buttons and a button: the challenge page's form and the page the mail's
 * links open (there prefilled with the answer the link named). The author also gets a note
 * field: their "not fixed" becomes a dispute a moderator reads.
 */
export function FixedAnswerForm(props: {
  id: string
  action?: string
  intent?: string
  selected?: FixedAnswer | null
  author: boolean
  lastResult?: SubmissionResult<string[]>
}) {
  const { t } = useTranslation()
  const { id, lastResult } = props
  const initial = lastResult?.initialValue as { answer?: string; note?: string } | undefined
  const selected = initial?.answer ?? props.selected ?? null
  const answerErrors = lastResult?.error?.answer ?? undefined
  const noteErrors = lastResult?.error?.note ?? undefined
  return (
    <Form method="post" action={props.action} className="fixed-answer">
      {props.intent && <input type="hidden" name="intent" value={props.intent} />}
      <fieldset
        aria-invalid={answerErrors ? true : undefined}
        aria-describedby={answerErrors ? `${id}-answer-error` : undefined}
      >
        <legend>{t('fixed.legend')}</legend>
        {(['fixed', 'not_fixed'] as const).map((answer) => (
          <div className="choice" key={answer}>
            <input
              type="radio"
              id={`${id}-${answer}`}
              name="answer"
              value={answer}
              defaultChecked={selected === answer}
              required
            />
            <label htmlFor={`${id}-${answer}`}>{t(`fixed.answers.${answer}`)}</label>
          </div>
        ))}
        <FieldErrors id={`${id}-answer-error`} errors={answerErrors} />
      </fieldset>
      {props.author && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('fixed.noteLabel')}</label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={3}
            maxLength={2000}
            defaultValue={initial?.note ?? ''}
            aria-invalid={noteErrors ? true : undefined}
            aria-describedby={[`${id}-note-hint`, noteErrors && `${id}-note-error`]
              .filter(Boolean)
              .join(' ')}
          />
          <p className="hint" id={`${id}-note-hint`}>
            {t('fixed.noteHint')}
          </p>
          <FieldErrors id={`${id}-note-error`} errors={noteErrors} />
        </div>
      )}
      <button type="submit" className="button">
        {t('fixed.submit')}
      </button>
    </Form>
  )
}

/** The challenge page's "Is it fixed?" section (id="fixed", where the notification leads). */
export function FixedQuestion(props: {
  action: string
  fixed: FixedSection
  lastResult?: SubmissionResult<string[]>
}) {
  const { t, i18n } = useTranslation()
  const { fixed } = props
  return (
    <section aria-labelledby="fixed" className="fixed-question">
      <h2 id="fixed">{t('fixed.heading')}</h2>
      <FixedCounts counts={fixed.counts} />
      {fixed.own && (
        <p>
          {t('fixed.yourAnswer', {
            answer: t(`fixed.answers.${fixed.own.answer}`),
            date: formatDate(fixed.own.at, i18n.language),
          })}
        </p>
      )}
      {fixed.canAnswer && (
        <FixedAnswerForm
          id="fixed-form"
          action={props.action}
          intent="fixed-answer"
          selected={fixed.own?.answer}
          author={fixed.author}
          lastResult={props.lastResult}
        />
      )}
    </section>
  )
}
