import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { ChallengeCard } from '~/components/ChallengeCard'
import { PlainSelect } from '~/components/PlainSelect'
import { parseBoardQuery } from '~/forms/board'
import { getBoardPage, UnknownFilter } from '~/models/board.server'
import { POSTER_KINDS, PUBLIC_STATUSES, SORTS } from '~/models/challenge-constants'
import { getSettings } from '~/models/settings.server'
import { getRequestPageT } from '~/services/i18n.server'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta({
  query: ['q', 'category', 'area', 'status', 'by', 'sort', 'page'],
})

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const parsed = parseBoardQuery(url)
  if (!parsed.success) throw json({ error: 'bad query' }, { status: 400 })
  const [{ t, locale }, settings] = await Promise.all([getRequestPageT(request), getSettings()])
  try {
    const board = await getBoardPage(parsed.data, locale)
    return json({
      title: t('board.title'),
      description: t('meta.board', { board: settings.boardName }),
      params: parsed.data,
      ...board,
    })
  } catch (error) {
    if (error instanceof UnknownFilter) throw json({ error: 'unknown filter' }, { status: 400 })
    throw error
  }
}

function pageLink(params: Record<string, string | number | undefined>, page: number) {
  const search = new URLSearchParams()
  const entries: Array<[string, string | number | undefined]> = Object.entries({
    ...params,
    page: page > 1 ? page : undefined,
  })
  for (const [k, v] of entries) if (v !== undefined && v !== '') search.set(k, String(v))
  const query = search.toString()
  return query ? `/challenges?${query}` : '/challenges'
}

export default function Board() {
  const { t, i18n } = useTranslation()
  const { params, items, page, hasNext, categories, areas } = useLoaderData<typeof loader>()
  const en = i18n.language === 'en'
  return (
    <>
      <div className="page-head">
        <h1>{t('board.title')}</h1>
        <Link to="/challenges/new" className="button">
          {t('board.post')}
        </Link>
      </div>
      <search>
        <Form method="get" className="filters" aria-label={t('board.filters')}>
          <div className="field search-field">
            <label htmlFor="q">{t('board.search')}</label>
            <input id="q" name="q" type="search" defaultValue={params.q ?? ''} maxLength={200} />
          </div>
          <PlainSelect
            id="category"
            label={t('board.category')}
            defaultValue={params.category}
            empty={t('board.any')}
            options={categories.map((c) => ({ value: c.slug, label: en ? c.name_en : c.name_sv }))}
          />
          <PlainSelect
            id="area"
            label={t('board.area')}
            defaultValue={params.area}
            empty={t('board.any')}
            options={areas.map((a) => ({ value: a.slug, label: en ? a.name_en : a.name_sv }))}
          />
          <PlainSelect
            id="status"
            label={t('board.status')}
            defaultValue={params.status}
            empty={t('board.any')}
            options={PUBLIC_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <PlainSelect
            id="by"
            label={t('board.by')}
            defaultValue={params.by}
            empty={t('board.anyone')}
            options={POSTER_KINDS.map((k) => ({ value: k, label: t(`posterKinds.${k}`) }))}
          />
          <PlainSelect
            id="sort"
            label={t('board.sort')}
            defaultValue={params.sort ?? 'new'}
            options={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
          />
          <button type="submit" className="button">
            {t('board.apply')}
          </button>
        </Form>
      </search>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          {t('board.results')}
        </h2>
        {items.length === 0 ? (
          <p>{t('board.empty')}</p>
        ) : (
          <ol className="cards">
            {items.map((item) => (
              <li key={item.id}>
                <ChallengeCard challenge={item} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {(page > 1 || hasNext) && (
        <nav className="pagination" aria-label={t('board.pagination')}>
          {page > 1 && (
            <Link to={pageLink(params, page - 1)} rel="prev">
              {t('board.previous')}
            </Link>
          )}
          <span>{t('board.page', { page })}</span>
          {hasNext && (
            <Link to={pageLink(params, page + 1)} rel="next">
              {t('board.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
