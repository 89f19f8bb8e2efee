import { useTranslation } from '~/i18n-react'
import { describeAudit } from '~/utils/audit-sentence'
import { formatDateTime } from '~/utils/format'
import type { TriageData } from './shared'

/** The audit log of the challenge, in sentences. */
export function AuditSection(props: {
  audit: TriageData['audit']
  auditNames: TriageData['auditNames']
}) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{t('triage.audit')}</h2>
      <table>
        <caption className="visually-hidden">{t('triage.audit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('log.when')}</th>
            <th scope="col">{t('audit.heading')}</th>
          </tr>
        </thead>
        <tbody>
          {props.audit.map((a) => (
            <tr key={a.id}>
              <td>{formatDateTime(a.created_at, i18n.language)}</td>
              <td>{describeAudit(a, props.auditNames, t, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
