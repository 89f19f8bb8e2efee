import type { LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { ChallengeName, MyThingsPage, Pager, pageHref } from '~/components/MyThings'
import { parseMyPage } from '~/forms/my-things'
import { listMyPledges, MY_PAGE_SIZE } from '~/models/my-things.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const href = pageHref('/me/pledges')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = parseMyPage(new URL(request.url))
  if (!page) throw json({ error: 'bad page' }, { status: 400 })
  const [{ t }, list] = await Promise.all([getRequestT(request), listMyPledges(user, page)])
  const pages = Math.max(1, Math.ceil(list.total / MY_PAGE_SIZE))
  if (page > 1 && page > pages) throw redirect(href(pages))
  return json({ title: t('myThings.pledges.title'), page, pages, ...list })
}

export default function MyPledges() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { page, pages, total, items } = useLoaderData<typeof loader>()
  return (
    <MyThingsPage title={t('myThings.pledges.title')} intro={t('myThings.pledges.intro')}>
      <section aria-labelledby="my-pledges">
        <h2 id="my-pledges">{t('myThings.pledges.summary', { count: total })}</h2>
        {items.length === 0 ? (
          <p>{t('myThings.pledges.empty')}</p>
        ) : (
          <ol className="cards" aria-labelledby="my-pledges">
            {items.map((p) => (
              <li key={p.id} className="card">
                <h3>
                  <ChallengeName challenge={p.challenge} />
                </h3>
                <dl className="facts">
                  <dt>{t('myThings.pledges.who')}</dt>
                  <dd>
                    {p.organisation ? (
                      <>
                        <Link to={`/organisations/${p.organisation.slug}`}>
                          {p.organisation.name}
                        </Link>
                        {p.byMe && <> ({t('myThings.pledges.byMe')})</>}
                      </>
                    ) : (
                      t('myThings.pledges.byMe')
                    )}
                  </dd>
                  <dt>{t('myThings.pledges.state')}</dt>
                  <dd>
                    {p.held ? (
                      <strong>{t('myThings.pledges.held')}</strong>
                    ) : p.rejectedReason ? (
                      <strong>
                        {t('myThings.pledges.rejected', {
                          reason: t(`hideReasons.${p.rejectedReason}`),
                        })}
                      </strong>
                    ) : (
                      <strong>{t(`myThings.pledges.status.${p.status}`)}</strong>
                    )}{' '}
                    · {/* A rejected pledge is withdrawn in the data, not by its author. */}
                    {p.withdrawnAt && !p.rejectedReason
                      ? t('myThings.pledges.withdrawn', {
                          date: formatDate(p.withdrawnAt, locale, 'short'),
                        })
                      : t('myThings.pledges.taken', {
                          date: formatDate(p.createdAt, locale, 'short'),
                        })}
                  </dd>
                  <dt>{t('myThings.pledges.progress')}</dt>
                  <dd>
                    {p.lastProgress ? (
                      <>
                        <time dateTime={p.lastProgress.at}>
                          {formatDate(p.lastProgress.at, locale, 'short')}
                        </time>
                        {p.lastProgress.text && <>: {p.lastProgress.text}</>}
                      </>
                    ) : (
                      t('myThings.pledges.noProgress')
                    )}
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Pager page={page} pages={pages} href={href} />
    </MyThingsPage>
  )
}
