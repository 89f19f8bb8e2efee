// Everything that draws a map, with Leaflet itself: loaded only through `loadMapCode()`
// (./leaflet.ts), so the browser build puts it in a chunk of its own, fetched when a map is first
// drawn. `.client`: the server build gets an empty module (Leaflet needs a window).
import * as Leaflet from 'leaflet'
import leafletStylesheet from './leaflet.css'
import markerIcon2xUrl from 'leaflet/dist/images/marker-icon-2x.png'
import markerIconUrl from 'leaflet/dist/images/marker-icon.png'
import markerShadowUrl from 'leaflet/dist/images/marker-shadow.png'
import type { TFunction } from '~/i18n-react'
import type { Bounds } from '~/models/place'
import type { MapTiles, MarkerPoint } from './types'

export type { MapTiles, MarkerPoint } from './types'

/** Leaflet's stylesheet, added to the page once. */
export function addLeafletStylesheet(): Promise<void> {
  const href = leafletStylesheet
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve()
  return new Promise((resolve) => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    // A stylesheet that fails leaves an unstyled map, not a broken page.
    link.onload = link.onerror = () => resolve()
    document.head.append(link)
  })
}

/** Leaflet writes the attribution as HTML; ours is plain text from the environment. */
function escapeHtml(text: string) {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

export function toLatLngBounds(bounds: Bounds) {
  return Leaflet.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east])
}

/**
 * A map in `element` with the tiles, the attribution and translated zoom buttons. Leaflet makes
 * the container focusable (arrows pan, + and − zoom) and markers reachable by Tab.
 */
export function createMap(element: HTMLElement, tiles: MapTiles, t: TFunction) {
  const map = Leaflet.map(element, {
    zoomControl: false,
    attributionControl: false,
    keyboard: true,
  })
  Leaflet.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map)
  Leaflet.control
    .attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
    .addAttribution(escapeHtml(tiles.attribution))
    .addTo(map)
  Leaflet.tileLayer(tiles.url, { maxZoom: 19 })
    // Leaflet's own stylesheet rule for this, set from script (see ./leaflet.css): no seams
    // between tiles in Chromium. A style property set from script is allowed by the CSP.
    .on('tileload', (event: Leaflet.TileEvent) => {
      event.tile.style.mixBlendMode = 'plus-lighter'
    })
    .addTo(map)
  return map
}

/** Leaflet's own marker picture, from the build's assets (same origin, so the CSP allows it). */
function markerIcon() {
  return Leaflet.icon({
    iconUrl: markerIconUrl,
    iconRetinaUrl: markerIcon2xUrl,
    shadowUrl: markerShadowUrl,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  })
}

/**
 * Markers a keyboard can use: each is a button named by its title (Tab reaches it, Enter opens
 * its popup); the popup's link takes the focus, and Escape or the close button gives it back to
 * the marker. `navigate` follows an in-site link without reloading the page.
 */
export function addMarkers(
  map: Leaflet.Map,
  points: MarkerPoint[],
  t: TFunction,
  navigate: (href: string) => void,
) {
  const icon = markerIcon()
  const markers = points.map((point) =>
    Leaflet.marker([point.lat, point.lng], { icon, alt: point.title, keyboard: true })
      .bindPopup(() => popupContent(point, navigate))
      .addTo(map),
  )
  // Leaflet opens a marker's popup on Enter; a button also answers Space. Its Escape works
  // only while the map itself has the focus, not a link in the popup.
  map.getContainer().addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if (event.key === ' ') {
      const marker = markers.find((m) => m.getElement() === target)
      if (!marker) return
      event.preventDefault()
      marker.openPopup()
    } else if (event.key === 'Escape' && target.closest('.leaflet-popup')) {
      map.closePopup()
    }
  })
  map.on('popupopen', (event) => {
    const element = event.popup.getElement()
    element
      ?.querySelector('.leaflet-popup-close-button')
      ?.setAttribute('aria-label', t('map.closePopup'))
    element?.querySelector<HTMLElement>('.map-popup-link')?.focus()
  })
  map.on('popupclose', (event) => {
    // When the popup held the focus, the focus goes back where it came from; a click
    // elsewhere on the map keeps it where the click put it.
    const active = document.activeElement
    const element = event.popup.getElement()
    if (active && active !== document.body && !element?.contains(active)) return
    const source = (event.popup as unknown as { _source?: Leaflet.Marker })._source
    source?.getElement()?.focus({ preventScroll: true })
  })
}

function popupContent(point: MarkerPoint, navigate: (href: string) => void) {
  const box = document.createElement('div')
  const title = document.createElement('p')
  const link = document.createElement('a')
  link.className = 'map-popup-link'
  link.href = point.link.href
  link.textContent = point.link.text
  if (point.link.external) link.rel = 'noopener'
  else
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return
      event.preventDefault()
      navigate(point.link.href)
    })
  title.append(link)
  box.append(title)
  for (const line of point.lines) {
    const p = document.createElement('p')
    p.textContent = line
    box.append(p)
  }
  return box
}

/**
 * The place picker's marker, placed later (setLatLng, addTo). Not focusable: the keyboard picks
 * with the map's centre, and the fields show the point.
 */
export function pickMarker(alt: string) {
  return Leaflet.marker([0, 0], { icon: markerIcon(), alt, keyboard: false })
}
