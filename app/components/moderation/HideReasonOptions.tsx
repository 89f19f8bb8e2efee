import { useTranslation } from '~/i18n-react'
import { HIDE_REASONS } from '~/models/moderation-constants'

/** The reasons a moderator may give for hiding a post, as a select's options. */
export function HideReasonOptions() {
  const { t } = useTranslation()
  return (
    <>
      {HIDE_REASONS.map((r) => (
        <option key={r} value={r}>
          {t(`hideReasons.${r}`)}
        </option>
      ))}
    </>
  )
}
