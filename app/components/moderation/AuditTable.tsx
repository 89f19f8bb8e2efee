import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { describeAudit, type AuditNames, type AuditRow } from '~/utils/audit-sentence'
import { formatDateTime } from '~/utils/format'

/**
 * Audit rows as a table of sentences: the moderation log and a challenge's triage page show the
 * same events the same way.
 */
export function AuditTable<Row extends AuditRow & { id: number; created_at: string }>(props: {
  caption: string
  entries: Row[]
  names: AuditNames
  /** Where a row's sentence leads, if anywhere (the log links to the challenge's triage page). */
  linkOf?: (entry: Row) => string | undefined
}) {
  const { t, i18n } = useTranslation()
  return (
    <table>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('log.when')}</th>
          <th scope="col">{t('audit.heading')}</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => {
          const sentence = describeAudit(e, props.names, t, i18n.language)
          const to = props.linkOf?.(e)
          return (
            <tr key={e.id}>
              <td>{formatDateTime(e.created_at, i18n.language)}</td>
              <td>{to ? <Link to={to}>{sentence}</Link> : sentence}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
