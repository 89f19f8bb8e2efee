import type { FlagSubjectType } from '~/components/challenge/FlagControl'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { AppealSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import type { Appeals } from './types'

/** Under a hidden post of one's own: the appeal's state, or the form to appeal. */
export function AppealForm(props: {
  action: string
  subjectType: FlagSubjectType
  subjectId: number
  appeals: Appeals
}) {
  const { t } = useTranslation()
  const existing = props.appeals.find(
    (a) => a.subject_type === props.subjectType && a.subject_id === props.subjectId,
  )
  if (existing)
    return (
      <p>{t('challenge.appealState', { state: t(`triage.appealStatus.${existing.status}`) })}</p>
    )
  return (
    <details>
      <summary>{t('challenge.appeal')}</summary>
      <MarkdownForm
        id={`appeal-${props.subjectType}-${props.subjectId}`}
        intent="appeal"
        schema={AppealSchema}
        field="body"
        label={t('challenge.appealLabel')}
        hint={t('challenge.appealHint')}
        submit={t('challenge.appealSubmit')}
        hidden={{ subjectType: props.subjectType, subjectId: props.subjectId }}
        action={props.action}
        rows={3}
      />
    </details>
  )
}
