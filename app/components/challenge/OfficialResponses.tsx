import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { OfficialResponseSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import { formatDate } from '~/utils/format'
import type { SubmissionResult } from '@conform-to/react'
import type { ChallengeData } from './types'

/** The municipality's and the responsible department's answers, and the form to give one. */
export function OfficialResponses(props: {
  responses: ChallengeData['responses']
  canRespond: boolean
  lastResult?: SubmissionResult<string[]>
}) {
  const { t, i18n } = useTranslation()
  if (props.responses.length === 0 && !props.canRespond) return null
  return (
    <section aria-labelledby="official" className="official-responses">
      <h2 id="official">{t('challenge.officialHeading')}</h2>
      {props.responses.map((r) => (
        <div key={r.id} className="official">
          <p className="meta">
            <strong>{r.organisation_name ?? t('challenge.municipality')}</strong> ·{' '}
            <time dateTime={r.created_at}>{formatDate(r.created_at, i18n.language)}</time>
          </p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: r.body_html }} />
        </div>
      ))}
      {props.canRespond && (
        <details>
          <summary>{t('challenge.respondOfficially')}</summary>
          <MarkdownForm
            id="official-response"
            intent="official-response"
            schema={OfficialResponseSchema}
            lastResult={props.lastResult}
            field="body"
            label={t('challenge.officialLabel')}
            submit={t('challenge.officialSubmit')}
          />
        </details>
      )}
    </section>
  )
}
