import { AuditTable } from '~/components/moderation/AuditTable'
import { useTranslation } from '~/i18n-react'
import type { TriageData } from './shared'

/** The audit log of the challenge, in sentences. */
export function AuditSection(props: {
  audit: TriageData['audit']
  auditNames: TriageData['auditNames']
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{t('triage.audit')}</h2>
      <AuditTable caption={t('triage.audit')} entries={props.audit} names={props.auditNames} />
    </section>
  )
}
