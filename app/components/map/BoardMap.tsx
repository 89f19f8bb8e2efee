import { useNavigate } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import type { Bounds } from '~/models/place'
import { useHydrated } from '~/utils/use-hydrated'
import type { MapTiles } from './leaflet'
import { MapView } from './MapView'

export interface BoardMapPoint {
  id: number
  title: string
  lat: number
  lng: number
  place: string | null
  area: string
}

/**
 * The board's map view: a marker per matching challenge with coordinates, opening on the town.
 * The list under it (server-rendered, `listId`) holds the same challenges and is the map's
 * equivalent; the map is drawn only with JavaScript.
 */
export function BoardMap({
  tiles,
  bounds,
  points,
  listId,
  dataKey,
}: {
  tiles: MapTiles
  bounds: Bounds
  points: BoardMapPoint[]
  listId: string
  /** Changes when the points do (the query): the map is drawn again. */
  dataKey: string
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const hydrated = useHydrated()
  if (!hydrated) return null
  return (
    <div className="map-section">
      <p id="board-map-help" className="hint">
        {t('map.boardHelp')} <a href={`#${listId}`}>{t('map.toList')}</a>
      </p>
      <MapView
        key={dataKey}
        tiles={tiles}
        label={t('map.boardLabel')}
        describedBy="board-map-help"
        draw={(code, map) => {
          map.fitBounds(code.toLatLngBounds(bounds))
          code.addMarkers(
            map,
            points.map((p) => ({
              lat: p.lat,
              lng: p.lng,
              title: p.title,
              link: { href: `/challenges/${p.id}`, text: p.title },
              lines: [p.place ?? '', p.area].filter(Boolean),
            })),
            t,
            navigate,
          )
        }}
      />
    </div>
  )
}
