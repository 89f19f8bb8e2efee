import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import type { ChallengeData } from './types'

/** Every status change and moderator message, oldest first. */
export function HistorySection({ history }: { history: ChallengeData['history'] }) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('challenge.historyHeading')}</h2>
      <ol className="plain history">
        {history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.created_at}>{formatDateTime(h.created_at, i18n.language)}</time>:{' '}
            {h.from_status === h.to_status
              ? t('challenge.moderatorMessage')
              : h.from_status
                ? t('challenge.statusChanged', {
                    from: t(`status.${h.from_status}`),
                    to: t(`status.${h.to_status}`),
                  })
                : t('challenge.statusStarted', { to: t(`status.${h.to_status}`) })}
            {h.message && h.message !== 'withdrawn' && <> – {h.message}</>}
          </li>
        ))}
      </ol>
    </section>
  )
}
