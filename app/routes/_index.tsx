import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getSettings } from '~/models/settings.server'
import { getKeyNumbers } from '~/models/stats.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { formatNumber } from '~/utils/format'
import { useRootData } from '~/utils/root-data'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ locale }, settings, numbers, categories, areas] = await Promise.all([
    getRequestT(request),
    getSettings(),
    getKeyNumbers(),
    listCategories(),
    listAreas(),
  ])
  const name = (row: { name_sv: string; name_en: string }) =>
    locale === 'en' ? row.name_en : row.name_sv
  return json({
    board: settings.boardName,
    town: settings.townName,
    numbers: Object.entries(numbers).map(([key, value]) => ({
      key,
      value: formatNumber(value, locale),
    })),
    categories: categories.map((c) => ({
      slug: c.slug,
      name: name(c),
      description: locale === 'en' ? c.description_en : c.description_sv,
    })),
    areas: areas.map((a) => ({ slug: a.slug, name: name(a) })),
  })
}

export default function Home() {
  const { t } = useTranslation()
  const { board, town, numbers, categories, areas } = useLoaderData<typeof loader>()
  const user = useRootData()?.user
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title', { board, town })}</h1>
        <p className="lead">{t('home.lead', { town })}</p>
        {user ? (
          <p>{t('home.welcomeBack', { name: user.name })}</p>
        ) : (
          <p>
            <Link to="/register" className="button">
              {t('home.getStarted')}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{t('home.how')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>
      <section aria-labelledby="numbers">
        <h2 id="numbers">{t('home.numbers')}</h2>
        <ul className="numbers">
          {numbers.map((n) => (
            <li key={n.key}>
              <strong>{n.value}</strong> {t(`home.${n.key}`)}
            </li>
          ))}
        </ul>
      </section>
      <div className="columns">
        <section aria-labelledby="categories">
          <h2 id="categories">{t('home.categoriesHeading')}</h2>
          <dl className="categories">
            {categories.map((c) => (
              <div key={c.slug}>
                <dt>{c.name}</dt>
                <dd>{c.description}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="areas">
          <h2 id="areas">{t('home.areasHeading')}</h2>
          <ul className="tags">
            {areas.map((a) => (
              <li key={a.slug}>{a.name}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}
