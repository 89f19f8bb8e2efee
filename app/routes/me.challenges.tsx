import type { LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { MyThingsPage, Pager, pageHref } from '~/components/MyThings'
import { StatusBadge } from '~/components/StatusBadge'
import { parseMyPage } from '~/forms/my-things'
import { listMyChallenges, MY_PAGE_SIZE } from '~/models/my-things.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const href = pageHref('/me/challenges')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = parseMyPage(new URL(request.url))
  if (!page) throw json({ error: 'bad page' }, { status: 400 })
  const [{ t }, list] = await Promise.all([getRequestT(request), listMyChallenges(user, page)])
  const pages = Math.max(1, Math.ceil(list.total / MY_PAGE_SIZE))
  // Past the end (the list got shorter): the last page that has rows.
  if (page > 1 && page > pages) throw redirect(href(pages))
  return json({ title: t('myThings.challenges.title'), page, pages, ...list })
}

export default function MyChallenges() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { page, pages, total, items } = useLoaderData<typeof loader>()
  return (
    <MyThingsPage title={t('myThings.challenges.title')} intro={t('myThings.challenges.intro')}>
      <section aria-labelledby="my-challenges">
        <h2 id="my-challenges">{t('myThings.challenges.summary', { count: total })}</h2>
        {items.length === 0 ? (
          <p>
            {t('myThings.challenges.empty')}{' '}
            <Link to="/challenges/new">{t('myThings.challenges.post')}</Link>
          </p>
        ) : (
          <ol className="cards" aria-labelledby="my-challenges">
            {items.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <Link to={`/challenges/${c.id}`}>{c.title}</Link>
                </h3>
                <p className="meta">
                  <StatusBadge status={c.withdrawnAt ? 'withdrawn' : c.status} />{' '}
                  <time dateTime={c.createdAt}>{formatDate(c.createdAt, locale, 'short')}</time>
                  {' · '}
                  {t('myThings.lastActivity', {
                    date: formatDate(c.lastActivityAt, locale, 'short'),
                  })}
                </p>
                {c.hidden && (
                  <p className="notice-neutral">
                    {t('myThings.challenges.hidden', {
                      reason: t(`hideReasons.${c.hiddenReason ?? 'other'}`),
                    })}
                  </p>
                )}
                {c.withdrawnAt ? (
                  <p className="notice-neutral">
                    {t('myThings.challenges.withdrawn', {
                      date: formatDate(c.withdrawnAt, locale, 'short'),
                    })}
                  </p>
                ) : (
                  <>
                    {c.status === 'pending' && (
                      <p className="notice-neutral">{t('myThings.challenges.pending')}</p>
                    )}
                    {c.status === 'rejected' && (
                      <p className="notice-neutral">{t('myThings.challenges.rejected')}</p>
                    )}
                  </>
                )}
                {c.mergedIntoId !== null && (
                  <p className="notice-neutral">
                    {t('myThings.challenges.merged')}{' '}
                    <Link to={`/challenges/${c.mergedIntoId}`}>
                      {t('myThings.challenges.mergedLink')}
                    </Link>
                  </p>
                )}
                <ul className="counts" aria-label={t('board.counts')}>
                  <li>
                    {t('board.votes', { count: c.votes, formatted: formatNumber(c.votes, locale) })}
                  </li>
                  <li>{t('myThings.challenges.followers', { count: c.followers })}</li>
                  <li>{t('board.solutions', { count: c.solutions })}</li>
                  <li>{t('board.comments', { count: c.comments })}</li>
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Pager page={page} pages={pages} href={href} />
    </MyThingsPage>
  )
}
