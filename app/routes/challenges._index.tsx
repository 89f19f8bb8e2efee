import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { ChallengeCard } from '~/components/ChallengeCard'
import { BoardMap } from '~/components/map/BoardMap'
import { PlainSelect } from '~/components/PlainSelect'
import { StatusBadge } from '~/components/StatusBadge'
import { mapTiles } from '~/env.server'
import { parseBoardQuery, parseBoardView, type BoardParams, type BoardView } from '~/forms/board'
import { getBoardMap, getBoardPage, UnknownFilter } from '~/models/board.server'
import { POSTER_KINDS, PUBLIC_STATUSES, SORTS } from '~/models/challenge-constants'
import { MAP_POINTS_MAX } from '~/models/challenge-places.server'
import { boundsOf, formatCoordinates } from '~/models/place'
import { getSettings } from '~/models/settings.server'
import { getRequestPageT } from '~/services/i18n.server'
import { formatNumber } from '~/utils/format'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta({
  query: ['q', 'category', 'area', 'status', 'by', 'sort', 'page', 'view'],
})

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const parsed = parseBoardQuery(url)
  const view = parseBoardView(url)
  if (!parsed.success || !view) throw json({ error: 'bad query' }, { status: 400 })
  const [{ t, locale }, settings] = await Promise.all([getRequestPageT(request), getSettings()])
  // No tile server, no map: the map view is the list.
  const tiles = mapTiles()
  const head = {
    title: t('board.title'),
    description: t('meta.board', { board: settings.boardName }),
    params: parsed.data,
    mapAvailable: Boolean(tiles),
  }
  try {
    if (view === 'map' && tiles) {
      const { page: _page, ...params } = parsed.data
      const { categories, areas, ...places } = await getBoardMap(params, locale)
      return json({
        ...head,
        params,
        categories,
        areas,
        view: 'map' as const,
        map: { tiles, bounds: boundsOf(settings), ...places },
      })
    }
    return json({ ...head, view: 'list' as const, ...(await getBoardPage(parsed.data, locale)) })
  } catch (error) {
    if (error instanceof UnknownFilter) throw json({ error: 'unknown filter' }, { status: 400 })
    throw error
  }
}

/** The board's address for a query, a page of the list and a view. */
function boardLink(params: BoardParams, page: number, view: BoardView = 'list') {
  const search = new URLSearchParams()
  const entries: Array<[string, string | number | undefined]> = Object.entries({
    ...params,
    page: page > 1 ? page : undefined,
    view: view === 'map' ? view : undefined,
  })
  for (const [k, v] of entries) if (v !== undefined && v !== '') search.set(k, String(v))
  const query = search.toString()
  return query ? `/challenges?${query}` : '/challenges'
}

export default function Board() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const { params, categories, areas } = data
  const en = i18n.language === 'en'
  const view = data.view
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
          {view === 'map' && <input type="hidden" name="view" value="map" />}
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
      {data.mapAvailable && (
        <nav className="view-switch" aria-label={t('map.views')}>
          <Link
            to={boardLink(params, view === 'list' ? data.page : 1)}
            aria-current={view === 'list' ? 'page' : undefined}
          >
            {t('map.listView')}
          </Link>
          <span aria-hidden="true"> | </span>
          <Link to={boardLink(params, 1, 'map')} aria-current={view === 'map' ? 'page' : undefined}>
            {t('map.mapView')}
          </Link>
        </nav>
      )}
      {data.view === 'map' ? (
        <MapResults params={params} map={data.map} />
      ) : (
        <>
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="visually-hidden">
              {t('board.results')}
            </h2>
            {data.items.length === 0 ? (
              <p>{t('board.empty')}</p>
            ) : (
              <ol className="cards">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <ChallengeCard challenge={item} />
                  </li>
                ))}
              </ol>
            )}
          </section>
          {(data.page > 1 || data.hasNext) && (
            <nav className="pagination" aria-label={t('board.pagination')}>
              {data.page > 1 && (
                <Link to={boardLink(params, data.page - 1)} rel="prev">
                  {t('board.previous')}
                </Link>
              )}
              <span>{t('board.page', { page: data.page })}</span>
              {data.hasNext && (
                <Link to={boardLink(params, data.page + 1)} rel="next">
                  {t('board.next')}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </>
  )
}

type MapData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: 'map' }>['map']

/**
 * The map view: the map (with JavaScript) and, always, the same challenges as a list with their
 * places, which is the map's equivalent for anyone who cannot or does not use it.
 */
function MapResults({ params, map }: { params: BoardParams; map: MapData }) {
  const { t, i18n } = useTranslation()
  const counted = (count: number) => ({ count, formatted: formatNumber(count, i18n.language) })
  const { points } = map
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        {t('board.results')}
      </h2>
      {points.length > 0 && (
        <BoardMap
          tiles={map.tiles}
          bounds={map.bounds}
          points={points}
          listId="map-list"
          dataKey={boardLink(params, 1, 'map')}
        />
      )}
      {map.withoutPlace > 0 && (
        <p>
          {t(
            map.withoutPlaceMore ? 'map.withoutPlaceMore' : 'map.withoutPlace',
            counted(map.withoutPlace),
          )}{' '}
          <Link to={boardLink(params, 1)}>{t('map.seeInList')}</Link>
        </p>
      )}
      {map.more && <p>{t('map.more', { max: MAP_POINTS_MAX })}</p>}
      {points.length === 0 ? (
        map.withoutPlace === 0 && <p>{t('board.empty')}</p>
      ) : (
        <>
          <h3 id="map-list-heading">{t('map.listHeading', counted(points.length))}</h3>
          <ol id="map-list" className="place-list" aria-labelledby="map-list-heading">
            {points.map((point) => (
              <li key={point.id}>
                <Link to={`/challenges/${point.id}`}>{point.title}</Link>{' '}
                <StatusBadge status={point.status} />
                <br />
                <span className="meta">
                  {point.place ?? formatCoordinates(point)} · {point.area}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
