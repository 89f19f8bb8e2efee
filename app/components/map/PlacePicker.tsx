import type * as Leaflet from 'leaflet'
import { useId, useRef, useState } from 'react'
import { useTranslation } from '~/i18n-react'
import { formatCoordinates, roundCoordinate, withinBounds, type Bounds } from '~/models/place'
import { useHydrated } from '~/utils/use-hydrated'
import type { MapCode, MapTiles } from './leaflet'
import { MapView } from './MapView'

/** How close the picker opens on a place already given. */
const ZOOM = 16

/** Sets a form field's value as typing would, so form libraries (Conform) hear of it. */
function fill(id: string, value: number) {
  const input = document.getElementById(id)
  if (!(input instanceof HTMLInputElement)) return
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  if (setter) setter.call(input, String(value))
  else input.value = String(value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

function read(id: string): number | null {
  const input = document.getElementById(id)
  if (!(input instanceof HTMLInputElement) || input.value.trim() === '') return null
  const value = Number(input.value.trim().replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

/**
 * Helpers for the place's coordinate fields, with JavaScript only (without it the fields are
 * typed, or left empty: the place's text is enough): "Use my position" (the browser asks the
 * person first) and "Choose on the map". Both write the point, rounded to four decimals, into
 * the fields `latId` and `lngId`, and say what they wrote in a status line.
 */
export function PlacePicker({
  latId,
  lngId,
  bounds,
  tiles,
}: {
  latId: string
  lngId: string
  bounds: Bounds
  /** null: no tile server, so no map; "Use my position" still works. */
  tiles: MapTiles | null
}) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState('')
  const mapRef = useRef<{ code: MapCode; map: Leaflet.Map; marker: Leaflet.Marker } | null>(null)
  const mapId = useId()
  const helpId = useId()

  if (!hydrated) return null
  const geolocation = typeof navigator !== 'undefined' && 'geolocation' in navigator

  const choose = (lat: number, lng: number) => {
    const point = { lat: roundCoordinate(lat), lng: roundCoordinate(lng) }
    fill(latId, point.lat)
    fill(lngId, point.lng)
    const coordinates = formatCoordinates(point)
    setStatus(
      withinBounds(point, bounds)
        ? t('map.picked', { coordinates })
        : t('map.outside', { coordinates }),
    )
    const shown = mapRef.current
    if (shown) {
      shown.marker.setLatLng(point)
      if (!shown.map.hasLayer(shown.marker)) shown.marker.addTo(shown.map)
    }
  }

  const locate = () => {
    setStatus(t('map.locating'))
    navigator.geolocation.getCurrentPosition(
      (position) => {
        choose(position.coords.latitude, position.coords.longitude)
        mapRef.current?.map.setView([position.coords.latitude, position.coords.longitude], ZOOM)
      },
      () => setStatus(t('map.positionDenied')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  return (
    <div className="map-picker">
      <div className="place-actions">
        {geolocation && (
          <button type="button" className="button secondary" onClick={locate}>
            {t('map.myPosition')}
          </button>
        )}
        {tiles && (
          <button
            type="button"
            className="button secondary"
            aria-expanded={open}
            aria-controls={open ? mapId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? t('map.hidePick') : t('map.pick')}
          </button>
        )}
      </div>
      {tiles && open && (
        <div id={mapId}>
          <p id={helpId} className="hint">
            {t('map.pickHelp')}
          </p>
          <MapView
            tiles={tiles}
            label={t('map.pickLabel')}
            describedBy={helpId}
            draw={(code, map) => {
              const lat = read(latId)
              const lng = read(lngId)
              const marker = code.pickMarker(t('map.pickedMarker'))
              if (lat !== null && lng !== null) {
                map.setView([lat, lng], ZOOM)
                marker.setLatLng([lat, lng]).addTo(map)
              } else map.fitBounds(code.toLatLngBounds(bounds))
              mapRef.current = { code, map, marker }
              map.on('click', (event) => choose(event.latlng.lat, event.latlng.lng))
              map.on('unload', () => (mapRef.current = null))
            }}
          />
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              const centre = mapRef.current?.map.getCenter()
              if (centre) choose(centre.lat, centre.lng)
            }}
          >
            {t('map.pickCentre')}
          </button>
        </div>
      )}
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  )
}
