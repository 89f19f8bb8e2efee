import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

/** "Previous · Page n · Next" under a list that is read page by page; nothing when it fits on one. */
export function PrevNext({
  page,
  hasNext,
  href,
}: {
  page: number
  hasNext: boolean
  href: (page: number) => string
}) {
  const { t } = useTranslation()
  if (page <= 1 && !hasNext) return null
  return (
    <nav className="pagination" aria-label={t('board.pagination')}>
      {page > 1 && (
        <Link to={href(page - 1)} rel="prev">
          {t('board.previous')}
        </Link>
      )}
      <span>{t('board.page', { page })}</span>
      {hasNext && (
        <Link to={href(page + 1)} rel="next">
          {t('board.next')}
        </Link>
      )}
    </nav>
  )
}
