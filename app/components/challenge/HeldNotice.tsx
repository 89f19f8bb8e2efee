import { useTranslation } from '~/i18n-react'

/**
 * Tells the author of a post that waits for a moderator (a held comment or proposal, or a
 * pending challenge) plainly what happens next. Only its author and moderators ever see it.
 */
export function HeldNotice({ kind }: { kind: 'challenge' | 'comment' | 'solution' }) {
  const { t } = useTranslation()
  return (
    <div className="notice-neutral" role="status">
      <p>
        <strong>{t('challenge.held.title')}</strong> {t(`challenge.held.${kind}`)}
      </p>
      <p>{t(kind === 'challenge' ? 'challenge.held.nextChallenge' : 'challenge.held.next')}</p>
    </div>
  )
}
