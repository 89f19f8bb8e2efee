import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { ChallengeCard } from '~/components/ChallengeCard'
import { getHomeLists } from '~/models/home.server'
import { getSettings } from '~/models/settings.server'
import { getKeyNumbers } from '~/models/stats.server'
import { getRequestPageT } from '~/services/i18n.server'
import { formatNumber } from '~/utils/format'
import { publicMeta } from '~/utils/meta'
import { useRootData } from '~/utils/root-data'

export const meta = publicMeta()

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t, locale }, settings, numbers] = await Promise.all([
    getRequestPageT(request),
    getSettings(),
    getKeyNumbers(),
  ])
  const { trending, solved } = await getHomeLists(locale)
  return json({
    description: t('home.lead', { town: settings.townName }),
    board: settings.boardName,
    town: settings.townName,
    numbers: Object.entries(numbers).map(([key, value]) => ({
      key,
      value: formatNumber(value, locale),
    })),
    trending,
    solved,
  })
}

export default function Home() {
  const { t } = useTranslation()
  const { board, town, numbers, trending, solved } = useLoaderData<typeof loader>()
  const user = useRootData()?.user
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title', { board, town })}</h1>
        <p className="lead">{t('home.lead', { town })}</p>
        <p className="actions">
          <Link to="/challenges" className="button">
            {t('home.browse')}
          </Link>
          {user ? (
            <Link to="/challenges/new" className="button secondary">
              {t('board.post')}
            </Link>
          ) : (
            <Link to="/register" className="button secondary">
              {t('home.getStarted')}
            </Link>
          )}
        </p>
      </section>
      <section aria-labelledby="numbers">
        <h2 id="numbers">{t('home.numbers')}</h2>
        <ul className="numbers">
          {numbers.map((n) => (
            <li key={n.key}>
              <strong>{n.value}</strong> {t(`home.stat.${n.key}`)}
            </li>
          ))}
        </ul>
      </section>
      <div className="columns">
        <section aria-labelledby="trending">
          <h2 id="trending">{t('home.trending')}</h2>
          <p className="meta">{t('home.trendingHint')}</p>
          {trending.length === 0 ? (
            <p>{t('home.noneTrending')}</p>
          ) : (
            <ol className="cards">
              {trending.map((c) => (
                <li key={c.id}>
                  <ChallengeCard challenge={c} />
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link to="/challenges?sort=trending">{t('home.moreTrending')}</Link>
          </p>
        </section>
        <section aria-labelledby="solved">
          <h2 id="solved">{t('home.solved')}</h2>
          {solved.length === 0 ? (
            <p>{t('home.noneSolved')}</p>
          ) : (
            <ul className="plain solved-list">
              {solved.map((c) => (
                <li key={c.id}>
                  <Link to={`/challenges/${c.id}`}>{c.title}</Link>
                  {c.solvers.length > 0 && (
                    <p className="meta">
                      {t('challenge.solvedBy')}{' '}
                      {c.solvers.map((s, i) => (
                        <span key={s.slug}>
                          {i > 0 && ', '}
                          <Link to={`/organisations/${s.slug}`}>{s.name}</Link>
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('home.how')}</h2>
          <ol className="steps">
            <li>{t('home.step1')}</li>
            <li>{t('home.step2')}</li>
            <li>{t('home.step3')}</li>
          </ol>
        </section>
      </div>
    </>
  )
}
