import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Tabs } from '~/components/Tabs'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'

/** The pages of "my things", beside the account page; the current one is marked. */
const MY_PAGES = [
  { to: '/me', key: 'myThings.account' },
  { to: '/me/challenges', key: 'myThings.challenges.nav' },
  { to: '/me/following', key: 'myThings.following.nav' },
  { to: '/me/pledges', key: 'myThings.pledges.nav' },
  { to: '/me/reports', key: 'myThings.reports.nav' },
] as const

export function MeNav() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  return (
    <Tabs
      label={t('myThings.nav')}
      tabs={MY_PAGES.map((p) => ({
        key: p.to,
        to: p.to,
        current: pathname === p.to,
        children: t(p.key),
      }))}
    />
  )
}

/**
 * A challenge the person's row points at: a link with its title and status, or, when it is
 * someone else's and no longer public, a plain placeholder without its title.
 */
export function ChallengeName({
  challenge,
  status = true,
}: {
  challenge: { id: number; title: string | null; status: string | null }
  status?: boolean
}) {
  const { t } = useTranslation()
  if (challenge.title === null) return <em>{t('myThings.hiddenChallenge')}</em>
  return (
    <>
      <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
      {status && challenge.status && (
        <>
          {' '}
          <StatusBadge status={challenge.status} />
        </>
      )}
    </>
  )
}

/** Previous / next links and "page N of M"; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  href,
}: {
  page: number
  /** From the loader: the page size lives on the server. */
  pages: number
  href: (page: number) => string
}) {
  const { t } = useTranslation()
  if (pages <= 1 && page <= 1) return null
  return (
    <nav className="pagination" aria-label={t('myThings.pagination')}>
      {page > 1 && (
        <Link to={href(Math.min(page - 1, pages))} rel="prev">
          {t('board.previous')}
        </Link>
      )}
      <span>{t('myThings.page', { page, pages })}</span>
      {page < pages && (
        <Link to={href(page + 1)} rel="next">
          {t('board.next')}
        </Link>
      )}
    </nav>
  )
}

/** Link to page N of a list: page 1 is the bare path. */
export const pageHref = (path: string) => (page: number) =>
  page > 1 ? `${path}?page=${page}` : path

/** The frame of each "my things" page: navigation, one <h1>, an introduction. */
export function MyThingsPage({
  title,
  intro,
  children,
}: {
  title: string
  intro: string
  children: ReactNode
}) {
  return (
    <div className="narrow wide my-things">
      <MeNav />
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {children}
    </div>
  )
}
