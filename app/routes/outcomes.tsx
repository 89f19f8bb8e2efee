import type { LoaderFunctionArgs, SerializeFrom } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { ScrollTable } from '~/components/ScrollTable'
import { Tabs } from '~/components/Tabs'
import { useTranslation } from '~/i18n-react'
import { OUTCOME_GROUPS, parseOutcomesQuery, type OutcomeGroup } from '~/forms/outcomes'
import { getOutcomeSummary, listOutcomes, OUTCOMES_MAX_PAGE } from '~/models/outcomes.server'
import { getRequestT } from '~/services/i18n.server'
import { formatDate, formatNumber } from '~/utils/format'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta({ query: ['show', 'page'] })

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseOutcomesQuery(new URL(request.url))
  if (!parsed.success) throw json({ error: 'bad query' }, { status: 400 })
  const show = parsed.data.show ?? 'solved'
  const page = parsed.data.page ?? 1
  if (page > OUTCOMES_MAX_PAGE) throw json({ error: 'not found' }, { status: 404 })
  const { t, locale } = await getRequestT(request)
  const [summary, list] = await Promise.all([getOutcomeSummary(), listOutcomes(show, page, locale)])
  return json({
    title: t('outcomes.title'),
    description: t('outcomes.intro'),
    show,
    page,
    summary,
    ...list,
  })
}

function link(show: OutcomeGroup, page = 1) {
  const search = new URLSearchParams()
  if (show !== 'solved') search.set('show', show)
  if (page > 1) search.set('page', String(page))
  const query = search.toString()
  return query ? `/outcomes?${query}` : '/outcomes'
}

/** "12 days" / "12 dagar" through Intl; under a day says so. */
function useDays() {
  const { t } = useTranslation()
  // "dagar", not Intl's "dygn": the word people use for how long something took.
  return (days: number) =>
    days < 1 ? t('outcomes.lessThanADay') : t('outcomes.days', { count: Math.round(days) })
}

type Data = SerializeFrom<typeof loader>

function People({ people }: { people: Data['items'][number]['people'] }) {
  const { t } = useTranslation()
  if (people.length === 0) return <>{t('outcomes.nobodyNamed')}</>
  return (
    <>
      {people.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          {p.slug ? (
            <Link to={`/organisations/${p.slug}`}>{p.name}</Link>
          ) : p.former ? (
            t('challenge.formerMember')
          ) : (
            p.name
          )}
        </Fragment>
      ))}
    </>
  )
}

export default function Outcomes() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { show, page, summary, items, hasNext } = useLoaderData<typeof loader>()
  const days = useDays()
  const heading = t(`outcomes.groups.${show}`)
  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      <p>{t('outcomes.intro')}</p>

      <section aria-labelledby="outcomes-summary">
        <h2 id="outcomes-summary" className="visually-hidden">
          {t('outcomes.summary')}
        </h2>
        <ul className="counts">
          {OUTCOME_GROUPS.map((g) => (
            <li key={g}>
              {t(`outcomes.count.${g}`, {
                count: summary.counts[g],
                formatted: formatNumber(summary.counts[g], locale),
              })}
            </li>
          ))}
          <li>
            {summary.medianDaysToSolve === null
              ? t('outcomes.noMedian')
              : t('outcomes.median', { days: days(summary.medianDaysToSolve) })}
          </li>
        </ul>
      </section>

      <Tabs
        label={t('outcomes.groupsLabel')}
        tabs={OUTCOME_GROUPS.map((g) => ({
          key: g,
          to: link(g),
          current: g === show,
          children: (
            <>
              {t(`outcomes.groups.${g}`)}{' '}
              <span className="count">({formatNumber(summary.counts[g], locale)})</span>
            </>
          ),
        }))}
      />

      <section aria-labelledby="outcomes-list">
        <h2 id="outcomes-list">{heading}</h2>
        {items.length === 0 ? (
          <p>{t(`outcomes.empty.${show}`)}</p>
        ) : (
          <ScrollTable labelledBy="outcomes-list">
            <table className="outcomes">
              <caption className="visually-hidden">
                {page > 1 ? t('outcomes.captionPage', { group: heading, page }) : heading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.col.challenge')}</th>
                  {show !== 'closed' && <th scope="col">{t(`outcomes.col.who.${show}`)}</th>}
                  <th scope="col">{t(`outcomes.col.when.${show}`)}</th>
                  <th scope="col">{t(`outcomes.col.detail.${show}`)}</th>
                  {show === 'solved' && <th scope="col">{t('outcomes.col.fixed')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/challenges/${item.id}`}>{item.title}</Link>
                      <span className="meta">
                        {' '}
                        · {item.category} · {item.area}
                      </span>
                    </th>
                    {show !== 'closed' && (
                      <td>
                        <People people={item.people} />
                      </td>
                    )}
                    <td>
                      <time dateTime={item.at}>{formatDate(item.at, locale)}</time>
                    </td>
                    <td>
                      {show === 'closed'
                        ? item.reason === 'withdrawn'
                          ? t('outcomes.withdrawn')
                          : (item.reason ?? t('outcomes.noReason'))
                        : item.days === null
                          ? '–'
                          : days(item.days)}
                    </td>
                    {show === 'solved' && item.fixed && (
                      <td>
                        {item.fixed.fixed || item.fixed.notFixed
                          ? t('outcomes.fixedCounts', {
                              fixed: item.fixed.fixed,
                              notFixed: item.fixed.notFixed,
                            })
                          : '–'}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      {(page > 1 || hasNext) && (
        <nav className="pagination" aria-label={t('outcomes.pagination')}>
          {page > 1 && (
            <Link to={link(show, page - 1)} rel="prev">
              {t('board.previous')}
            </Link>
          )}
          <span>{t('board.page', { page })}</span>
          {hasNext && (
            <Link to={link(show, page + 1)} rel="next">
              {t('board.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
