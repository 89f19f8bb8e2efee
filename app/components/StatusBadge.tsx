import { useTranslation } from '~/i18n-react'

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
}
