import type * as Leaflet from 'leaflet'
import { useEffect, useRef } from 'react'
import { useTranslation } from '~/i18n-react'
import { loadMapCode, type MapCode, type MapTiles } from './leaflet'

/**
 * A Leaflet map, drawn in the browser only (render it after hydration: without JavaScript there
 * is no map, and the page's text or list says the same). `draw` adds what the map shows; it runs
 * once per mount, so give the component a `key` that changes with its data.
 */
export function MapView({
  tiles,
  label,
  describedBy,
  className = 'map',
  draw,
}: {
  tiles: MapTiles
  /** The map's accessible name. */
  label: string
  /** The id of the text that says how to use the map and where its equivalent is. */
  describedBy?: string
  className?: string
  draw: (code: MapCode, map: Leaflet.Map) => void
}) {
  const { t } = useTranslation()
  const element = useRef<HTMLDivElement>(null)
  const latest = useRef({ draw, t, tiles })
  latest.current = { draw, t, tiles }

  useEffect(() => {
    let map: Leaflet.Map | undefined
    let gone = false
    loadMapCode()
      .then((code) => {
        if (gone || !element.current) return
        const { draw, t, tiles } = latest.current
        map = code.createMap(element.current, tiles, t)
        draw(code, map)
      })
      .catch(() => {
        // The chunk did not arrive (offline, a deploy in between): the text stays the place.
        if (element.current) element.current.hidden = true
      })
    return () => {
      gone = true
      map?.remove()
    }
  }, [])

  return (
    <div
      ref={element}
      className={className}
      role="region"
      aria-label={label}
      aria-describedby={describedBy}
    />
  )
}
